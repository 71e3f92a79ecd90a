package org.humiao.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The headers of the pages the service serves itself (the dashboard, the reviewers' page, the API
 * page): a strict Content-Security-Policy, so every script, style and call stays on this origin.
 */
public final class StrictPage {
  /** Same-origin everything, no inline script or style, no framing: the pages handle API keys. */
  public static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private StrictPage() {}

  /** Puts the page headers on the answer, then goes on to the handler that serves the file. */
  public static void headers(RoutingContext ctx) {
    put(ctx.response(), CSP).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    ctx.next();
  }

  /** A page's static files from the classpath folder {@code root}: no listing, no caching. */
  public static StaticHandler files(String root) {
    // no caching in the handler: the files are small, and a reloaded page must see a new build
    return StaticHandler.create(root).setCachingEnabled(false).setDirectoryListing(false);
  }

  /** The page headers with {@code csp}: {@link #CSP}, or {@link #CSP} narrowed further by a page of its own. */
  static HttpServerResponse put(HttpServerResponse response, String csp) {
    return response
        .putHeader("Content-Security-Policy", csp)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
  }
}
