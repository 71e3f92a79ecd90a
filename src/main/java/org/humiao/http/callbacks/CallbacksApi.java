package org.humiao.http.callbacks;

import io.vertx.core.http.HttpMethod;
import org.humiao.callbacks.Callbacks;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;

/**
 * A platform's callback for pile-on alerts, {@code /v1/platforms/{platform}/callbacks}: registered
 * (the secret shown once, rotated on request), read back without the secret, and removed, by the
 * platform's own keys and admin keys. The store is read and written on {@code pool}'s workers.
 */
public record CallbacksApi(Callbacks callbacks, WorkerPool pool) {
  static final String PATH = "/v1/platforms/:platform/callbacks";

  public void mount(Mount mount) {
    CallbackRoutes routes = new CallbackRoutes(callbacks, pool);
    mount.route(HttpMethod.PUT, PATH, Access.PLATFORM_BODY, routes::register);
    mount.route(HttpMethod.GET, PATH, Access.PLATFORM, routes::read);
    mount.route(HttpMethod.DELETE, PATH, Access.PLATFORM, routes::delete);
  }
}
