package org.humiao.screening;

import org.humiao.screening.text.CharFolding;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;
import java.util.Set;

/**
 * Uses HanLP word segmentation to tell a real occurrence from a term that only sits inside an
 * innocent word: 操 in 操场, 日 in 日本 or 白日做梦, 沙比 across 沙/比例. Segmentation is costly,
 * so it runs only for guarded matches, and only on a window around the match. Only words of
 * HanLP's core dictionary count, not guessed personal names or rare custom entries.
 */
final class SegmentationGuard {
  private static final int WINDOW = 4;
  /** Adverbs a comparison with 比 takes before its adjective (比你还高, 比你更聪明); 真, 很, 太 it never takes. */
  private static final Set<String> COMPARATIVE_ADVERBS = Set.of("还", "更", "更加", "都", "要", "还要", "稍", "稍微", "略", "略微");
  /** How much, after a comparison's adjective (聪明多了, 高一点). */
  private static final Set<String> COMPARATIVE_MEASURES = Set.of("多", "得多", "多了", "一点", "点", "一些", "些", "不少", "很多", "许多");
  /**
   * Modals of ability or habit that compare through a verb after an adverb (比你还会撒娇, 比你还能吃, 比你更爱干净);
   * not 敢, which dares 你 (狗比你还敢来), nor 想 or 要.
   */
  private static final Set<String> COMPARATIVE_MODALS = Set.of("会", "能", "能够", "爱", "懂得");
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
    int to = clauseEnd(text, at, 2 * WINDOW);
    load();
    List<Term> words = segment.seg(text.substring(at, to));
    return words.isEmpty() ? at : at + words.get(0).length();
  }

  /**
   * Whether the match's last character is a preposition that opens a comparison after it rather than
   * ends the term (菜比 in 菜比肉还贵, 狗比 in 你家狗比你聪明多了): the word before it, inside the match, is a noun or
   * pronoun (the thing compared, so not 傻 of 傻比); after it come the compared noun phrase (nouns, pronouns,
   * 的, a verb before 的: 超市卖的), comparative adverbs at most (还, 更) and an adjective that ends the comparison
   * (clause end, 了, 的, or a measure: 多, 一点), or an adverb, a modal of ability and its verb (狗比你还会撒娇). 你个狗比,
   * 狗比东西还敢来, 狗比你给我滚 compare nothing, nor do 狗比你真恶心 (真 is no comparison's adverb), 狗比你快滚 (a verb
   * after the adjective), 狗比你还敢来 (敢 dares 你) and 狗比你会死 (a modal without the comparison's adverb).
   */
  boolean opensComparison(String text, int begin, int end) {
    int from = clauseStart(text, begin);
    int to = clauseEnd(text, end, 2 * WINDOW);
    load();
    List<Term> words = segment.seg(text.substring(from, to));
    int at = 0;
    while (at < words.size() && from + words.get(at).offset + words.get(at).length() < end - 1) {
      at++;
    }
    // the compared noun ends where the preposition, one character and a word of its own, begins
    if (at + 1 >= words.size() || from + words.get(at).offset < begin
        || from + words.get(at).offset + words.get(at).length() != end - 1
        || !opens(words.get(at), "n", "r") || words.get(at + 1).length() != 1
        || !opens(words.get(at + 1), "p")) {
      return false;
    }
    int next = at + 2;
    int nounPhrase = next;
    while (next < words.size() && (opens(words.get(next), "n", "r", "ude1")
        || (opens(words.get(next), "v") && next + 1 < words.size() && opens(words.get(next + 1), "ude1")))) {
      next++;
    }
    if (next == nounPhrase) {
      return false;
    }
    int adverbs = next;
    while (next < words.size() && COMPARATIVE_ADVERBS.contains(words.get(next).word)) {
      next++;
    }
    // an adverb, a modal and a verb or an idiom (会看眼色) compare what the two can do; 会不会, 能不能 ask 你 instead
    if (next > adverbs && next + 1 < words.size() && COMPARATIVE_MODALS.contains(words.get(next).word)
        && opens(words.get(next + 1), "v", "l") && "不没".indexOf(words.get(next + 1).word.charAt(0)) < 0) {
      return true;
    }
    if (next >= words.size() || !opens(words.get(next), "a")) {
      return false;
    }
    next++;
    return next == words.size() || opens(words.get(next), "ule", "ude1", "y")
        || COMPARATIVE_MEASURES.contains(words.get(next).word);
  }

  /** Whether the word's part of speech is one of these or a subclass of one (nr, rr, ad). */
  private static boolean opens(Term word, String... natures) {
    String nature = word.nature.toString();
    for (String prefix : natures) {
      if (nature.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Up to {@value #WINDOW} characters before {@code begin}, not past a clause boundary. */
  private static int clauseStart(String text, int begin) {
    int boundaryBefore = text.lastIndexOf(CharFolding.BOUNDARY_MARK, begin);
    return Math.max(Math.max(0, begin - WINDOW), boundaryBefore + 1);
  }

  /** Up to {@code window} characters after {@code end}, not past a clause boundary. */
  private static int clauseEnd(String text, int end, int window) {
    int to = Math.min(text.length(), end + window);
    int boundaryAfter = text.indexOf(CharFolding.BOUNDARY_MARK, end);
    return boundaryAfter >= 0 && boundaryAfter < to ? boundaryAfter : to;
  }

  record Cuts(boolean coreOverlap, boolean coreAcrossStart, boolean anyAcrossStart, boolean coreAcrossEnd) {}

  /**
   * What the callers read when no core-dictionary word crosses an edge: no core word across either; whether
   * any word crosses the start is not known, and is read only with a core word across the end.
   */
  private static final Cuts NO_CORE_WORD_ACROSS = new Cuts(false, false, false, false);

  private Cuts cuts(String text, int begin, int end) {
    load();
    return coreWordAcrossAnEdge(text, begin, end) ? segmented(text, begin, end) : NO_CORE_WORD_ACROSS;
  }

  /**
   * Whether a word of the core dictionary in the match's window crosses its start or its end: the
   * dictionary's words there, as its trie finds them (where HanLP's word net starts from), a few trie steps
   * against a Viterbi pass. Without one, no word the segmenter returns is a core word across an edge, and
   * every answer the callers read of the cuts is false without segmenting.
   */
  boolean coreWordAcrossAnEdge(String text, int begin, int end) {
    int from = clauseStart(text, begin);
    int to = clauseEnd(text, end, WINDOW);
    DoubleArrayTrie<CoreDictionary.Attribute>.Searcher words =
        CoreDictionary.trie.getSearcher(text.substring(from, to).toCharArray(), 0);
    while (words.next()) {
      int wordBegin = from + words.begin;
      int wordEnd = wordBegin + words.length;
      if ((wordBegin < begin && begin < wordEnd) || (wordBegin < end && end < wordEnd)) {
        return true;
      }
    }
    return false;
  }

  /** How the words HanLP segments around [begin, end) meet it. */
  Cuts segmented(String text, int begin, int end) {
    int from = clauseStart(text, begin);
    int to = clauseEnd(text, end, WINDOW);
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
