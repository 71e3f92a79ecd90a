package org.humiao.screening.pii;

import static org.humiao.screening.pii.CoreFinder.NUM;
import static org.humiao.screening.pii.CoreFinder.NUMBER_CHARS;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A school with a grade or class: 2–10 name chars (optionally followed by up to 3 digits, as in
 * 北京101中学) and a school suffix (pii/school_suffixes.tsv, or a numbered school 四中, 十一中),
 * immediately followed by a grade ({@code 初一..初三, 高一..高三, N年级, 2019级/届}) with an
 * optional class, or by a class ({@code N班}, {@code (N)班}). A bare school name, city or class
 * is not a disclosure.
 */
final class SchoolRule implements PiiRule {
  private static final String SCHOOL_NUMERALS = "一二三四五六七八九十";
  private static final String GRADE =
      "(?:[初高][一二三123](?:年级)?|[一二三四五六七八九1-9]年级|(?:[0-9]{2,4}|[零〇一二三四五六七八九]{2,4})[级届])";
  private static final String CLASS = "[(（]?" + NUM + "[)）]?班";

  private final Literals suffixes;
  private final CoreFinder schools;

  SchoolRule(PiiLexicon words) {
    suffixes = new Literals(words.schoolSuffixes());
    String suffix = "(?:" + suffixes.alternation() + "|[" + SCHOOL_NUMERALS + "]{1,3}中)";
    BitSet starts = suffixes.firstChars();
    SCHOOL_NUMERALS.chars().forEach(starts::set);
    schools =
        new CoreFinder(
            PersonalInfoKind.SCHOOL,
            starts,
            this::suffixEnd,
            NUMBER_CHARS + "初高(（",
            Pattern.compile(suffix + "(?:" + GRADE + "(?:" + CLASS + ")?|" + CLASS + ")"),
            SchoolRule::nameStart);
  }

  @Override
  public void find(PiiText text, List<PersonalInfoMatch> out) {
    if (text.hasNumber() && text.has(CharClass.GRADE) && text.has(CharClass.SCHOOL)) {
      schools.find(text.text(), out);
    }
  }

  /** End of a school suffix or of a numbered school's 一..十{1,3}中 at {@code i}, or -1. */
  private int suffixEnd(CharSequence t, int i) {
    int e = suffixes.endAt(t, i);
    if (e >= 0) {
      return e;
    }
    int j = i;
    while (j < t.length() && j - i < 3 && SCHOOL_NUMERALS.indexOf(t.charAt(j)) >= 0) {
      j++;
    }
    return j > i && j < t.length() && t.charAt(j) == '中' ? j + 1 : -1;
  }

  /** NAME{2,10} then up to 3 digits before the suffix. */
  private static int nameStart(CharSequence t, int cs) {
    int d = cs;
    while (d > 0 && cs - d < 3 && PiiText.isDigit(t.charAt(d - 1))) {
      d--;
    }
    if (d > 0 && PiiText.isDigit(t.charAt(d - 1))) {
      return -1;
    }
    int r = CoreFinder.nameRunStart(t, d, 10);
    return d - r >= 2 ? r : -1;
  }
}
