package org.humiao.callbacks;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A platform's registered callback: where its pile-on alerts go and the secret they are signed with.
 *
 * @param since when the URL was last set
 * @param secretSince when the secret was made; a rotation makes a new one
 */
public record Callback(String url, String secret, Instant since, Instant secretSince) {

  /** What the platform may read back: everything but the secret, which is shown once only. */
  public JsonObject publicJson(String platform) {
    return new JsonObject().put("platform", platform).put("url", url).put("since", since.toString())
        .put("secretSince", secretSince.toString());
  }

  public JsonObject toJson() {
    return new JsonObject().put("url", url).put("secret", secret).put("since", since.toEpochMilli())
        .put("secretSince", secretSince.toEpochMilli());
  }

  public static Callback fromJson(JsonObject json) {
    return new Callback(json.getString("url"), json.getString("secret"), Instant.ofEpochMilli(json.getLong("since")),
        Instant.ofEpochMilli(json.getLong("secretSince")));
  }
}
