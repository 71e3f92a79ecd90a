package org.humiao.pileon;

import java.util.Locale;
import java.util.Optional;

/** How a message's author stands to its target, as the platform knows it. */
public enum Relation {
  STRANGER, FOLLOWER, FRIEND;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Relation> byId(String id) {
    for (Relation r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
