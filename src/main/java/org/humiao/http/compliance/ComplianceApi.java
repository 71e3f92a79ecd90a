package org.humiao.http.compliance;

import io.vertx.core.http.HttpMethod;
import org.humiao.compliance.ComplianceReport;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.KeyConcurrency;
import org.humiao.http.guard.RoleCheck;
import org.humiao.keys.Role;

import java.time.Clock;

/**
 * Platform compliance for 通报: {@code GET /v1/regulator/compliance} as JSON, CSV or a printable
 * page. Regulator and admin keys only, a regulator within its region.
 *
 * @param pool where the report is read: it may scan the journal, never on the event loop
 * @param clock what "today" is, for a report that names no {@code to}
 */
public record ComplianceApi(ComplianceReport report, WorkerPool pool, Clock clock) {
  public void mount(Mount mount) {
    ComplianceRoute route = new ComplianceRoute(report, pool, clock);
    // a report may scan a month of the journal: two at once per key is plenty for a console and a download
    mount.route(HttpMethod.GET, "/v1/regulator/compliance", Access.ANY_KEY, RoleCheck.allow(Role.REGULATOR, Role.ADMIN),
        new KeyConcurrency(2), route::handle);
  }
}
