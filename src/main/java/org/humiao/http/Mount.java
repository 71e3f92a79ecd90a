package org.humiao.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * How a feature adds its routes to the router: the wiring puts the timing and, by {@link Access},
 * the checks in front of each, so a feature says who may call a route and never builds a check.
 */
@FunctionalInterface
public interface Mount {

  /** Who may call a route, which decides the checks in front of it. */
  enum Access {
    /** No key: pages and their assets, which hold no data. */
    PUBLIC,
    /** Any valid key within its rate; a platform key sees only its own platform's data. */
    ANY_KEY,
    /** A platform or admin key, no body: a platform's reads of its own data. */
    PLATFORM,
    /** A platform or admin key, then the JSON body (type, size, read deadline), buffered last. */
    PLATFORM_BODY,
    /** A regulator or admin key, then the JSON body, as for {@link #PLATFORM_BODY}. */
    REGULATOR_BODY,
    /** An admin key. */
    ADMIN,
    /** An admin key, then the JSON body, as for {@link #PLATFORM_BODY}. */
    ADMIN_BODY,
    /** A reviewer or admin key, then the JSON body, as for {@link #PLATFORM_BODY}. */
    REVIEWER_BODY
  }

  void route(HttpMethod method, String path, Access access, Handler<RoutingContext>... chain);
}
