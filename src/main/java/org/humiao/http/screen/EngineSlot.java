package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

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
public final class EngineSlot {
  private volatile ScreeningEngine engine;

  public Future<Void> load(Vertx vertx, Callable<ScreeningEngine> factory) {
    return vertx.executeBlocking(factory).onSuccess(loaded -> engine = loaded).mapEmpty();
  }

  /** The engine, if it has loaded; for readers that have an answer before it has (metrics). */
  public Optional<ScreeningEngine> loaded() {
    return Optional.ofNullable(engine);
  }

  /** @throws ApiError not_ready until the engine has loaded */
  public ScreeningEngine require() {
    ScreeningEngine loaded = engine;
    if (loaded == null) {
      throw new ApiError(ErrorCode.NOT_READY, "the lexicons are still loading", 1);
    }
    return loaded;
  }
}
