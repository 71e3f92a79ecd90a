package org.humiao.minor.policy;

import java.util.Locale;

/** What a platform serves; each kind has its own policy per platform. */
public enum ServiceKind {
  GAME, STREAMING, TIPPING;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ServiceKind byId(String id) {
    for (ServiceKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown service kind: " + id);
  }
}
