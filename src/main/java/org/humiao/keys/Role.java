package org.humiao.keys;

import java.util.Locale;

/**
 * What an API key may do: a platform screens its own traffic, a regulator reads, an admin operates,
 * a reviewer judges its platform's review queue.
 */
public enum Role {
  PLATFORM, REGULATOR, ADMIN, REVIEWER;

  /** Whether a key of this role acts for one platform, named when it is issued. */
  public boolean scoped() {
    return this == PLATFORM || this == REVIEWER;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role byId(String id) {
    for (Role r : values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role \"" + id + "\": platform, regulator, admin or reviewer");
  }
}
