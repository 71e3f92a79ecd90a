package org.humiao.screening;

import java.util.Set;

/** One lexicon entry: the canonical written form and what it is. */
public record Term(String text, Category category, int severity, Set<Tag> tags) {
  public static final int MIN_SEVERITY = 1;
  public static final int MAX_SEVERITY = 4;

  public enum Tag {
    /** Homophone, pinyin and initial variants are generated. */
    PHONETIC,
    /** Counts only when aimed at a person (你…, @name). */
    TARGET,
    /** Often sits inside innocent words; a match inside a longer word is dropped. */
    AMBIGUOUS,
    /** Names a harm as a subject (毒品, 赌场, 强奸); news, legal or help-seeking context lowers it. */
    TOPIC
  }

  public Term {
    if (severity < MIN_SEVERITY || severity > MAX_SEVERITY) {
      throw new IllegalArgumentException("severity out of range 1-4: " + severity + " for " + text);
    }
    tags = Set.copyOf(tags);
  }

  public boolean has(Tag tag) {
    return tags.contains(tag);
  }
}
