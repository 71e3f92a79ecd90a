package org.humiao.pileon;

import java.util.Locale;
import java.util.Optional;

/** Whose messages a target's protection covers (CAC's 一键防护 closes strangers first). */
public enum ProtectionScope {
  STRANGERS, EVERYONE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A message whose author's relation the platform did not say is a stranger's: protection errs towards the target. */
  public boolean covers(Relation relation) {
    return this == EVERYONE || relation == null || relation == Relation.STRANGER;
  }

  public static Optional<ProtectionScope> byId(String id) {
    for (ProtectionScope s : values()) {
      if (s.id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
