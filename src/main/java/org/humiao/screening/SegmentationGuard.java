package org.humiao.screening;

import org.humiao.screening.text.CharFolding;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;

/**
 * Uses HanLP word segmentation to tell a real occurrence from a term that only sits inside an
 * innocent word: 操 in 操场, 日 in 日本 or 白日做梦, 沙比 across 沙/比例. Segmentation is costly,
 * so it runs only for guarded matches, and only on a window around the match. Only words of
 * HanLP's core dictionary count, not guessed personal names or rare custom entries.
 */
final class SegmentationGuard {
  private static final int WINDOW = 4;
  /**
   * Null until the first segmentation: HanLP loads its core dictionary then (~0.3 s, seconds under
   * load), which a file command whose lines never need a segmentation should not pay. The service
   * pays it at start, in the engine's warm-up.
   */
  private volatile Segment segment;

  /**
   * Loads HanLP's dictionaries if no segmentation has yet, and returns the nanoseconds this call
   * spent on that (loading or waiting for another thread's load), 0 once they are loaded: a
   * text's budget is not charged for a load that happens once per process.
   */
  long load() {
    if (segment != null) {
      return 0;
    }
    long started = System.nanoTime();
    synchronized (this) {
      if (segment == null) {
        Segment loading = HanLP.newSegment().enableOffset(true);
        loading.seg("中国男友");
        segment = loading;
      }
    }
    return System.nanoTime() - started;
  }

  boolean loaded() {
    return segment != null;
  }

  /** Whether [begin, end) of the text is part of a longer word or cut across by one. */
  boolean insideOtherWord(String text, int begin, int end) {
    return cuts(text, begin, end).coreOverlap;
  }

  /**
   * Whether words cut the match at its edges, so it was never written as a unit: a word across its
   * start (国男 in 中国/男友, 作精 in 工作/精神), or one across its start and one across its end (女优 in
   * 魔女/优雅: the first character closes the word before, the last opens the word after). A word
   * across the end alone does not count: it is as often the next word run on (刷单 in 刷/单日/结).
   * The word across the start of a both-ends cut may be one the segmenter guessed (魔女 is not in
   * the core dictionary); the one across the end must be a dictionary word.
   */
  boolean cutAtItsEdges(String text, int begin, int end) {
    Cuts cuts = cuts(text, begin, end);
    return cuts.coreAcrossStart || (cuts.anyAcrossStart && cuts.coreAcrossEnd);
  }

  /** Where the word that opens at {@code at} (after a 的, so a word starts there) ends, within its clause. */
  int wordEnd(String text, int at) {
    int to = Math.min(text.length(), at + 2 * WINDOW);
    int boundaryAfter = text.indexOf(CharFolding.BOUNDARY_MARK, at);
    if (boundaryAfter >= 0 && boundaryAfter < to) {
      to = boundaryAfter;
    }
    load();
    List<Term> words = segment.seg(text.substring(at, to));
    return words.isEmpty() ? at : at + words.get(0).length();
  }

  /** How the segmented words around [begin, end) meet it. */
  private record Cuts(boolean coreOverlap, boolean coreAcrossStart, boolean anyAcrossStart, boolean coreAcrossEnd) {}

  private Cuts cuts(String text, int begin, int end) {
    int from = Math.max(0, begin - WINDOW);
    int to = Math.min(text.length(), end + WINDOW);
    int boundaryBefore = text.lastIndexOf(CharFolding.BOUNDARY_MARK, begin);
    if (boundaryBefore >= from) {
      from = boundaryBefore + 1;
    }
    int boundaryAfter = text.indexOf(CharFolding.BOUNDARY_MARK, end);
    if (boundaryAfter >= 0 && boundaryAfter < to) {
      to = boundaryAfter;
    }
    load();
    boolean coreOverlap = false;
    boolean coreAcrossStart = false;
    boolean anyAcrossStart = false;
    boolean coreAcrossEnd = false;
    for (Term word : segment.seg(text.substring(from, to))) {
      // only core-dictionary words are trusted alone: not guessed names (沙比吧) or rare entries (币别)
      boolean core = CoreDictionary.getTermFrequency(word.word) > 0;
      int wordBegin = from + word.offset;
      int wordEnd = wordBegin + word.length();
      boolean overlaps = wordBegin < end && wordEnd > begin;
      boolean same = wordBegin == begin && wordEnd == end;
      boolean within = wordBegin >= begin && wordEnd <= end;
      boolean acrossStart = wordBegin < begin && wordEnd > begin && wordEnd <= end;
      boolean acrossEnd = wordBegin >= begin && wordBegin < end && wordEnd > end;
      coreOverlap |= core && overlaps && !same && !within;
      coreAcrossStart |= core && acrossStart;
      anyAcrossStart |= acrossStart;
      coreAcrossEnd |= core && acrossEnd;
    }
    return new Cuts(coreOverlap, coreAcrossStart, anyAcrossStart, coreAcrossEnd);
  }
}
