package org.humiao.screening;

import java.util.Locale;

public enum Decision {
  PASS, REVIEW, BLOCK;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Decision max(Decision other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
