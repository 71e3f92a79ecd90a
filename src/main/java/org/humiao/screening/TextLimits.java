package org.humiao.screening;

/**
 * What a screenable text may be: at most {@code maxLength} UTF-16 units, no control characters
 * other than tab and line breaks, no unpaired surrogates.
 */
public record TextLimits(int maxLength) {
  public static final int DEFAULT_MAX_LENGTH = 5000;

  void check(String text) {
    if (text.length() > maxLength) {
      throw new InvalidTextException(InvalidTextException.Problem.TEXT_TOO_LONG, "text is " + text.length() + " UTF-16 units, the limit is " + maxLength);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
        throw new InvalidTextException(InvalidTextException.Problem.INVALID_TEXT, "control character U+%04X at %d".formatted((int) c, i));
      }
      if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
        throw new InvalidTextException(InvalidTextException.Problem.INVALID_TEXT, "unpaired surrogate at " + i);
      }
    }
  }
}
