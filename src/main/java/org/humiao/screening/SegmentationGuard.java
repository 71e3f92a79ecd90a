package org.humiao.screening;

import org.humiao.screening.text.CharFolding;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Uses HanLP word segmentation to tell a real occurrence from a term that only sits inside an
 * innocent word: 操 in 操场, 日 in 日本 or 白日做梦, 沙比 across 沙/比例. Segmentation is costly,
 * so it runs only for guarded matches, and only on a window around the match. Only words of
 * HanLP's core dictionary count, not guessed personal names or rare custom entries.
 */
final class SegmentationGuard {
  private static final int WINDOW = 4;
  private final Segment segment = HanLP.newSegment().enableOffset(true);

  SegmentationGuard() {
    // HanLP loads its dictionaries on the first segmentation (~0.3 s, seconds under load): do it
    // at start-up, not in the first screening calls, now that ordinary matches are segmented too
    segment.seg("中国男友");
  }

  /** Whether [begin, end) of the text is part of a longer word or cut across by one. */
  boolean insideOtherWord(String text, int begin, int end) {
    return crossed(text, begin, end, true);
  }

  /**
   * Whether a word cuts across the start of [begin, end): the match begins in the middle of a word
   * (国男 in 中国/男友, 作精 in 工作/精神), so it was never written as a unit. Only the start: a
   * word across the end is as often the next word run on (刷单 in 刷/单日/结).
   */
  boolean startsInsideWord(String text, int begin, int end) {
    return crossed(text, begin, end, false);
  }

  private boolean crossed(String text, int begin, int end, boolean anyOverlap) {
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
    for (Term word : segment.seg(text.substring(from, to))) {
      if (CoreDictionary.getTermFrequency(word.word) == 0) {
        continue; // only core-dictionary words count: not guessed names (沙比吧) or rare entries (币别)
      }
      int wordBegin = from + word.offset;
      int wordEnd = wordBegin + word.length();
      boolean overlaps = wordBegin < end && wordEnd > begin;
      boolean same = wordBegin == begin && wordEnd == end;
      boolean within = wordBegin >= begin && wordEnd <= end;
      boolean acrossStart = wordBegin < begin && wordEnd > begin && wordEnd <= end;
      if (anyOverlap ? overlaps && !same && !within : acrossStart) {
        return true;
      }
    }
    return false;
  }
}
