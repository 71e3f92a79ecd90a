package org.humiao.privacy;

import java.util.Locale;

/** Who asked, as the platform forwarding the request says: the minor, or the minor's guardian. */
public enum Requester {
  MINOR,
  GUARDIAN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
