package org.humiao.screening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where on the platform a text was typed; a strategy sets the decision rules of each scene. */
public enum Scene {
  CHAT, COMMENT, DANMAKU, NICKNAME, PROFILE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Scene> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
