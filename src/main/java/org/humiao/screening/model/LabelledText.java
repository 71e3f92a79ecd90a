package org.humiao.screening.model;

import java.util.Objects;

/** One labelled example: a text and whether it is offensive (label 1). */
public record LabelledText(String text, boolean offensive) {
  public LabelledText {
    Objects.requireNonNull(text, "text");
  }
}
