package org.humiao.http.cases;

import io.vertx.core.http.HttpMethod;
import org.humiao.cases.CaseStore;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.RoleCheck;
import org.humiao.keys.Role;

import java.time.Clock;

/**
 * The regulators' mandatory-report cases (强制报告), mounted together: the worklist, one case, and
 * a step on it. Regulator and admin keys only, each within its region.
 *
 * @param pool where the store is called: a disk sync or a Redis round trip, never on the event loop
 * @param clock when a step is taken, and what is overdue
 */
public record CasesApi(CaseStore store, WorkerPool pool, Clock clock) {
  public void mount(Mount mount) {
    CaseRoutes routes = new CaseRoutes(store, pool, clock);
    RoleCheck regulators = RoleCheck.allow(Role.REGULATOR, Role.ADMIN);
    mount.route(HttpMethod.GET, "/v1/cases", Access.ANY_KEY, regulators, routes::list);
    mount.route(HttpMethod.GET, "/v1/cases/:id", Access.ANY_KEY, regulators, routes::one);
    mount.route(HttpMethod.POST, "/v1/cases/:id/actions", Access.REGULATOR_BODY, routes::act);
  }
}
