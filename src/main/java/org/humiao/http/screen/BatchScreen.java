package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.guard.KeyCharsInFlight;
import org.humiao.http.guard.PlatformScope;
import org.humiao.http.guard.RateLimiter;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/text/screen/batch}: up to max-batch-items texts of at most max-batch-chars
 * characters together in one request, answered in order. An item that cannot be screened (bad
 * field, text too long) gets an error object in its slot and the others are still screened; a
 * body that is not a batch, or an item acting for another platform, fails the whole request,
 * since authorization is not a per-item matter. The batch is charged to the key's rate by its
 * characters before any is screened, and stops at the request's deadline.
 */
final class BatchScreen implements ScreeningRoute.Task {
  private final TextScreener screener;
  private final RateLimiter rate;
  private final KeyCharsInFlight share;
  private final ScreenLimits limits;

  /** One slot of the batch: a request to screen, the error it has, or, once screened, its answer. */
  private record Slot(ScreenRequest request, ApiError error, ScreenAnswer answer) {}

  BatchScreen(TextScreener screener, RateLimiter rate, KeyCharsInFlight share, ScreenLimits limits) {
    this.screener = screener;
    this.rate = rate;
    this.share = share;
    this.limits = limits;
  }

  @Override
  public Buffer answer(ScreeningEngine current, ApiKey key, Buffer body, String requestId, long deadlineNanos) {
    JsonArray items = ScreenRequestReader.items(BodyFields.object(body), limits.maxBatchItems());
    List<Slot> slots = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      slots.add(read(items.getValue(i), i));
    }
    for (Slot slot : slots) {
      if (slot.request() != null) {
        PlatformScope.check(key, slot.request().platform());
      }
    }
    long chars = slots.stream().filter(s -> s.request() != null).mapToLong(s -> s.request().text().length()).sum();
    if (chars > limits.maxBatchChars()) {
      throw new ApiError(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + limits.maxBatchChars()
          + " characters of text, got " + chars);
    }
    try (KeyCharsInFlight.Share admitted = share.acquire(key, chars)) {
      rate.charge(key, chars);
      return screen(current, key, slots, requestId, deadlineNanos);
    }
  }

  private Buffer screen(ScreeningEngine current, ApiKey key, List<Slot> slots, String requestId, long deadlineNanos) {
    String version = current.version();
    // the items share one semantic budget, the largest of their scenes': a hundred texts each
    // waiting its own would outlast the request's timeout
    long semanticDeadline = System.nanoTime() + slots.stream().filter(s -> s.request() != null)
        .mapToLong(s -> current.semanticBudget(s.request().scene().id()).toNanos()).max().orElse(0);
    List<Slot> answered = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      // past the deadline the client has its 503: the items left would be screened for no one
      ScreeningRoute.checkDeadline(deadlineNanos, "after " + i + " of " + slots.size() + " items");
      answered.add(slot.error() != null ? slot : screenSlot(current, key, slot.request(), semanticDeadline));
    }
    return ScreenAnswer.object(json -> {
      json.writeArrayFieldStart("items");
      for (Slot slot : answered) {
        if (slot.answer() != null) {
          json.writeStartObject();
          slot.answer().writeFields(json);
          json.writeEndObject();
        } else {
          // errors are few: their one shape is reused rather than written again field by field
          json.writeRawValue(ScreeningJson.error(slot.error().code().id(), slot.error().getMessage()).encode());
        }
      }
      json.writeEndArray();
      json.writeStringField("requestId", requestId);
      json.writeStringField("lexiconVersion", version);
    });
  }

  private static Slot read(Object item, int index) {
    try {
      return new Slot(ScreenRequestReader.item(item, "items[" + index + "]."), null, null);
    } catch (ApiError e) {
      return new Slot(null, e, null);
    }
  }

  private Slot screenSlot(ScreeningEngine current, ApiKey key, ScreenRequest request, long deadline) {
    Duration scene = current.semanticBudget(request.scene().id());
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    ScreenOptions options = ScreenOptions.scene(request.scene().id()).withBudget(left.compareTo(scene) < 0 ? left : scene);
    try {
      return new Slot(request, null, screener.screen(current, key, request, options));
    } catch (ApiError e) {
      return new Slot(request, e, null);
    }
  }
}
