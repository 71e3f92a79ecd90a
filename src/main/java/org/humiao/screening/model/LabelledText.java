package org.humiao.screening.model;

import java.util.Objects;

/**
 * One labelled example: a text, whether it is offensive (label 1), and its topic when the file
 * has a topic column (COLD: race, gender, region), else the empty string.
 */
public record LabelledText(String text, boolean offensive, String topic) {
  public LabelledText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(topic, "topic");
  }

  public LabelledText(String text, boolean offensive) {
    this(text, offensive, "");
  }
}
