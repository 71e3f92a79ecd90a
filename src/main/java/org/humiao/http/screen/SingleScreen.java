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
import org.humiao.screening.semantic.SemanticTier;

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
      // decided inside the loop's count, so the semantic tier's yield sees this request as it would on the pool
      return places.here(() -> {
        SemanticTier.Ticket[] handedOff = new SemanticTier.Ticket[1];
        TextScreener.Decided decided = screener.decideHere(engine, key, request, sceneOf(request), t -> handedOff[0] = t);
        if (decided == null) {
          // the tier admitted the text: the engine runs again where it may wait for the encoder
          return places.pool(() -> write(record(decide(engine, key, request, handedOff[0])), requestId))
              .andThen(done -> handedOff[0].release());
        }
        threads.ran(ScreeningThreads.Part.ENGINE);
        Callable<Buffer> rest = () -> write(record(decided), requestId);
        return loop.mayRecord(decided) ? Future.succeededFuture(rest.call()) : places.pool(rest);
      }).andThen(done -> admitted.close());
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
    TextScreener.Decided decided = screener.decide(engine, key, request, sceneOf(request));
    threads.ran(ScreeningThreads.Part.ENGINE);
    return decided;
  }

  private TextScreener.Decided decide(ScreeningEngine engine, ApiKey key, ScreenRequest request, SemanticTier.Ticket ticket) {
    TextScreener.Decided decided = screener.decide(engine, key, request, sceneOf(request), ticket);
    threads.ran(ScreeningThreads.Part.ENGINE);
    return decided;
  }

  private static ScreenOptions sceneOf(ScreenRequest request) {
    return ScreenOptions.scene(request.scene().id());
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
