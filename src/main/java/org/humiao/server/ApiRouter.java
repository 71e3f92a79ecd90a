package org.humiao.server;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.humiao.config.Settings;
import org.humiao.http.FailureHandler;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.RequestIds;
import org.humiao.http.docs.DocsApi;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.BodyDeadline;
import org.humiao.http.guard.ConnectionGuard;
import org.humiao.http.guard.JsonBodyGuard;
import org.humiao.http.guard.KnownMethods;
import org.humiao.http.guard.RateLimiter;
import org.humiao.http.guard.RoleCheck;
import org.humiao.http.lists.ListsApi;
import org.humiao.http.minor.MinorApi;
import org.humiao.http.regulator.RegulatorApi;
import org.humiao.http.review.ReviewApi;
import org.humiao.http.screen.Moderation;
import org.humiao.http.callbacks.CallbacksApi;
import org.humiao.http.cases.CasesApi;
import org.humiao.http.console.ConsoleApi;
import org.humiao.http.compliance.ComplianceApi;
import org.humiao.compliance.ComplianceReport;
import org.humiao.http.privacy.PrivacyApi;
import org.humiao.http.screen.ScreenApi;
import org.humiao.http.screen.ScreenLimits;
import org.humiao.http.strategies.StrategyApi;
import org.humiao.http.targets.TargetsApi;
import org.humiao.privacy.PrivacyRequests;
import org.humiao.screening.ScreeningEngine;
import org.humiao.server.metrics.BuildInfoMetrics;
import org.humiao.keys.Role;
import org.humiao.regions.RegionTable;
import org.humiao.server.logging.AccessLogHandler;
import org.humiao.server.metrics.RequestMetrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every route of the API, with the checks in front of it. The order is the order of cost: the
 * key (401), its role (403) and its rate (429) before the body is looked at (415, 413), and the
 * body is buffered only then. Those checks are {@link io.vertx.ext.web.handler.PlatformHandler}s
 * because vertx-web only lets platform handlers run before a BodyHandler. Every route is
 * documented in src/main/resources/openapi.yaml.
 */
final class ApiRouter {
  private ApiRouter() {}

