package org.humiao.compliance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a denominator is counted by: a Beijing day, a platform and the region of the texts (null
 * when neither the request nor the platform's keys named one, which only national keys see).
 */
public record TallyKey(LocalDate day, String platform, String region) {
  /** Separates platform and region in stored field names; neither a platform id nor a region code holds a tab. */
  static final char SEPARATOR = '\t';

  public TallyKey {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(platform, "platform");
  }

  /** The platform and region as one stored field name, the region empty when there is none. */
  String field() {
    return platform + SEPARATOR + (region == null ? "" : region);
  }

  static TallyKey of(LocalDate day, String field) {
    int tab = field.indexOf(SEPARATOR);
    if (tab < 0) {
      throw new IllegalArgumentException("not a platform and region field: " + field);
    }
    String region = field.substring(tab + 1);
    return new TallyKey(day, field.substring(0, tab), region.isEmpty() ? null : region);
  }
}
