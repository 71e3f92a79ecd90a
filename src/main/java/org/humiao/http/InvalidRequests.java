package org.humiao.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.humiao.screening.ScreeningJson;

/**
 * Requests the HTTP codec could not read (a request line or headers over Netty's limits, or not
 * HTTP at all) never reach the router; they get the API's error shape all the same, and the
 * connection is closed, since where the next request would start is unknown.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ErrorCode code;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      code = ErrorCode.URI_TOO_LONG;
      message = "the request line is too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      code = ErrorCode.HEADERS_TOO_LARGE;
      message = "the request headers are too large";
    } else {
      code = ErrorCode.MALFORMED_REQUEST;
      message = "the request is not well-formed HTTP";
    }
    request.response()
        .setStatusCode(code.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .putHeader(RequestIds.HEADER, RequestIds.newId())
        .end(ScreeningJson.error(code.id(), message).toBuffer())
        .onComplete(sent -> request.connection().close());
  }
}
