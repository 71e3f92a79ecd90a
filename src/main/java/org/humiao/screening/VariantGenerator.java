package org.humiao.screening;

import org.humiao.screening.text.CharFolding;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spells terms the ways users type them to get past filters. Every term of two or more Chinese
 * characters gets its full pinyin from HanLP (赌博 → dubo, typed "du bo"). A phonetic term also
 * gets each character replaced by a listed homophone or stand-in (傻逼 → 煞笔, 傻b), by its pinyin
 * (sha逼), and, from three characters, its pinyin initials (你妈死了 → nmsl). No spelling of
 * fewer than three latin letters is generated: two-letter abbreviations are data.
 */
final class VariantGenerator {
  /** Above this many combinations only one- and two-character substitutions are spelled. */
  private static final int FULL_PRODUCT_LIMIT = 512;
  private static final String NO_PINYIN = "none";

  private final Map<Character, List<String>> homophones;

  VariantGenerator(Map<Character, List<String>> homophones) {
    this.homophones = homophones;
  }

  /**
   * @param canonical the term as written in the lexicon (for context-correct pinyin)
   * @param normalized the same term normalized, one char per position of {@code canonical}
   * @return variant spellings, normalized, not including {@code normalized} itself
   */
  Set<String> variants(String canonical, String normalized) {
    return spellings(canonical, normalized, true);
  }

  /** The full pinyin spelling only, for terms not tagged phonetic. */
  Set<String> pinyin(String canonical, String normalized) {
    return spellings(canonical, normalized, false);
  }

  private Set<String> spellings(String canonical, String normalized, boolean phonetic) {
    List<List<String>> alternatives = alternatives(canonical, normalized, phonetic);
    Set<String> out = new LinkedHashSet<>();
    if (phonetic) {
      substituted(alternatives, out);
    }
    if (normalized.length() >= 2) {
      out.add(pinyinOnly(alternatives, false));
    }
    if (phonetic && normalized.length() >= 3) {
      out.add(pinyinOnly(alternatives, true));
    }
    out.remove(normalized);
    out.remove("");
    // a single-character term spelled in latin letters is too often an English word (滚 → gun),
    // and two generated letters too often an abbreviation (sm, pc, cd, xd); the two-letter ones
    // people do type for a curse are listed in variants/abbreviations.tsv (sb, nc, zz)
    if (normalized.length() < 2) {
      out.removeIf(VariantGenerator::isLatin);
    }
    out.removeIf(s -> s.length() < 3 && isLatin(s));
    return out;
  }

  private static void substituted(List<List<String>> alternatives, Set<String> out) {
    long product = 1;
    for (List<String> alts : alternatives) {
      product *= alts.size();
    }
    if (product <= FULL_PRODUCT_LIMIT) {
      product(alternatives, 0, new StringBuilder(), out);
    } else {
      substitutions(alternatives, out);
    }
  }

  private List<List<String>> alternatives(String canonical, String normalized, boolean phonetic) {
    List<Pinyin> pinyin = canonical.length() == normalized.length()
        ? HanLP.convertToPinyinList(canonical) : List.of();
    List<List<String>> alternatives = new ArrayList<>(normalized.length());
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      List<String> alts = new ArrayList<>();
      alts.add(String.valueOf(c));
      for (String h : phonetic ? homophones.getOrDefault(c, List.of()) : List.<String>of()) {
        if (!alts.contains(h)) {
          alts.add(h);
        }
      }
      if (i < pinyin.size() && Character.isIdeographic(c)) {
        String syllable = pinyin.get(i).getPinyinWithoutTone();
        if (!syllable.equals(NO_PINYIN) && !alts.contains(syllable)) {
          alts.add(syllable);
        }
      }
      alternatives.add(alts);
    }
    return alternatives;
  }

  private static void product(List<List<String>> alternatives, int position, StringBuilder prefix, Set<String> out) {
    if (position == alternatives.size()) {
      out.add(prefix.toString());
      return;
    }
    int mark = prefix.length();
    for (String alt : alternatives.get(position)) {
      prefix.append(alt);
      product(alternatives, position + 1, prefix, out);
      prefix.setLength(mark);
    }
  }

  private static void substitutions(List<List<String>> alternatives, Set<String> out) {
    int n = alternatives.size();
    for (int i = 0; i < n; i++) {
      for (String a : alternatives.get(i)) {
        for (int j = i + 1; j < n; j++) {
          for (String b : alternatives.get(j)) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
              sb.append(k == i ? a : k == j ? b : alternatives.get(k).get(0));
            }
            out.add(sb.toString());
          }
        }
      }
    }
  }

  /** The all-pinyin spelling, or its initials; positions without pinyin keep their char. */
  private static String pinyinOnly(List<List<String>> alternatives, boolean initials) {
    StringBuilder sb = new StringBuilder();
    for (List<String> alts : alternatives) {
      String last = alts.get(alts.size() - 1);
      boolean hasPinyin = alts.size() > 1 && isLatin(last) && last.length() > 1;
      if (!hasPinyin) {
        sb.append(alts.get(0));
      } else {
        sb.append(initials ? last.substring(0, 1) : last);
      }
    }
    return sb.toString();
  }

  private static boolean isLatin(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!CharFolding.isLatinWordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
