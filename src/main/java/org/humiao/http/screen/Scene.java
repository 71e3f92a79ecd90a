package org.humiao.http.screen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where on the platform a text was typed. Carried through to the answer and, later, to events. */
enum Scene {
  CHAT, COMMENT, DANMAKU, NICKNAME, PROFILE;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Scene> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
