package org.humiao.screening;

/**
 * Text after normalization, with every normalized char mapped back to the UTF-16 range of the
 * original that produced it, so evidence found in the normalized form points at what the user
 * typed.
 */
public final class NormalizedText {
  private final String original;
  private final char[] chars;
  private final int[] start;
  private final int[] end;
  private final boolean[] gapBefore;
  private final int[] collapsed;
  private final int length;
  /** {@link #text()}, made at its first call: the stages each ask for it. */
  private String text;

  NormalizedText(String original, char[] chars, int[] start, int[] end, boolean[] gapBefore, int[] collapsed, int length) {
    this.original = original;
    this.chars = chars;
    this.start = start;
    this.end = end;
    this.gapBefore = gapBefore;
    this.collapsed = collapsed;
    this.length = length;
  }

  public String original() {
    return original;
  }

  public int length() {
    return length;
  }

  public char charAt(int i) {
    return chars[i];
  }

  char[] chars() {
    return chars;
  }

  /** Start (inclusive) in the original of the normalized char at {@code i}. */
  public int originalStart(int i) {
    return start[i];
  }

  /** End (exclusive) in the original of the normalized range ending before {@code iEnd}. */
  public int originalEnd(int iEnd) {
    return end[iEnd - 1];
  }

  /** Whether a separator was dropped directly before the normalized char at {@code i}. */
  public boolean gapBefore(int i) {
    return gapBefore[i];
  }

  /** How many repeated characters were collapsed into the normalized chars of [begin, end) (傻傻逼: 1). */
  public int collapsed(int begin, int end) {
    int sum = 0;
    for (int i = begin; i < end; i++) {
      sum += collapsed[i];
    }
    return sum;
  }

  public String text() {
    String made = text;
    if (made == null) {
      // a race makes two equal strings, one of them kept
      made = new String(chars, 0, length);
      text = made;
    }
    return made;
  }

  @Override
  public String toString() {
    return text();
  }
}
