package org.humiao.keys;

import java.util.Locale;

/** What an API key may do: a platform screens its own traffic, a regulator reads, an admin operates. */
public enum Role {
  PLATFORM, REGULATOR, ADMIN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role byId(String id) {
    for (Role r : values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role \"" + id + "\": platform, regulator or admin");
  }
}
