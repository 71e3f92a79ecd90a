package org.humiao.http.screen;

import org.humiao.http.BodyFields;
import org.humiao.http.guard.KeyCharsInFlight;
import org.humiao.http.guard.PlatformScope;
import org.humiao.http.guard.RateLimiter;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;

import java.util.concurrent.Callable;

/**
 * {@code POST /v1/text/screen}: one text, answered with the screening JSON plus requestId, scene and
 * lexiconVersion; a short one is screened on the event loop where {@link EventLoopScreening} allows.
 */
final class SingleScreen implements ScreeningRoute.Task {
  private final TextScreener screener;
  private final RateLimiter rate;
  private final KeyCharsInFlight share;
  private final EventLoopScreening loop;
  private final ScreeningThreads threads;

  SingleScreen(TextScreener screener, RateLimiter rate, KeyCharsInFlight share, EventLoopScreening loop,
               ScreeningThreads threads) {
    this.screener = screener;
    this.rate = rate;
    this.share = share;
    this.loop = loop;
    this.threads = threads;
  }

  /** One text is bounded by the engine's per-text budget, so the deadline is only checked before it starts. */
  @Override
  public Buffer answer(ScreeningEngine engine, ApiKey key, Buffer body, String requestId, long deadlineNanos) {
    return answer(engine, key, read(key, body), requestId);
  }

  @Override
  public Future<Buffer> here(ScreeningEngine engine, ApiKey key, Buffer body, String requestId,
                             ScreeningRoute.Places places) {
    // no body at all is read here too: its error (malformed_json) is as quick as a short text
    if (!loop.mayParse(body == null ? 0 : body.length())) {
      return null;
    }
    ScreenRequest request = read(key, body);
    if (!loop.mayDecide(engine, key, request)) {
      return places.pool(() -> answer(engine, key, request, requestId));
    }
    KeyCharsInFlight.Share admitted = share.acquire(key, request.text().length());
    try {
      rate.charge(key, request.text().length());
      TextScreener.Decided decided = decide(engine, key, request);
      Callable<Buffer> rest = () -> write(record(decided), requestId);
      return (loop.mayRecord(decided) ? places.here(rest) : places.pool(rest)).andThen(done -> admitted.close());
    } catch (RuntimeException e) {
      admitted.close();
      throw e;
    }
  }

  private static ScreenRequest read(ApiKey key, Buffer body) {
    ScreenRequest request = ScreenRequestReader.item(BodyFields.object(body), "");
    PlatformScope.check(key, request.platform());
    return request;
  }

  private Buffer answer(ScreeningEngine engine, ApiKey key, ScreenRequest request, String requestId) {
    try (KeyCharsInFlight.Share admitted = share.acquire(key, request.text().length())) {
      rate.charge(key, request.text().length());
      return write(record(decide(engine, key, request)), requestId);
    }
  }

  private TextScreener.Decided decide(ScreeningEngine engine, ApiKey key, ScreenRequest request) {
    TextScreener.Decided decided = screener.decide(engine, key, request, ScreenOptions.scene(request.scene().id()));
    threads.ran(ScreeningThreads.Part.ENGINE);
    return decided;
  }

  private ScreenAnswer record(TextScreener.Decided decided) {
    ScreenAnswer answer = screener.record(decided);
    threads.ran(ScreeningThreads.Part.HOOKS);
    return answer;
  }

  private static Buffer write(ScreenAnswer answer, String requestId) {
    return ScreenAnswer.object(json -> {
      answer.writeFields(json);
      json.writeStringField("requestId", requestId);
    });
  }
}
