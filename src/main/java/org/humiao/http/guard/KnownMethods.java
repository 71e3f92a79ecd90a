package org.humiao.http.guard;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import java.util.Set;

/**
 * Answers 501 to a method outside the HTTP methods the API could ever route, before routing: a
 * made-up method is no route's business, and must not become a metric label or a log line of its own.
 */
public final class KnownMethods implements Handler<RoutingContext> {
  /** The methods an HTTP API routes; anything else (WebDAV, inventions) is refused. */
  public static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
      HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

  @Override
  public void handle(RoutingContext ctx) {
    if (!METHODS.contains(ctx.request().method())) {
      ctx.fail(new ApiError(ErrorCode.NOT_IMPLEMENTED, "the method is not one this API implements"));
      return;
    }
    ctx.next();
  }
}
