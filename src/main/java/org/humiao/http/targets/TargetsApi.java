package org.humiao.http.targets;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;
import org.humiao.pileon.PileOnTracker;

import java.time.Clock;

/**
 * The routes of pile-on targets, mounted together: a target's status, its protection and its
 * evidence, each for the target's own platform only (a platform key's; an admin names one).
 *
 * @param pool where the calls run: the store may be Redis
 * @param clock the time evidence queries default to
 */
public record TargetsApi(PileOnTracker tracker, WorkerPool pool, Clock clock) {

  public void mount(Mount mount) {
    TargetRoutes routes = new TargetRoutes(tracker, pool, clock);
    mount.route(HttpMethod.GET, "/v1/targets/:id/status", Access.PLATFORM, routes::status);
    mount.route(HttpMethod.POST, "/v1/targets/:id/protection", Access.PLATFORM_BODY, routes::protection);
    mount.route(HttpMethod.GET, "/v1/targets/:id/evidence", Access.PLATFORM, routes::evidence);
  }
}
