package org.humiao.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.SplittableRandom;

/** A weighted mix of requests; each draw picks one and fills it from the chat corpus. */
record Scenario(String name, List<Weighted> mix) {
  record Request(String label, HttpMethod method, String path, Buffer body) {}

  record Weighted(int weight, String label, HttpMethod method, String path, Body body) {}

  interface Body {
    Buffer make(SplittableRandom random, List<String> lines);
  }

  static Scenario named(String name) {
    Weighted screen = new Weighted(1, "screen", HttpMethod.POST, "/v1/text/screen",
        (r, lines) -> new JsonObject().put("text", pick(r, lines)).put("scene", "chat").toBuffer());
    Weighted batch = new Weighted(1, "batch", HttpMethod.POST, "/v1/text/screen/batch", (r, lines) -> {
      JsonArray items = new JsonArray();
      for (int i = 0; i < 10; i++) {
        items.add(new JsonObject().put("text", pick(r, lines)).put("scene", "danmaku"));
      }
      return new JsonObject().put("items", items).toBuffer();
    });
    Weighted lexicons = new Weighted(1, "lexicons", HttpMethod.GET, "/v1/lexicons", (r, lines) -> null);
    // minor mode: 10,000 users (unattested users are guests), sessions reporting the last 30 s
    Weighted authorize = new Weighted(1, "authorize", HttpMethod.POST, "/v1/play/authorize",
        (r, lines) -> play(r).toBuffer());
    Weighted heartbeat = new Weighted(1, "heartbeat", HttpMethod.POST, "/v1/play/heartbeat", (r, lines) -> {
      long now = System.currentTimeMillis() / 1000;
      return play(r).put("from", now - 30).put("to", now).toBuffer();
    });
    return switch (name) {
      case "screen" -> new Scenario(name, List.of(screen));
      case "batch" -> new Scenario(name, List.of(batch));
      case "minor" -> new Scenario(name, List.of(authorize, heartbeat));
      case "mixed" -> new Scenario(name, List.of(
          new Weighted(70, screen.label(), screen.method(), screen.path(), screen.body()),
          new Weighted(9, batch.label(), batch.method(), batch.path(), batch.body()),
          lexicons,
          new Weighted(10, authorize.label(), authorize.method(), authorize.path(), authorize.body()),
          new Weighted(10, heartbeat.label(), heartbeat.method(), heartbeat.path(), heartbeat.body())));
      default -> throw new IllegalArgumentException("unknown scenario " + name + " (screen, batch, minor, mixed)");
    };
  }

  Request draw(SplittableRandom random, List<String> lines) {
    int total = mix.stream().mapToInt(Weighted::weight).sum();
    int ticket = random.nextInt(total);
    for (Weighted w : mix) {
      ticket -= w.weight();
      if (ticket < 0) {
        return new Request(w.label(), w.method(), w.path(), w.body().make(random, lines));
      }
    }
    throw new IllegalStateException("empty mix");
  }

  private static JsonObject play(SplittableRandom random) {
    int user = random.nextInt(10_000);
    return new JsonObject().put("user", "load-" + user).put("session", "s-" + user).put("service", "game")
        .put("device", "d-" + user);
  }

  private static String pick(SplittableRandom random, List<String> lines) {
    return lines.get(random.nextInt(lines.size()));
  }
}
