package org.humiao.screening.pii;

import java.util.List;

/** Finds one kind of personal information; overlaps with other kinds are left to the detector. */
interface PiiRule {

  /**
   * Adds what this rule finds in {@code text} to {@code out}. A rule first asks {@code text}
   * whether the chars it needs occur at all, so that ordinary text costs it next to nothing.
   */
  void find(PiiText text, List<PersonalInfoMatch> out);
}
