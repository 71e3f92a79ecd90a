package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.http.Responses;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.screening.ScreeningEngine;

import java.lang.System.Logger.Level;

/** {@code GET /v1/lexicons} and {@code POST /v1/admin/lexicons/reload}. */
final class LexiconRoutes {
  private static final System.Logger LOG = System.getLogger(LexiconRoutes.class.getName());

  private final Vertx vertx;
  private final EngineSlot engine;

  LexiconRoutes(Vertx vertx, EngineSlot engine) {
    this.vertx = vertx;
    this.engine = engine;
  }

  void version(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("version", engine.require().version()));
  }

  /**
   * Compiles the lexicon directory again off the event loop (seconds of work) and swaps it in;
   * ordered, so two reloads never race. A directory that fails to load leaves the old version.
   */
  void reload(RoutingContext ctx) {
    ScreeningEngine current = engine.require();
    String previous = current.version();
    vertx.executeBlocking(current::reload, true)
        .onSuccess(version -> Responses.json(ctx, 200,
            new JsonObject().put("version", version).put("previousVersion", previous)))
        .onFailure(e -> {
          LOG.log(Level.WARNING, "lexicon reload failed, keeping " + previous + ": " + e.getMessage());
          ctx.fail(new ApiError(ErrorCode.LEXICON_INVALID, "the lexicons did not load, " + previous
              + " stays in force: " + e.getMessage()));
        });
  }
}
