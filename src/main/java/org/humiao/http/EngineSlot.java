package org.humiao.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.humiao.screening.ScreeningEngine;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The screening engine once it has loaded. Loading compiles the lexicons and reads the model,
 * which takes seconds, so the server listens meanwhile: health/ready says not yet, and screening
 * answers 503 not_ready.
 */
final class EngineSlot {
  private volatile ScreeningEngine engine;

  Future<Void> load(Vertx vertx, Callable<ScreeningEngine> factory) {
    return vertx.executeBlocking(factory).onSuccess(loaded -> engine = loaded).mapEmpty();
  }

  /** The engine, if it has loaded; for readers that have an answer before it has (metrics). */
  Optional<ScreeningEngine> loaded() {
    return Optional.ofNullable(engine);
  }

  /** @throws ApiError not_ready until the engine has loaded */
  ScreeningEngine require() {
    ScreeningEngine loaded = engine;
    if (loaded == null) {
      throw new ApiError(ErrorCode.NOT_READY, "the lexicons are still loading", 1);
    }
    return loaded;
  }
}
