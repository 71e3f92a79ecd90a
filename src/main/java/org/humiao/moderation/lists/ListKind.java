package org.humiao.moderation.lists;

import java.util.Arrays;
import java.util.Optional;

/** The two lists a platform keeps: terms to block and phrases to allow. */
public enum ListKind {
  BLOCK("block"),
  ALLOW("allow");

  private final String id;

  ListKind(String id) {
    this.id = id;
  }

  /** As in the route, {@code /v1/platforms/{platform}/lists/{id}}. */
  public String id() {
    return id;
  }

  public static Optional<ListKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
