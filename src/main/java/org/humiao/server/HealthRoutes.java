package org.humiao.server;

import org.humiao.http.Responses;
import org.humiao.http.screen.EngineSlot;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /health/live} (the process answers) and {@code GET /health/ready} (it can screen). */
final class HealthRoutes {
  private final EngineSlot engine;

  HealthRoutes(EngineSlot engine) {
    this.engine = engine;
  }

  void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "live"));
  }

  void ready(RoutingContext ctx) {
    engine.require();
    Responses.json(ctx, 200, new JsonObject().put("status", "ready"));
  }
}
