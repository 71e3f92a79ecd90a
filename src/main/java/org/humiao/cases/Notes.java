package org.humiao.cases;

import org.humiao.identity.ResidentIdNumber;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case note is the regulator's words about what was done, never a person's identity: a note
 * holding a valid resident ID number (17 digits and a check character that matches, GB 11643) is
 * refused, as is one over {@value #MAX_LENGTH} characters.
 */
final class Notes {
  static final int MAX_LENGTH = 2000;
  private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

  private Notes() {}

  static void check(String note) {
    if (note.length() > MAX_LENGTH) {
      throw new CaseException(CaseException.Problem.INVALID, "a note holds at most " + MAX_LENGTH + " characters");
    }
    Matcher m = CANDIDATE.matcher(note);
    while (m.find()) {
      if (ResidentIdNumber.isValid18(m.group().toUpperCase(java.util.Locale.ROOT))) {
        throw new CaseException(CaseException.Problem.INVALID,
            "a note may not hold a resident ID number: cases keep only pseudonyms");
      }
    }
  }
}
