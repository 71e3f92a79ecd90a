package org.humiao.server;

import org.humiao.http.Responses;
import org.humiao.http.screen.EngineSlot;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.minor.policy.HolidayCalendar;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.server.metrics.CalendarMetrics;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (it can screen),
 * with how long the published holiday calendar lasts: past it only the law's days are known.
 */
final class HealthRoutes {
  private final EngineSlot engine;
  private final PolicyRegistry policies;
  private final Clock clock;

  HealthRoutes(EngineSlot engine, PolicyRegistry policies, Clock clock) {
    this.engine = engine;
    this.policies = policies;
    this.clock = clock;
  }

  void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "live"));
  }

  void ready(RoutingContext ctx) {
    engine.require();
    HolidayCalendar calendar = policies.current().calendar();
    JsonObject published = new JsonObject()
        .put("publishedThrough", calendar.publishedThrough() == null ? null : calendar.publishedThrough().toString());
    OptionalLong daysLeft = CalendarMetrics.daysLeft(calendar, clock);
    published.put("daysLeft", daysLeft.isPresent() ? daysLeft.getAsLong() : null);
    Responses.json(ctx, 200, new JsonObject().put("status", "ready").put("calendar", published));
  }
}
