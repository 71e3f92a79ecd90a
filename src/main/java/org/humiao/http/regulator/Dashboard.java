package org.humiao.http.regulator;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The regulators' dashboard: static files from the classpath ({@code humiao-dashboard/}), served
 * under a strict Content-Security-Policy. The page holds no data; its script asks for a key and
 * reads the API with it, so the files need no key and nothing on them can leak.
 */
public final class Dashboard {
  /** Same-origin everything, no inline script or style, no framing: the page handles a regulator's key. */
  public static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";
  private static final String WEBROOT = "humiao-dashboard";

  private Dashboard() {}

  static void headers(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    ctx.next();
  }

  static StaticHandler assets() {
    // no caching in the handler: the files are small, and a reloaded page must see a new build
    return StaticHandler.create(WEBROOT).setCachingEnabled(false).setDirectoryListing(false);
  }
}
