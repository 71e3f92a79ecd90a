package org.humiao.http.privacy;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.RoleCheck;
import org.humiao.keys.Role;
import org.humiao.privacy.PrivacyRequests;

/**
 * Minors' and guardians' data-rights requests, mounted together: a platform forwards one and reads
 * it back (its own platform's only; an admin names the platform), and regulators count them.
 *
 * @param pool where requests are done: an erasure rewrites the state log or walks Redis
 */
public record PrivacyApi(PrivacyRequests requests, WorkerPool pool) {
  public void mount(Mount mount) {
    PrivacyRoutes routes = new PrivacyRoutes(requests, pool);
    mount.route(HttpMethod.POST, "/v1/privacy/requests", Access.PLATFORM_BODY, routes::submit);
    mount.route(HttpMethod.GET, "/v1/privacy/requests/:id", Access.PLATFORM, routes::one);
    mount.route(HttpMethod.GET, "/v1/regulator/privacy", Access.ANY_KEY, RoleCheck.allow(Role.REGULATOR, Role.ADMIN),
        routes::counts);
  }
}
