package org.humiao.server;

import org.humiao.config.Profile;
import org.humiao.events.stream.KafkaForwarder;
import org.humiao.http.Responses;
import org.humiao.http.screen.EngineSlot;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.minor.policy.HolidayCalendar;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.server.metrics.CalendarMetrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (it can screen),
 * with each dependency's state and how long the published holiday calendar lasts: past it only the
 * law's days are known.
 *
 * <p>Only a loading engine makes an instance not ready: screening needs nothing else, and every
 * instance of a cluster shares Redis and Kafka, so a balancer told "not ready" for them would stop
 * screening everywhere. A dependency that is down makes the answer {@code degraded} and names it.
 */
final class HealthRoutes {
  /** Events waiting this long with nothing acknowledged: Kafka is away, not merely busy. */
  static final Duration KAFKA_STALLED = Duration.ofSeconds(30);

  /** The state of one dependency. */
  enum Status {
    UP, DOWN, OFF;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final EngineSlot engine;
  private final PolicyRegistry policies;
  private final ServiceState state;
  private final Profile profile;
  private final Clock clock;

  HealthRoutes(EngineSlot engine, ServiceState state, Profile profile, Clock clock) {
    this.engine = engine;
    this.policies = state.policies();
    this.state = state;
    this.profile = profile;
    this.clock = clock;
  }

  void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "live"));
  }

  void ready(RoutingContext ctx) {
    engine.require();
    // the Redis store's check is a round trip: off the event loop
    ctx.vertx().executeBlocking(this::checks, false)
        .onSuccess(checks -> Responses.json(ctx, 200, new JsonObject()
            .put("status", anyDown(checks) ? "degraded" : "ready")
            .put("checks", checks)
            .put("calendar", calendar())))
        .onFailure(ctx::fail);
  }

  private JsonObject checks() {
    JsonObject checks = new JsonObject();
    checks.put("journal", problem(state.events().journal().writeFailure().map(Throwable::getMessage)));
    checks.put("state", problem(state.store().problem()).put("backend", switch (profile) {
      case EMBEDDED -> "embedded";
      case CLUSTER -> "redis";
    }));
    checks.put("kafka", state.events().forwarder().map(HealthRoutes::kafka).orElseGet(HealthRoutes::off));
    checks.put("nppa", state.nppa().map(n -> status(n.listener().lastBatchUnreachable()
        ? Status.DOWN : Status.UP).put("pending", n.outbox().pendingCount())).orElseGet(HealthRoutes::off));
    return checks;
  }

  private static boolean anyDown(JsonObject checks) {
    return checks.fieldNames().stream().anyMatch(name -> Status.DOWN.id().equals(checks.getJsonObject(name).getString("status")));
  }

  private static JsonObject kafka(KafkaForwarder forwarder) {
    Duration stalled = forwarder.stalledFor();
    JsonObject check = status(stalled.compareTo(KAFKA_STALLED) >= 0 ? Status.DOWN : Status.UP)
        .put("lag", forwarder.lag());
    return stalled.isZero() ? check : check.put("stalledSeconds", stalled.toSeconds());
  }

  private static JsonObject problem(Optional<String> problem) {
    return problem.map(p -> status(Status.DOWN).put("problem", p)).orElseGet(() -> status(Status.UP));
  }

  private static JsonObject off() {
    return status(Status.OFF);
  }

  private static JsonObject status(Status status) {
    return new JsonObject().put("status", status.id());
  }

  private JsonObject calendar() {
    HolidayCalendar calendar = policies.current().calendar();
    OptionalLong daysLeft = CalendarMetrics.daysLeft(calendar, clock);
    return new JsonObject()
        .put("publishedThrough", calendar.publishedThrough() == null ? null : calendar.publishedThrough().toString())
        .put("daysLeft", daysLeft.isPresent() ? daysLeft.getAsLong() : null);
  }
}
