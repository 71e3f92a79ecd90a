package org.humiao.screening;

import org.humiao.screening.text.CharFolding;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every term, variant spelling, whitelist phrase, target marker and rule cue of one lexicon
 * version in a single Aho–Corasick double-array trie, so one pass over the normalized text finds
 * them all.
 */
final class KeywordAutomaton {
  private final AhoCorasickDoubleArrayTrie<Keyword[]> trie;

  private KeywordAutomaton(AhoCorasickDoubleArrayTrie<Keyword[]> trie) {
    this.trie = trie;
  }

  /** Receives each occurrence as [begin, end) in the normalized text. */
  interface Hits {
    void hit(int begin, int end, Keyword keyword);
  }

  void scan(NormalizedText text, Hits hits) {
    trie.parseText(text.chars(), (begin, end, keywords) -> {
      for (Keyword k : keywords) {
        hits.hit(begin, end, k);
      }
    });
  }

  static final class Builder {
    private final Map<String, List<Keyword>> entries = new TreeMap<>();

    Builder add(String normalized, Keyword keyword) {
      if (normalized.isEmpty() || normalized.indexOf(CharFolding.BOUNDARY_MARK) >= 0) {
        return this;
      }
      List<Keyword> list = entries.computeIfAbsent(normalized, k -> new ArrayList<>(1));
      if (!list.contains(keyword)) {
        list.add(keyword);
      }
      return this;
    }

    KeywordAutomaton build() {
      TreeMap<String, Keyword[]> map = new TreeMap<>();
      // the most severe exact term first, so evidence prefers it when one spelling means several terms
      Comparator<Keyword> order = Comparator
          .comparing((Keyword k) -> k.kind())
          .thenComparing(k -> k.term() == null ? 0 : -k.term().severity())
          .thenComparing(k -> k.via() == null ? 0 : k.via().ordinal());
      entries.forEach((key, list) -> {
        list.sort(order);
        map.put(key, list.toArray(Keyword[]::new));
      });
      AhoCorasickDoubleArrayTrie<Keyword[]> trie = new AhoCorasickDoubleArrayTrie<>();
      trie.build(map);
      return new KeywordAutomaton(trie);
    }
  }
}
