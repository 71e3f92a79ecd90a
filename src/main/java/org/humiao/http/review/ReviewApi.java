package org.humiao.http.review;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.RecordingPool;
import org.humiao.http.StrictPage;
import org.humiao.http.guard.RoleCheck;
import org.humiao.keys.Role;
import org.humiao.moderation.review.BlockedContent;
import org.humiao.moderation.review.ReviewQueue;

/**
 * The review routes, mounted together: the queue (list, read, claim, resolve) for reviewers, users'
 * appeals and reports forwarded by their platform, and the counts regulators read. Each runs on
 * {@code pool}, which answers only once the store's change and a resolution's event are durable.
 * An appeal must name content {@code blocks} knows was blocked.
 * The reviewers' page (审核台, {@code humiao-review/}) is served at {@code /review/}.
 */
public record ReviewApi(ReviewQueue queue, RecordingPool pool, MeterRegistry registry, BlockedContent blocks) {

  public void mount(Mount mount) {
    ReviewRoutes routes = new ReviewRoutes(queue, pool, new ReviewMetrics(registry, queue), blocks);
    RoleCheck readers = RoleCheck.allow(Role.REVIEWER, Role.PLATFORM, Role.ADMIN);
    RoleCheck reviewers = RoleCheck.allow(Role.REVIEWER, Role.ADMIN);
    mount.route(HttpMethod.GET, "/v1/review/tasks", Access.ANY_KEY, readers, routes::list);
    mount.route(HttpMethod.GET, "/v1/review/tasks/:id", Access.ANY_KEY, readers, routes::task);
    mount.route(HttpMethod.POST, "/v1/review/tasks/:id/claim", Access.ANY_KEY, reviewers, routes::claim);
    mount.route(HttpMethod.POST, "/v1/review/tasks/:id/resolve", Access.REVIEWER_BODY, routes::resolve);
    mount.route(HttpMethod.POST, "/v1/review/appeals", Access.PLATFORM_BODY, routes::appeal);
    mount.route(HttpMethod.POST, "/v1/review/reports", Access.PLATFORM_BODY, routes::report);
    mount.route(HttpMethod.GET, "/v1/review/summary", Access.ANY_KEY, routes::summary);
    // like the dashboard, the page holds no data: it asks for a reviewer key and calls the routes above
    mount.route(HttpMethod.GET, "/review/*", Access.PUBLIC, StrictPage::headers, StrictPage.files("humiao-review"));
  }
}
