package org.humiao.screening;

import org.humiao.screening.text.CharFolding;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.corpus.io.ByteArray;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** The trie's values in its own order (its keys' sorted order), kept to write the automaton out. */
  private final Keyword[][] values;

  private KeywordAutomaton(AhoCorasickDoubleArrayTrie<Keyword[]> trie, Keyword[][] values) {
    this.trie = trie;
    this.values = values;
  }

  /** The keywords of each string, in the trie's order; what {@link #read} needs back beside the trie. */
  Keyword[][] values() {
    return values;
  }

  /** Writes the trie's arrays (HanLP's own binary layout); the values are the caller's to write. */
  void writeTrie(DataOutputStream out) throws IOException {
    try {
      trie.save(out);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** The automaton {@link #writeTrie} wrote, with the values {@link #values} held. */
  static KeywordAutomaton read(byte[] trieBytes, Keyword[][] values) {
    PaddedTrie trie = new PaddedTrie();
    trie.load(new ByteArray(trieBytes), values);
    trie.pad();
    return new KeywordAutomaton(trie, values);
  }

  /**
   * HanLP's loader sizes the transition arrays to the states plus 65,535, one short of the highest
   * transition a state near the end can probe (char U+FFFF); a built trie has room to spare.
   */
  private static final class PaddedTrie extends AhoCorasickDoubleArrayTrie<Keyword[]> {
    void pad() {
      base = Arrays.copyOf(base, base.length + 2);
      check = Arrays.copyOf(check, check.length + 2);
    }
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
      return new KeywordAutomaton(trie, map.values().toArray(Keyword[][]::new));
    }
  }
}
