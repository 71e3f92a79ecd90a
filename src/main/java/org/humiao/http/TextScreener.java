package org.humiao.http;

import io.vertx.core.json.JsonObject;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;

import java.util.Locale;

/** Screens one request's text and shapes its answer; shared by the single and the batch route. Runs on a worker. */
final class TextScreener {
  private final DecisionMetrics decisions;

  TextScreener(DecisionMetrics decisions) {
    this.decisions = decisions;
  }

  /** @throws ApiError text_too_long or invalid_text when the engine refuses the text */
  JsonObject screen(ScreeningEngine engine, ScreenRequest request) {
    ScreeningResult result;
    try {
      result = engine.screen(request.text());
    } catch (InvalidTextException e) {
      throw new ApiError(errorCode(e), e.getMessage());
    }
    decisions.record(result);
    return ScreeningJson.of(result)
        .put("scene", request.scene().id())
        .put("lexiconVersion", result.lexiconVersion());
  }

  private static ErrorCode errorCode(InvalidTextException e) {
    try {
      return ErrorCode.valueOf(e.code().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return ErrorCode.INVALID_TEXT;
    }
  }
}
