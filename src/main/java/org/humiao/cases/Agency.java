package org.humiao.cases;

import java.util.Locale;
import java.util.Optional;

/** Whom a case is referred to (个案转介): 公安, 民政, 教育, 检察, or another body the notes name. */
public enum Agency {
  PUBLIC_SECURITY("公安"), CIVIL_AFFAIRS("民政"), EDUCATION("教育"), PROCURATORATE("检察"), OTHER("其他");

  private final String label;

  Agency(String label) {
    this.label = label;
  }

  /** The Chinese name regulators use. */
  public String label() {
    return label;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Agency> byId(String id) {
    for (Agency a : values()) {
      if (a.id().equals(id)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
