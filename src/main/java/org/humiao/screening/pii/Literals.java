package org.humiao.screening.pii;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A set of words matched literally, longest first so that 号码 wins over 号 and 实验学校 over 学校. */
final class Literals {
  private final String[] words;
  private final BitSet firstChars = new BitSet();

  Literals(List<String> words) {
    this.words =
        words.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toArray(String[]::new);
    for (String w : this.words) {
      firstChars.set(w.charAt(0));
    }
  }

  /** The chars the words start with (a copy). */
  BitSet firstChars() {
    return (BitSet) firstChars.clone();
  }

  /** End of the longest word found at {@code i}, or -1. */
  int endAt(CharSequence t, int i) {
    if (i >= t.length() || !firstChars.get(t.charAt(i))) {
      return -1;
    }
    for (String w : words) {
      if (occursAt(t, i, w)) {
        return i + w.length();
      }
    }
    return -1;
  }

  /** Whether one of the words ends right before {@code end}. */
  boolean endsAt(CharSequence t, int end) {
    for (String w : words) {
      if (end >= w.length() && occursAt(t, end - w.length(), w)) {
        return true;
      }
    }
    return false;
  }

  /** A regex group matching any of the words, longest first. */
  String alternation() {
    return Stream.of(words).map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
  }

  private static boolean occursAt(CharSequence t, int i, String w) {
    if (i + w.length() > t.length()) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (t.charAt(i + k) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
