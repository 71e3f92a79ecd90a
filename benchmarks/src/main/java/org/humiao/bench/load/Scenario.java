package org.humiao.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.humiao.identity.ResidentIdNumber;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/** A weighted mix of requests; each draw picks one and fills it from the chat corpus. */
record Scenario(String name, List<Weighted> mix) {
  static final int USERS = 10_000;
  /** The lists scenario: this many platforms, each with a block list of {@link #LIST_TERMS} generated terms. */
  static final int PLATFORMS = 50;
  static final int LIST_TERMS = 1000;
  /** The targets scenario: lines aimed at this many distinct users, to see the pile-on windows' memory bounded. */
  static final int TARGETS = 1_000_000;
  private static final String[] CATEGORIES = {"insult", "fraud", "gambling", "porn", "anti_addiction_evasion"};

  /**
   * The crafted texts of issue 16 that once crashed screening open or held a worker for 150-210 ms: a
   * threat and a self-harm line behind 3,200 characters of repetition, and 5,000 characters of 你住在.
   * Each must be answered quickly and flagged: their outcomes carry the decision.
   */
  static final java.util.Map<String, String> CRAFTED = java.util.Map.of(
      "crafted-threat", "我" + "想要".repeat(1600) + "。我迟早弄死你，傻逼",
      "crafted-self-harm", "我" + "真的很".repeat(1600) + "。我真的不想活了",
      "crafted-address", NoisyNeighbour.COSTLY);

  record Request(String label, HttpMethod method, String path, Buffer body) {}

  record Weighted(int weight, String label, HttpMethod method, String path, Body body) {}

  interface Body {
    Buffer make(SplittableRandom random, List<String> lines);
  }

  /** @param clock the service's clock, which heartbeats report play up to */
  static Scenario named(String name, Clock clock) {
    Weighted screen = new Weighted(1, "screen", HttpMethod.POST, "/v1/text/screen",
        (r, lines) -> new JsonObject().put("text", pick(r, lines)).put("scene", "chat").toBuffer());
    Weighted batch = new Weighted(1, "batch", HttpMethod.POST, "/v1/text/screen/batch", (r, lines) -> {
      JsonArray items = new JsonArray();
      for (int i = 0; i < 10; i++) {
        items.add(new JsonObject().put("text", pick(r, lines)).put("scene", "danmaku"));
      }
      return new JsonObject().put("items", items).toBuffer();
    });
    // as an admin key, on behalf of one of the PLATFORMS, each with its own list
    Weighted listed = new Weighted(1, "screen", HttpMethod.POST, "/v1/text/screen",
        (r, lines) -> new JsonObject().put("text", pick(r, lines)).put("scene", "chat")
            .put("platform", platform(r.nextInt(PLATFORMS))).toBuffer());
    // aimed at one of a million users, some with @-mentions: pile-on tracking on every abusive line
    Weighted aimed = new Weighted(1, "screen", HttpMethod.POST, "/v1/text/screen", (r, lines) -> {
      JsonObject body = new JsonObject().put("text", pick(r, lines)).put("scene", "chat")
          .put("targetId", "t-" + r.nextInt(TARGETS)).put("relation", "stranger");
      if (r.nextInt(10) == 0) {
        body.put("mentions", new JsonArray().add("t-" + r.nextInt(TARGETS)).add("t-" + r.nextInt(TARGETS)));
      }
      return body.toBuffer();
    });
    Weighted lexicons = new Weighted(1, "lexicons", HttpMethod.GET, "/v1/lexicons", (r, lines) -> null);
    // minor mode: the USERS attested before the run, on a streaming service, sessions reporting the last 30 s
    Weighted authorize = new Weighted(1, "authorize", HttpMethod.POST, "/v1/play/authorize",
        (r, lines) -> Buffer.buffer(play(r) + "}"));
    Weighted heartbeat = new Weighted(1, "heartbeat", HttpMethod.POST, "/v1/play/heartbeat", (r, lines) -> {
      long now = clock.millis() / 1000;
      return Buffer.buffer(play(r) + ",\"from\":" + (now - 30) + ",\"to\":" + now + "}");
    });
    // a small payment under a fresh idempotency key: checked against the caps and recorded once
    Weighted payment = new Weighted(1, "payment", HttpMethod.POST, "/v1/payments/check", (r, lines) -> {
      int user = r.nextInt(USERS);
      return new JsonObject().put("user", "load-" + user).put("service", "game").put("amountFen", 100)
          .put("key", "load-" + user + "-" + r.nextLong()).toBuffer();
    });
    return switch (name) {
      case "screen" -> new Scenario(name, List.of(screen));
      case "crafted" -> new Scenario(name, CRAFTED.entrySet().stream()
          .map(e -> new Weighted(1, e.getKey(), HttpMethod.POST, "/v1/text/screen",
              (r, lines) -> new JsonObject().put("text", e.getValue()).toBuffer()))
          .toList());
      // the victim's chat; the costly requests are the other key's (NoisyNeighbour)
      case "noisy" -> new Scenario(name, List.of(screen));
      case "batch" -> new Scenario(name, List.of(batch));
      case "lists" -> new Scenario(name, List.of(listed));
      case "targets" -> new Scenario(name, List.of(aimed));
      case "minor" -> new Scenario(name, List.of(authorize, heartbeat));
      case "mixed" -> new Scenario(name, List.of(
          new Weighted(70, screen.label(), screen.method(), screen.path(), screen.body()),
          new Weighted(9, batch.label(), batch.method(), batch.path(), batch.body()),
          lexicons,
          new Weighted(9, authorize.label(), authorize.method(), authorize.path(), authorize.body()),
          new Weighted(9, heartbeat.label(), heartbeat.method(), heartbeat.path(), heartbeat.body()),
          new Weighted(2, payment.label(), payment.method(), payment.path(), payment.body())));
      default -> throw new IllegalArgumentException("unknown scenario " + name
          + " (screen, batch, minor, mixed, noisy, lists, targets, crafted)");
    };
  }

