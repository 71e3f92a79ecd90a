package org.humiao.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * A request's body must arrive in full within {@code readTimeoutMs} of its headers, or the
 * request is answered 408 and its connection closed: a client sending its body a byte at a time
 * would otherwise hold a connection and a buffer for as long as it likes.
 */
final class BodyDeadline implements PlatformHandler {
  private final long readTimeoutMillis;

  BodyDeadline(long readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long timer = ctx.vertx().setTimer(readTimeoutMillis, fired -> {
      if (!ctx.request().isEnded() && !ctx.response().ended()) {
        ctx.fail(new ApiError(ErrorCode.REQUEST_TIMEOUT, "the body did not arrive within " + readTimeoutMillis + " ms"));
      }
    });
    ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }
}