  /** @param connections sees every request first, to know which connections are busy */
  static Router create(Vertx vertx, Components c, ConnectionGuard connections) {
    Settings s = c.settings();
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler();
    RequestMetrics metrics = new RequestMetrics(c.registry());
    router.route().handler(connections).handler(new RequestIds()).handler(new AccessLogHandler(s.accessLog()))
        .handler(new KnownMethods()).handler(metrics.timer());
    router.route().failureHandler(failures);
    for (int status : new int[] {404, 405, 413, 500}) {
      router.errorHandler(status, failures);
    }

    Authenticator auth = new Authenticator(c.keys()::ring);
    RateLimiter rate = c.rateLimiter();
    JsonBodyGuard bodyGuard = new JsonBodyGuard(s.maxBodyBytes());
    BodyDeadline deadline = new BodyDeadline(vertx, s.readTimeoutMs());
    // a body's buffer is sized by its Content-Length (at most 64 kB, and JsonBodyGuard has held that
    // to the limit) rather than 1 kB each: a chat line's request is a hundred bytes
    BodyHandler body = BodyHandler.create(false).setBodyLimit(s.maxBodyBytes()).setPreallocateBodyBuffer(true);
    RoleCheck platformRoles = RoleCheck.allow(Role.PLATFORM, Role.ADMIN);
    RoleCheck admin = RoleCheck.allow(Role.ADMIN);
    RoleCheck regulatorRoles = RoleCheck.allow(Role.REGULATOR, Role.ADMIN);
    Map<Access, List<Handler<RoutingContext>>> checks = new EnumMap<>(Access.class);
    checks.put(Access.PUBLIC, List.of());
    checks.put(Access.ANY_KEY, List.of(auth, rate));
    checks.put(Access.PLATFORM, List.of(auth, platformRoles, rate));
    checks.put(Access.PLATFORM_BODY, List.of(auth, platformRoles, rate, bodyGuard, deadline, body));
    checks.put(Access.REGULATOR_BODY, List.of(auth, regulatorRoles, rate, bodyGuard, deadline, body));
    checks.put(Access.ADMIN, List.of(auth, admin, rate));
    checks.put(Access.ADMIN_BODY, List.of(auth, admin, rate, bodyGuard, deadline, body));
    checks.put(Access.REVIEWER_BODY, List.of(auth, RoleCheck.allow(Role.REVIEWER, Role.ADMIN), rate, bodyGuard, deadline,
        body));
    Mount mount = (method, path, access, chain) -> route(router, method, path, checks.get(access), chain);

    new ScreenApi(c.engine(), c.recording(), c.screeningEvents(), c.registry(), rate, new ScreenLimits(s.maxBatchItems(),
        s.maxBatchChars(), s.screenCharsInFlightPerKey(), Duration.ofMillis(s.requestTimeoutMs()),
        s.screenEventLoopMaxChars(), s.maxInFlight()),
        new Moderation(c.state().strategies(), c.state().lists(), c.reviews(), c.pileOn())).mount(vertx, mount);
    new ListsApi(c.state().lists(), c.screeningPool()).mount(mount);
    new StrategyApi(c.state().strategies(), c.screeningPool()).mount(mount);
    c.pileOn().ifPresent(tracker -> new TargetsApi(tracker, c.screeningPool(), c.clock()).mount(mount));
    c.state().pileOn().ifPresent(p -> new CallbacksApi(p.callbacks(), c.screeningPool()).mount(mount));
    new MinorApi(c.minorMode(), c.minorRecording(), c.state().policies(), c.registry(), c.state().strategies(),
        c.state().sessions()).mount(vertx, mount);
    new RegulatorApi(c.state().events().summaries(), c.state().events().pager(), c.streams().cursors(), c.streams(),
        c.regulatorReads(), c.clock())
        .mount(mount);
    new ReviewApi(c.reviews(), c.recording(), c.registry(), new JournaledBlocks(c.state().events().pager(), c.clock(),
        Duration.ofDays(s.retentionDays()))).mount(mount);
    new CasesApi(c.state().cases(), c.regulatorReads(), c.clock()).mount(mount);
    new ComplianceApi(new ComplianceReport(c.state().events().summaries(), c.state().events().pager(), c.state().screened(),
        c.state().sessions(), c.reviews(), platform -> c.keys().ring().platformRegion(platform)), c.regulatorReads(), c.clock()).mount(mount);
    new PrivacyApi(new PrivacyRequests(c.minorMode(), c.state().reviews(), c.pileOn(), c.state().privacy(),
        c.clock()), c.regulatorReads()).mount(mount);
    new DocsApi().mount(mount);
    new ConsoleApi(RegionTable.shipped()).mount(mount);

    HealthRoutes health = new HealthRoutes(c.engine(), c.state(), s.profile(), c.clock());
    mount.route(HttpMethod.GET, "/health/live", Access.PUBLIC, health::live);
    mount.route(HttpMethod.GET, "/health/ready", Access.PUBLIC, health::ready);
    mount.route(HttpMethod.GET, "/metrics", Access.PUBLIC, new MetricsRoute(vertx, c.registry(), new BuildInfoMetrics(c.registry(), BuildInfo.version(),
        () -> c.engine().loaded().map(ScreeningEngine::version).orElse("not loaded"))));
    mount.route(HttpMethod.GET, "/openapi.yaml", Access.PUBLIC, ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(c.openApi()));
    return router;
  }

  /** A route whose requests are timed under its template, then checked, then run through the chain. */
  private static void route(Router router, HttpMethod method, String path, List<Handler<RoutingContext>> checks,
      Handler<RoutingContext>[] chain) {
    Route route = router.route(method, path).handler(RequestMetrics.template(path));
    for (Handler<RoutingContext> h : checks) {
      route.handler(h);
    }
    for (Handler<RoutingContext> h : chain) {
      route.handler(h);
    }
  }
}
