package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import io.vertx.core.json.JsonObject;
import org.humiao.keys.ApiKey;
import org.humiao.moderation.lists.PlatformLists;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;

/**
 * Screens one request's text, counts it, reports a block or review as a violation event and
 * shapes its answer; shared by the single and the batch route. Runs on a worker.
 */
final class TextScreener {
  private final DecisionMetrics decisions;
  private final ScreeningEvents events;
  private final PlatformLists lists;

  TextScreener(DecisionMetrics decisions, ScreeningEvents events, PlatformLists lists) {
    this.decisions = decisions;
    this.events = events;
    this.lists = lists;
  }

  /**
   * @param key the caller, whose platform the text is screened for when the request names none
   * @throws ApiError text_too_long or invalid_text when the engine refuses the text
   */
  JsonObject screen(ScreeningEngine engine, ApiKey key, ScreenRequest request) {
    return screen(engine, key, request, ScreenOptions.scene(request.scene().id()));
  }

  /** @param options the scene and, in a batch, what is left of the batch's budget for the semantic tier */
  JsonObject screen(ScreeningEngine engine, ApiKey key, ScreenRequest request, ScreenOptions options) {
    String platform = request.platform() != null ? request.platform() : key.platform();
    ScreenOptions withLists = lists.overlay(platform, engine).map(options::withOverlay).orElse(options);
    ScreeningResult result;
    try {
      result = engine.screen(request.text(), withLists);
    } catch (InvalidTextException e) {
      throw new ApiError(errorCode(e), e.getMessage());
    }
    decisions.record(result);
    events.report(request, platform, result);
    return ScreeningJson.of(result)
        .put("scene", request.scene().id())
        .put("lexiconVersion", result.lexiconVersion());
  }

  private static ErrorCode errorCode(InvalidTextException e) {
    return switch (e.problem()) {
      case TEXT_TOO_LONG -> ErrorCode.TEXT_TOO_LONG;
      case INVALID_TEXT -> ErrorCode.INVALID_TEXT;
    };
  }
}
