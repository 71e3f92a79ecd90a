package org.humiao.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A batch that keeps a screening worker busy for a while: many long texts with terms to check. */
final class HeavyBatch {
  private HeavyBatch() {}

  static JsonObject of(int items, int length) {
    String seed = "今天放学后去操场打球吗你个傻*逼日本的沙比例二逼废物强奸 usb is back 13800138000 ";
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append(seed);
    }
    text.setLength(length);
    JsonArray array = new JsonArray();
    for (int i = 0; i < items; i++) {
      // Each text differs, so nothing about one answer can be reused for the next.
      array.add(new JsonObject().put("text", i + text.substring(Integer.toString(i).length())));
    }
    return new JsonObject().put("items", array);
  }
}
