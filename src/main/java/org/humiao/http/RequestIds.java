package org.humiao.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id, sent back as X-Request-Id and in screening answers, so a platform
 * and the operators can name one request (and find it in the log of a 500).
 */
public final class RequestIds implements Handler<RoutingContext> {
  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "humiao.requestId";

  public static String of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** Not a secret, only unique enough to find one request among a day's: 64 random bits. */
  static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = newId();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }
}
