package org.humiao.screening.pii;

import org.humiao.screening.text.CharFolding;

/**
 * A text as the rules read it: the text itself, which char classes occur in it and its longest
 * run of digits, found in one pass, and its folded form, made once when a rule first needs it.
 */
final class PiiText {
  private static final int NUMBER = CharClass.DIGIT.bit | CharClass.NUMERAL.bit;
  private static final int ANY_NUMBER = NUMBER | CharClass.ADDRESS_NUMERAL.bit;

  private final CharSequence text;
  private final int classes;
  private final int longestNumberRun;
  private String folded;

  private PiiText(CharSequence text, int classes, int longestNumberRun) {
    this.text = text;
    this.classes = classes;
    this.longestNumberRun = longestNumberRun;
  }

  /** Reads {@code text} once through {@code table} (from {@link CharClass#table}). */
  static PiiText scan(CharSequence text, byte[] table) {
    int classes = 0;
    int run = 0;
    int longest = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int c = table[text.charAt(i)] & 0xFF;
      classes |= c;
      run = (c & NUMBER) != 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return new PiiText(text, classes, longest);
  }

  /**
   * A char as numbers, cues and ids are matched: Chinese numerals as digits (one char for one, so
   * offsets hold), letters and digits folded by the engine's {@link CharFolding} (Ａ → a), the rest
   * as it is. Digits are spelled in Chinese to slip past filters, so only this detector reads them.
   */
  static char fold(char c) {
    return switch (c) {
      case '零', '〇' -> '0';
      case '一', '壹', '幺' -> '1';
      case '二', '贰' -> '2';
      case '三', '叁' -> '3';
      case '四', '肆' -> '4';
      case '五', '伍' -> '5';
      case '六', '陆' -> '6';
      case '七', '柒' -> '7';
      case '八', '捌' -> '8';
      case '九', '玖' -> '9';
      default -> CharFolding.foldLetterOrDigit(c);
    };
  }

  static String fold(CharSequence s) {
    char[] chars = new char[s.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = fold(s.charAt(i));
    }
    return new String(chars);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  CharSequence text() {
    return text;
  }

  /** The text with every char {@link #fold folded}. */
  String folded() {
    if (folded == null) {
      folded = fold(text);
    }
    return folded;
  }

  boolean has(CharClass c) {
    return (classes & c.bit) != 0;
  }

  /**
   * Whether no rule can match: every rule needs a char of a class other than the numbers, or a
   * run of digits as long as a mobile number, the shortest number a rule reads. Most lines are so.
   */
  boolean isPlain() {
    return (classes & ~ANY_NUMBER) == 0 && longestNumberRun < 11;
  }

  /** Whether any digit or numeral, including 十百两, occurs. */
  boolean hasNumber() {
    return (classes & ANY_NUMBER) != 0;
  }

  /** The longest run of digits and numerals read as digits. */
  int longestNumberRun() {
    return longestNumberRun;
  }

  /** End of the run of digits starting at {@code p} in the folded text. */
  int digitRunEnd(int p) {
    String m = folded();
    int e = p;
    while (e < m.length() && isDigit(m.charAt(e))) {
      e++;
    }
    return e;
  }

  /** Calls {@code run} with each maximal run of digits in the folded text. */
  void forEachDigitRun(DigitRun run) {
    String m = folded();
    int i = 0;
    while (i < m.length()) {
      if (isDigit(m.charAt(i))) {
        int e = digitRunEnd(i);
        run.at(i, e);
        i = e;
      } else {
        i++;
      }
    }
  }

  /** Receives a maximal digit run {@code [start, end)} of the folded text. */
  interface DigitRun {
    void at(int start, int end);
  }
}
