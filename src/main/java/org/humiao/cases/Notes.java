package org.humiao.cases;

import org.humiao.identity.ResidentIdNumber;

/**
 * A case note is the regulator's words about what was done, never a person's identity: a note
 * holding a valid resident ID number (17 digits and a check character that matches, GB 11643) is
 * refused, as is one over {@value #MAX_LENGTH} characters.
 */
final class Notes {
  static final int MAX_LENGTH = 2000;

  private Notes() {}

  static void check(String note) {
    if (note.length() > MAX_LENGTH) {
      throw new CaseException(CaseException.Problem.INVALID, "a note holds at most " + MAX_LENGTH + " characters");
    }
    if (ResidentIdNumber.foundIn(note)) {
      throw new CaseException(CaseException.Problem.INVALID,
          "a note may not hold a resident ID number: cases keep only pseudonyms");
    }
  }
}
