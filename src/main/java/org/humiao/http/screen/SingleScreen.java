package org.humiao.http.screen;

import org.humiao.http.BodyFields;
import org.humiao.http.guard.PlatformScope;

import io.vertx.core.buffer.Buffer;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreeningEngine;

/** {@code POST /v1/text/screen}: one text, answered with the screening JSON plus requestId, scene and lexiconVersion. */
final class SingleScreen implements ScreeningRoute.Task {
  private final TextScreener screener;

  SingleScreen(TextScreener screener) {
    this.screener = screener;
  }

  @Override
  public Buffer answer(ScreeningEngine engine, ApiKey key, Buffer body, String requestId) {
    ScreenRequest request = ScreenRequestReader.item(BodyFields.object(body), "");
    PlatformScope.check(key, request.platform());
    return screener.screen(engine, key, request).put("requestId", requestId).toBuffer();
  }
}
