package org.humiao.pileon;

import java.util.Locale;
import java.util.Optional;

/** How far abuse aimed at one target has gone, lowest first: the order is the order of alarm. */
public enum RiskLevel {
  NONE, WATCH, SURGE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RiskLevel> byId(String id) {
    for (RiskLevel r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
