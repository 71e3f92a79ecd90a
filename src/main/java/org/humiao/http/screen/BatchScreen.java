package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.guard.PlatformScope;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/text/screen/batch}: up to max-batch-items texts in one request, answered in
 * order. An item that cannot be screened (bad field, text too long) gets an error object in its
 * slot and the others are still screened; a body that is not a batch, or an item acting for
 * another platform, fails the whole request, since authorization is not a per-item matter.
 */
final class BatchScreen implements ScreeningRoute.Task {
  private final TextScreener screener;
  private final int maxItems;

  /** One slot of the batch as read: a request to screen, or the error it already has. */
  private record Slot(ScreenRequest request, ApiError error) {}

  BatchScreen(TextScreener screener, int maxItems) {
    this.screener = screener;
    this.maxItems = maxItems;
  }

  @Override
  public Buffer answer(ScreeningEngine current, ApiKey key, Buffer body, String requestId) {
    JsonArray items = ScreenRequestReader.items(BodyFields.object(body), maxItems);
    List<Slot> slots = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      slots.add(read(items.getValue(i), i));
    }
    for (Slot slot : slots) {
      if (slot.request() != null) {
        PlatformScope.check(key, slot.request().platform());
      }
    }
    String version = current.version();
    // the items share one semantic budget, the largest of their scenes': a hundred texts each
    // waiting its own would outlast the request's timeout
    long deadline = System.nanoTime() + slots.stream().filter(s -> s.request() != null)
        .mapToLong(s -> current.semanticBudget(s.request().scene().id()).toNanos()).max().orElse(0);
    JsonArray answers = new JsonArray();
    for (Slot slot : slots) {
      answers.add(slot.error() != null ? errorJson(slot.error()) : screenSlot(current, key, slot.request(), deadline));
    }
    return new JsonObject()
        .put("items", answers)
        .put("requestId", requestId)
        .put("lexiconVersion", version)
        .toBuffer();
  }

  private static Slot read(Object item, int index) {
    try {
      return new Slot(ScreenRequestReader.item(item, "items[" + index + "]."), null);
    } catch (ApiError e) {
      return new Slot(null, e);
    }
  }

  private JsonObject screenSlot(ScreeningEngine current, ApiKey key, ScreenRequest request, long deadline) {
    Duration scene = current.semanticBudget(request.scene().id());
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    ScreenOptions options = ScreenOptions.scene(request.scene().id()).withBudget(left.compareTo(scene) < 0 ? left : scene);
    try {
      return screener.screen(current, key, request, options);
    } catch (ApiError e) {
      return errorJson(e);
    }
  }

  private static JsonObject errorJson(ApiError e) {
    return ScreeningJson.error(e.code().id(), e.getMessage());
  }
}
