package org.humiao.http.screen;

import org.humiao.http.BodyFields;
import org.humiao.http.guard.KeyCharsInFlight;
import org.humiao.http.guard.PlatformScope;
import org.humiao.http.guard.RateLimiter;

import io.vertx.core.buffer.Buffer;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreeningEngine;

/** {@code POST /v1/text/screen}: one text, answered with the screening JSON plus requestId, scene and lexiconVersion. */
final class SingleScreen implements ScreeningRoute.Task {
  private final TextScreener screener;
  private final RateLimiter rate;
  private final KeyCharsInFlight share;

  SingleScreen(TextScreener screener, RateLimiter rate, KeyCharsInFlight share) {
    this.screener = screener;
    this.rate = rate;
    this.share = share;
  }

  /** One text is bounded by the engine's per-text budget, so the deadline is only checked before it starts. */
  @Override
  public Buffer answer(ScreeningEngine engine, ApiKey key, Buffer body, String requestId, long deadlineNanos) {
    ScreenRequest request = ScreenRequestReader.item(BodyFields.object(body), "");
    PlatformScope.check(key, request.platform());
    try (KeyCharsInFlight.Share admitted = share.acquire(key, request.text().length())) {
      rate.charge(key, request.text().length());
      ScreenAnswer answer = screener.screen(engine, key, request);
      return ScreenAnswer.object(json -> {
        answer.writeFields(json);
        json.writeStringField("requestId", requestId);
      });
    }
  }
}
