package org.humiao.http.targets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.BodyFields;
import org.humiao.http.Csv;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;
import org.humiao.keys.ApiKey;
import org.humiao.pileon.EvidenceEntry;
import org.humiao.pileon.PileOnTracker;
import org.humiao.pileon.ProtectionScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The target routes' calls: each reads what it needs on the event loop (the routing context is not
 * for workers), then asks the tracker on the pool. Targets are named per platform, so the platform
 * is part of every target's key: one platform's key cannot see another's target of the same id.
 */
final class TargetRoutes {
  /** The longest protection one call may switch on: a platform renews it rather than forgets it. */
  static final Duration MAX_PROTECTION = Duration.ofDays(30);
  private static final String CSV_HEADER = Csv.record(List.of("time", "dataId", "author", "decision", "categories",
      "masked"));

  private final PileOnTracker tracker;
  private final WorkerPool pool;
  private final Clock clock;

  TargetRoutes(PileOnTracker tracker, WorkerPool pool, Clock clock) {
    this.tracker = tracker;
    this.pool = pool;
    this.clock = clock;
  }

  /** {@code GET /v1/targets/:id/status}. */
  void status(RoutingContext ctx) {
    String platform = platform(ctx, ctx.queryParams().get("platform"));
    String target = target(ctx);
    answer(ctx, () -> tracker.status(platform, target).toJson());
  }

  /** {@code POST /v1/targets/:id/protection}: {@code {"on": true, "until": …, "scope": …}} or {@code {"on": false}}. */
  void protection(RoutingContext ctx) {
    JsonObject body = BodyFields.object(ctx.body().buffer());
    String platform = platform(ctx, BodyFields.id(body, "platform", ""));
    String target = target(ctx);
    Object on = BodyFields.required("on", body.getValue("on"));
    if (!(on instanceof Boolean)) {
      throw BodyFields.invalid("on", "true or false");
    }
    Optional<ProtectionScope> scope = Optional.empty();
    Instant until = clock.instant();
    if ((Boolean) on) {
      scope = Optional.of(body.getValue("scope") == null ? ProtectionScope.STRANGERS
          : BodyFields.oneOf(ProtectionScope.class, "scope", body.getValue("scope"), ProtectionScope::id));
      until = Instant.ofEpochSecond(BodyFields.required("until", BodyFields.epochSecond(body, "until")));
      Instant now = clock.instant();
      if (!until.isAfter(now) || until.isAfter(now.plus(MAX_PROTECTION))) {
        throw BodyFields.invalid("until", "a time in the next " + MAX_PROTECTION.toDays() + " days");
      }
    }
    Optional<ProtectionScope> chosen = scope;
    Instant end = until;
    answer(ctx, () -> tracker.protect(platform, target, chosen, end).toJson());
  }

  /** {@code GET /v1/targets/:id/evidence?from=&to=&format=json|csv}: at most evidencePerTarget entries, oldest first. */
  void evidence(RoutingContext ctx) {
    String platform = platform(ctx, ctx.queryParams().get("platform"));
    String target = target(ctx);
    Instant to = time(ctx, "to").orElse(clock.instant());
    Instant from = time(ctx, "from").orElse(to.minus(tracker.policy().evidenceRetention()));
    if (!from.isBefore(to)) {
      throw BodyFields.invalid("from", "before to");
    }
    String format = Optional.ofNullable(ctx.queryParams().get("format")).orElse("json");
    if (!format.equals("json") && !format.equals("csv")) {
      throw BodyFields.invalid("format", "json or csv");
    }
    int limit = tracker.policy().evidencePerTarget();
    pool.submit(() -> tracker.evidence(platform, target, from, to, limit))
        .onSuccess(entries -> {
          if (format.equals("csv")) {
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"evidence.csv\"").end(csv(entries));
          } else {
            Responses.json(ctx, 200, json(target, from, to, entries));
          }
        })
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx, Callable<JsonObject> call) {
    pool.submit(call).onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(ctx::fail);
  }

  /** The platform named, or the key's own: a platform key may name no other, an admin must name one. */
  private static String platform(RoutingContext ctx, String named) {
    ApiKey key = Authenticator.key(ctx);
    String checked = BodyFields.id(new JsonObject().put("platform", named), "platform", "");
    PlatformScope.check(key, checked);
    return BodyFields.required("platform", checked != null ? checked : key.platform());
  }

  private static String target(RoutingContext ctx) {
    return BodyFields.id(new JsonObject().put("id", ctx.pathParam("id")), "id", "");
  }

  private static Optional<Instant> time(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() <= 12
          ? Instant.ofEpochSecond(Long.parseLong(value)) : OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      throw BodyFields.invalid(name, "epoch seconds or an ISO date-time with offset");
    }
  }

  private static JsonObject json(String target, Instant from, Instant to, List<EvidenceEntry> entries) {
    JsonArray out = new JsonArray();
    for (EvidenceEntry e : entries) {
      out.add(new JsonObject().put("time", Instant.ofEpochMilli(e.at()).toString()).put("dataId", e.dataId())
          .put("author", e.author()).put("decision", e.decision()).put("categories", new JsonArray(e.categories()))
          .put("masked", e.masked()));
    }
    return new JsonObject().put("target", target).put("from", from.toString()).put("to", to.toString())
        .put("entries", out);
  }

  private static Buffer csv(List<EvidenceEntry> entries) {
    Buffer out = Buffer.buffer(CSV_HEADER);
    for (EvidenceEntry e : entries) {
      // Arrays.asList: a message without dataId or author has an empty cell there
      out.appendString(Csv.record(Arrays.asList(Instant.ofEpochMilli(e.at()).toString(), e.dataId(), e.author(),
          e.decision(), String.join(";", e.categories()), e.masked())));
    }
    return out;
  }
}
