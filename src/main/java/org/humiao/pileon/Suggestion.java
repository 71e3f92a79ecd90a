package org.humiao.pileon;

import java.util.Locale;

/** What a platform may prompt a target at risk to do (the 网暴 rules: tell the user which protections exist). */
public enum Suggestion {
  PROTECT_FROM_STRANGERS, PROTECT_FROM_EVERYONE, COLLECT_EVIDENCE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
