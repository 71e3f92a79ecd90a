package org.humiao.screening;

import org.humiao.screening.text.CharFolding;

import java.util.BitSet;
import java.util.Map;

/**
 * Turns what a user typed into the form lexicons are written in, keeping an offset map:
 * compatibility and full-width forms folded, lower case, traditional to simplified, separators,
 * symbols, emoji and zero-width characters dropped (remembered as gaps), sentence punctuation
 * kept as a boundary, split characters (弓虽 → 强) joined, and runs of one repeated character
 * collapsed (傻傻傻逼), of a letter from three on (sbbb, but qq and good stay); digits are kept,
 * they carry phone and ID numbers.
 */
public final class TextNormalizer {
  private final Map<Integer, Character> splitCharacters;
  /**
   * The chars that close a split pair: only after one is the map asked, whose boxed key cost a lookup
   * and an Integer on every char of every text.
   */
  private final BitSet secondComponents = new BitSet();

  /** @param splitCharacters two components packed as {@code first << 16 | second} to the joined character */
  public TextNormalizer(Map<Integer, Character> splitCharacters) {
    this.splitCharacters = Map.copyOf(splitCharacters);
    splitCharacters.keySet().forEach(pair -> secondComponents.set(pair & 0xFFFF));
  }

  public static int pair(char first, char second) {
    return first << 16 | second;
  }

  public NormalizedText normalize(String original) {
    int n = original.length();
    char[] chars = new char[n];
    int[] start = new int[n];
    int[] end = new int[n];
    boolean[] gap = new boolean[n];
    int[] collapsed = new int[n];
    int len = 0;
    boolean pendingGap = false;
    int run = 0;
    for (int i = 0; i < n; ) {
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      char folded = cp < 0x10000 ? CharFolding.fold((char) cp) : CharFolding.foldSupplementary(cp);
      if (folded == CharFolding.SEPARATOR) {
        pendingGap = true;
      } else {
        if (folded == CharFolding.BOUNDARY) {
          folded = CharFolding.BOUNDARY_MARK;
        }
        run = len > 0 && chars[len - 1] == folded ? run + 1 : 1;
        boolean repeat = run > 1 && !Character.isDigit(folded) && folded != CharFolding.BOUNDARY_MARK;
        boolean latin = CharFolding.isLatinWordChar(folded);
        Character joined = len > 0 && secondComponents.get(folded)
            ? splitCharacters.get(pair(chars[len - 1], folded)) : null;
        if (joined != null) {
          chars[len - 1] = joined;
          end[len - 1] = next;
          // the joined char may now repeat its predecessor (强弓虽 → 强)
          if (len > 1 && chars[len - 2] == joined) {
            end[len - 2] = next;
            collapsed[len - 2] += 1 + collapsed[len - 1];
            len--;
          }
        } else if (repeat && latin && run == 2) {
          // a doubled letter stays (qq, good) until a third shows it is a run (sbbb)
          chars[len] = folded;
          start[len] = i;
          end[len] = next;
          gap[len] = pendingGap;
          collapsed[len] = 0;
          len++;
        } else if (repeat && latin && run == 3) {
          len--;
          end[len - 1] = next;
          collapsed[len - 1] += 2;
        } else if (repeat) {
          end[len - 1] = next;
          collapsed[len - 1]++;
        } else {
          chars[len] = folded;
          start[len] = i;
          end[len] = next;
          gap[len] = pendingGap;
          collapsed[len] = 0;
          len++;
        }
        pendingGap = false;
      }
      i = next;
    }
    // trimmed so the automaton can scan the array as it is
    return new NormalizedText(original, len == n ? chars : java.util.Arrays.copyOf(chars, len), start, end, gap, collapsed, len);
  }
}
