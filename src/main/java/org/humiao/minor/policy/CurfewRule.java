package org.humiao.minor.policy;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.time.LocalWindow;

/** No service in {@code window}; {@code guardianException}: a guardian may lift it for a while. */
public record CurfewRule(LocalWindow window, boolean guardianException) {
  static CurfewRule parse(JsonObject json) {
    return new CurfewRule(LocalWindow.parse(json), json.getBoolean("guardianException", false));
  }
}
