package org.humiao.screening.pii;

import java.util.List;

/**
 * Mainland mobile numbers: a maximal digit run that is {@code 1[3-9]} and 9 more digits, or the
 * same after {@code 86} or {@code 0086} in the same run, then optionally preceded by {@code +}
 * (prefix and {@code +} are inside the range). Longer or shorter runs are not reported.
 */
final class MobileRule implements PiiRule {

  @Override
  public void find(PiiText text, List<PersonalInfoMatch> out) {
    if (text.longestNumberRun() < 11) {
      return;
    }
    String m = text.folded();
    text.forEachDigitRun(
        (s, e) -> {
          int start = start(m, s, e);
          if (start >= 0) {
            out.add(new PersonalInfoMatch(PersonalInfoKind.MOBILE, start, e));
          }
        });
  }

  /**
   * If the maximal digit run {@code [s, e)} of the folded text {@code m} is a mobile number,
   * the start of its range (with a prefix's {@code +}), else -1.
   */
  static int start(String m, int s, int e) {
    int core =
        switch (e - s) {
          case 11 -> s;
          case 13 -> m.startsWith("86", s) ? s + 2 : -1;
          case 15 -> m.startsWith("0086", s) ? s + 4 : -1;
          default -> -1;
        };
    if (core < 0 || m.charAt(core) != '1' || m.charAt(core + 1) < '3' || m.charAt(core + 1) > '9') {
      return -1;
    }
    return core != s && s > 0 && m.charAt(s - 1) == '+' ? s - 1 : s;
  }
}
