package org.humiao.screening.text;

import com.hankcs.hanlp.HanLP;

import java.text.Normalizer;

/**
 * Per-character folding table for the Basic Multilingual Plane, built once: compatibility forms
 * (full-width, circled, styled letters) to their plain form, upper to lower case, traditional to
 * simplified Chinese, and every other character classified as a separator, a sentence boundary
 * or ignorable. A table lookup keeps normalization at a few nanoseconds per character.
 */
public final class CharFolding {
  /** Dropped; terms may span it (傻*逼, 傻 逼). */
  public static final char SEPARATOR = '\uFFFE';
  /** Kept as {@link #BOUNDARY_MARK}; no term spans it (。！？). */
  public static final char BOUNDARY = '\uFFFD';
  public static final char BOUNDARY_MARK = '|';

  /** ASCII '.' is not among them: users put it between characters far more than they end sentences with it. */
  private static final String BOUNDARY_CHARS = ",!?;，。！？；…\n\r";
  private static final char[] TABLE = build();

  private CharFolding() {}

  /** The folded form of a BMP char, or {@link #SEPARATOR} / {@link #BOUNDARY}. */
  public static char fold(char c) {
    return TABLE[c];
  }

  /** A BMP letter or digit folded as {@link #fold} folds it (Ａ → a); any other char as it is. */
  public static char foldLetterOrDigit(char c) {
    char folded = TABLE[c];
    return folded == SEPARATOR || folded == BOUNDARY ? c : folded;
  }

  /** Folding of a supplementary code point: styled letters fold, the rest (emoji) separates. */
  public static char foldSupplementary(int codePoint) {
    if (Character.isLetterOrDigit(codePoint)) {
      String nfkc = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
      if (nfkc.length() == 1) {
        return TABLE[nfkc.charAt(0)];
      }
      return SEPARATOR;
    }
    return SEPARATOR;
  }

  public static boolean isLatinWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static char[] build() {
    char[] table = new char[0x10000];
    for (int c = 0; c < table.length; c++) {
      table[c] = classify((char) c);
    }
    // Traditional to simplified, character by character so every output char keeps one source.
    for (int c = 0x3400; c <= 0x9FFF; c++) {
      if (table[c] != c) {
        continue;
      }
      String simplified = HanLP.convertToSimplifiedChinese(String.valueOf((char) c));
      if (simplified.length() == 1) {
        table[c] = simplified.charAt(0);
      }
    }
    return table;
  }

  private static char classify(char c) {
    if (BOUNDARY_CHARS.indexOf(c) >= 0) {
      return BOUNDARY;
    }
    if (Character.isSurrogate(c)) {
      return SEPARATOR;
    }
    char base = c;
    if (c >= 0x80 && !Character.isIdeographic(c)) {
      String nfkc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
      if (nfkc.length() == 1) {
        base = nfkc.charAt(0);
        if (BOUNDARY_CHARS.indexOf(base) >= 0) {
          return BOUNDARY;
        }
      }
    }
    if (Character.isLetterOrDigit(base)) {
      return Character.toLowerCase(base);
    }
    return SEPARATOR;
  }
}
