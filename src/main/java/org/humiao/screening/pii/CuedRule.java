package org.humiao.screening.pii;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * A contact announced by a cue word (QQ number, WeChat id): finds each cue in the folded text and
 * reads the value right after it, past a few filler tokens. Cues that overlap or touch merge, so
 * "加vx" reads as one cue.
 */
abstract class CuedRule implements PiiRule {
  /** Fillers skipped after a cue at most (qq号码是:12345678 skips three). */
  private static final int MAX_FILLERS = 4;

  private record Cue(String text, boolean needsLeftBoundary) {}

  private final Cue[] cues;
  private final BitSet firstChars = new BitSet();
  private final Literals fillers;

  CuedRule(List<String> cues, List<String> fillers) {
    this.cues =
        cues.stream()
            .map(PiiText::fold)
            .sorted(Comparator.comparingInt(String::length).reversed())
            // short Latin cues ("qq", "vx", "q号") must not be the tail of a longer Latin word
            .map(c -> new Cue(c, isAsciiAlnum(c.charAt(0)) && asciiPrefixLength(c) <= 3))
            .toArray(Cue[]::new);
    for (Cue cue : this.cues) {
      firstChars.set(cue.text().charAt(0));
    }
    this.fillers = new Literals(fillers.stream().map(PiiText::fold).toList());
  }

  /** The contact's value at {@code p}, a char index of the folded text, or null. */
  abstract PersonalInfoMatch valueAt(PiiText text, int p);

  /** Adds the first value found after each (merged) cue. */
  @Override
  public final void find(PiiText text, List<PersonalInfoMatch> out) {
    if (!text.has(CharClass.CUE)) {
      return;
    }
    String m = text.folded();
    int pendingEnd = -1;
    for (int i = 0; i < m.length(); i++) {
      int e = cueEndAt(m, i);
      if (e < 0) {
        continue;
      }
      if (pendingEnd >= 0 && i <= pendingEnd) {
        pendingEnd = Math.max(pendingEnd, e);
      } else {
        if (pendingEnd >= 0) {
          afterCue(text, pendingEnd, out);
        }
        pendingEnd = e;
      }
    }
    if (pendingEnd >= 0) {
      afterCue(text, pendingEnd, out);
    }
  }

  private int cueEndAt(String m, int i) {
    if (!firstChars.get(m.charAt(i))) {
      return -1;
    }
    for (Cue cue : cues) {
      if (m.startsWith(cue.text(), i)
          && !(cue.needsLeftBoundary() && i > 0 && isAsciiAlnum(m.charAt(i - 1)))) {
        return i + cue.text().length();
      }
    }
    return -1;
  }

  /**
   * Skips up to {@link #MAX_FILLERS} fillers after the cue (greedily), then tries the positions
   * after 4, 3, ..., 0 of them, so that an id starting like a filler ("idol123") is still found.
   */
  private void afterCue(PiiText text, int cueEnd, List<PersonalInfoMatch> out) {
    String m = text.folded();
    int[] stops = new int[MAX_FILLERS + 1];
    stops[0] = cueEnd;
    int k = 0;
    for (int e; k < MAX_FILLERS && (e = fillers.endAt(m, stops[k])) >= 0; ) {
      stops[++k] = e;
    }
    for (int j = k; j >= 0; j--) {
      PersonalInfoMatch found = stops[j] < m.length() ? valueAt(text, stops[j]) : null;
      if (found != null) {
        out.add(found);
        return;
      }
    }
  }

  private static int asciiPrefixLength(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) < 128) {
      i++;
    }
    return i;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
