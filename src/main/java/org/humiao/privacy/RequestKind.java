package org.humiao.privacy;

import java.util.Locale;

/** What a minor or a guardian asks of their personal information (个人信息保护法 Art. 46, 47). */
public enum RequestKind {
  /** Erase the user's personal information, but what rules still need (docs/privacy.md). */
  DELETE,
  /** A wrong attestation: drop the user's link so the user attests again; nothing else is touched. */
  CORRECT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
