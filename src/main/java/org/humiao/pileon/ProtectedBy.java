package org.humiao.pileon;

import java.util.Locale;

/** Who switched a target's protection on: the platform (its user's one tap) or the policy (a minor in a surge). */
public enum ProtectedBy {
  PLATFORM, POLICY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
