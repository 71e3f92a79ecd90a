package org.humiao.screening.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One labelled example: a text, whether it is offensive (label 1), its topic when the file has a
 * topic column (COLD: race, gender, region), else the empty string, and how many times training
 * counts it (1 unless the corpus was given a weight).
 */
public record LabelledText(String text, boolean offensive, String topic, int weight) {
  public LabelledText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(topic, "topic");
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1: " + weight);
    }
  }

  public LabelledText(String text, boolean offensive, String topic) {
    this(text, offensive, topic, 1);
  }

  public LabelledText(String text, boolean offensive) {
    this(text, offensive, "");
  }

  /** This example counted the given number of times. */
  public LabelledText weighted(int times) {
    return new LabelledText(text, offensive, topic, times);
  }

  /** Each example repeated as many times as its weight, in order: what a trainer without weights sees. */
  public static List<LabelledText> expanded(List<LabelledText> examples) {
    List<LabelledText> out = new ArrayList<>(examples.size());
    for (LabelledText t : examples) {
      for (int i = 0; i < t.weight; i++) {
        out.add(t);
      }
    }
    return out;
  }
}