  /** Whether the mix plays as attested users, who must be registered before the run ({@link #attestation}). */
  boolean playsAsUsers() {
    return mix.stream().anyMatch(w -> w.path().startsWith("/v1/play/"));
  }

  /** Whether the platforms' block lists are to be put before the run ({@link #blockList}). */
  boolean screensWithLists() {
    return name.equals("lists");
  }

  static String platform(int index) {
    return "load-%02d".formatted(index);
  }

  /**
   * The PUT body of platform {@code index}'s block list: {@link #LIST_TERMS} terms of 2 to 4
   * random common Chinese characters (the same on every run), every other one with its variant
   * spellings, so its automaton is as large as real lists make it.
   */
  static Buffer blockList(int index) {
    SplittableRandom random = new SplittableRandom(index);
    JsonArray entries = new JsonArray();
    java.util.Set<String> terms = new java.util.HashSet<>();
    while (terms.size() < LIST_TERMS) {
      StringBuilder term = new StringBuilder();
      int length = 2 + random.nextInt(3);
      for (int c = 0; c < length; c++) {
        // the first 3,500 code points of the CJK block hold most common characters
        term.append((char) (0x4E00 + random.nextInt(3500)));
      }
      if (terms.add(term.toString())) {
        entries.add(new JsonObject().put("term", term.toString()).put("category", CATEGORIES[terms.size() % CATEGORIES.length])
            .put("severity", 1 + terms.size() % 4).put("variants", terms.size() % 2 == 0));
      }
    }
    return new JsonObject().put("entries", entries).toBuffer();
  }

  /**
   * The attestation of user {@code user}: every other one a 12-year-old, whose time is counted and
   * capped, the rest adults; resident-ID attestations, the kind a platform's own check gives.
   */
  static Buffer attestation(int user, LocalDate today) {
    LocalDate birth = today.minusYears(user % 2 == 0 ? 12 : 30).minusDays(user % 300);
    String first17 = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(user % 1000);
    return new JsonObject().put("user", "load-" + user).put("kind", "resident-id")
        .put("idNumber", first17 + ResidentIdNumber.checkCharFor(first17)).toBuffer();
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

  /**
   * A play request's fields, the closing brace left off for more. Written out, not built with
   * JsonObject: the generator shares two cores with the service and should spend as little as it can.
   */
  private static String play(SplittableRandom random) {
    int user = random.nextInt(USERS);
    return "{\"user\":\"load-" + user + "\",\"session\":\"s-" + user
        + "\",\"service\":\"streaming\",\"device\":\"d-" + user + "\"";
  }

  private static String pick(SplittableRandom random, List<String> lines) {
    return lines.get(random.nextInt(lines.size()));
  }
}
