package org.humiao.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.screening.ScreeningJson;

/** Writes JSON answers, errors in the one shape {@code {"error":{"code":…,"message":…}}}. */
public final class Responses {
  private static final String JSON = "application/json; charset=utf-8";
  /** Long enough for a client on the same network to read the answer; short enough to free the connection. */
  private static final long CLOSE_LINGER_MILLIS = 500;

  private Responses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    json(ctx, status, body.toBuffer());
  }

  public static void json(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
  }

  public static void error(RoutingContext ctx, ApiError error) {
    if (error.retryAfterSeconds() > 0) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
    }
    if (error.code() == ErrorCode.UNAUTHORIZED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    // The unread rest of an HTTP/1.x body would otherwise sit in front of the connection's next
    // request, and a client that declared a length it never sends would hold the connection; so
    // it is closed once the answer is out, a moment later: closing a socket with the client's
    // bytes still unread sends a reset, which can destroy the answer before the client reads it.
    // HTTP/2 resets only the stream by itself.
    if ((error.code() == ErrorCode.BODY_TOO_LARGE || error.code() == ErrorCode.REQUEST_TIMEOUT)
        && ctx.request().version() != HttpVersion.HTTP_2) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.addEndHandler(ended -> ctx.vertx().setTimer(CLOSE_LINGER_MILLIS, id -> ctx.request().connection().close()));
    }
    json(ctx, error.code().status(), ScreeningJson.error(error.code().id(), error.getMessage()));
  }
}
