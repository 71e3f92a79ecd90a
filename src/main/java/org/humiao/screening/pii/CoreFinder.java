package org.humiao.screening.pii;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds addresses and schools in two steps. A Han place name cannot be anchored, and a regex
 * starting with one backtracks at every position of a long line; so a regex finds the distinctive
 * "core" (street + house number, compound + building, school + grade/class), which starts with a
 * literal, and only then is the name before it checked by walking back over name chars. The regex
 * only runs where the literal is followed by a char that can continue the core, so ordinary text
 * never pays for it.
 */
final class CoreFinder {
  /** Chars that start a number in an address or class. */
  static final String NUMBER_CHARS = "0123456789零〇一二三四五六七八九十百两";

  /** A number as addresses and classes spell it. */
  static final String NUM = "(?:[0-9]{1,5}|[零〇一二三四五六七八九十百两]{1,5})";

  /** Han chars that cannot be part of a place or school name; all other BMP Han chars can. */
  private static final String NOT_NAME = "的了在住是我你他她它们到去从就也都很这那个吗呢吧啊说要回";

  /** Where the literal that starts a core at {@code i} ends, or -1. */
  interface Lead {
    int endAt(CharSequence t, int i);
  }

  /** Where the range starts for a core starting at {@code coreStart}, or -1 if the name fails. */
  interface Name {
    int startBefore(CharSequence t, int coreStart);
  }

  private final PersonalInfoKind kind;
  private final BitSet starts;
  private final Lead lead;
  private final String followers;
  private final Pattern core;
  private final Name name;

  /**
   * @param starts the chars a lead literal can start with; a test of them spares most chars the
   *     call to {@code lead}
   * @param followers the chars that may follow the lead literal in a core
   * @param core the core, matched anchored where the lead literal is followed by a follower
   */
  CoreFinder(
      PersonalInfoKind kind, BitSet starts, Lead lead, String followers, Pattern core, Name name) {
    this.kind = kind;
    this.starts = starts;
    this.lead = lead;
    this.followers = followers;
    this.core = core;
    this.name = name;
  }

  /** Adds each core with a valid name before it; after a failed name, retries one char further. */
  void find(CharSequence text, List<PersonalInfoMatch> out) {
    final int n = text.length();
    Matcher m = null;
    int i = 0;
    while (i < n) {
      int e = starts.get(text.charAt(i)) ? lead.endAt(text, i) : -1;
      if (e < 0 || e >= n || followers.indexOf(text.charAt(e)) < 0) {
        i++;
        continue;
      }
      if (m == null) {
        m = core.matcher(text);
      }
      m.region(i, n);
      int start = m.lookingAt() ? name.startBefore(text, i) : -1;
      if (start >= 0) {
        out.add(new PersonalInfoMatch(kind, start, m.end()));
        i = m.end();
      } else {
        i++;
      }
    }
  }

  /** Start of the run of name chars ending at {@code end}, at most {@code max} chars long. */
  static int nameRunStart(CharSequence t, int end, int max) {
    int limit = Math.max(0, end - max);
    int i = end;
    while (i > limit && isName(t.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isName(char c) {
    // the common ideographs first: looking a script up is a binary search
    boolean han =
        (c >= '\u4e00' && c <= '\u9fa5')
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    return han && NOT_NAME.indexOf(c) < 0;
  }
}
