package org.humiao.server;

import org.humiao.http.FailureHandler;
import org.humiao.http.RequestIds;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.BodyDeadline;
import org.humiao.http.guard.ConnectionGuard;
import org.humiao.http.guard.JsonBodyGuard;
import org.humiao.http.guard.RateLimiter;
import org.humiao.http.guard.RoleCheck;
import org.humiao.http.minor.MinorCalls;
import org.humiao.http.minor.MinorRoute;
import org.humiao.http.regulator.CsvExport;
import org.humiao.http.regulator.Dashboard;
import org.humiao.http.regulator.RegulatorRoutes;
import org.humiao.http.screen.BatchScreen;
import org.humiao.http.screen.DecisionMetrics;
import org.humiao.http.screen.LexiconRoutes;
import org.humiao.http.screen.ScreeningRoute;
import org.humiao.http.screen.SingleScreen;
import org.humiao.http.screen.TextScreener;
import org.humiao.server.metrics.RequestMetrics;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.humiao.config.Settings;
import org.humiao.keys.Role;

import java.util.LinkedHashMap;
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
    router.route().handler(connections).handler(new RequestIds()).handler(metrics.timer());
    router.route().failureHandler(failures);
    for (int status : new int[] {404, 405, 413, 500}) {
      router.errorHandler(status, failures);
    }

    Authenticator auth = new Authenticator(c.keys()::ring);
    RateLimiter rate = c.rateLimiter();
    JsonBodyGuard bodyGuard = new JsonBodyGuard(s.maxBodyBytes());
    BodyDeadline deadline = new BodyDeadline(vertx, s.readTimeoutMs());
    BodyHandler body = BodyHandler.create(false).setBodyLimit(s.maxBodyBytes());
    RoleCheck platformRoles = RoleCheck.allow(Role.PLATFORM, Role.ADMIN);
    TextScreener screener = new TextScreener(new DecisionMetrics(c.registry()), c.screeningEvents());

    route(router, HttpMethod.POST, "/v1/text/screen", auth, platformRoles, rate, bodyGuard, deadline, body,
        new ScreeningRoute(c.engine(), c.recording(), new SingleScreen(screener)));
    route(router, HttpMethod.POST, "/v1/text/screen/batch", auth, platformRoles, rate, bodyGuard, deadline, body,
        new ScreeningRoute(c.engine(), c.recording(), new BatchScreen(screener, s.maxBatchItems())));

    // minor mode serves the platforms, as screening does
    MinorCalls minor = new MinorCalls(c.minorMode());
    Map<String, MinorRoute.Call> minorRoutes = new LinkedHashMap<>();
    minorRoutes.put("/v1/attestations", minor::attest);
    minorRoutes.put("/v1/play/authorize", minor::authorize);
    minorRoutes.put("/v1/play/heartbeat", minor::heartbeat);
    minorRoutes.put("/v1/play/end", minor::end);
    minorRoutes.put("/v1/payments/check", minor::checkPayment);
    minorRoutes.put("/v1/payments/refund", minor::refund);
    minorRoutes.put("/v1/guardian/controls", minor::guardianControls);
    minorRoutes.forEach((path, call) -> route(router, HttpMethod.POST, path, auth, platformRoles, rate, bodyGuard,
        deadline, body, new MinorRoute(c.minorRecording(), call)));

    // every role reads; a platform key only its own events
    RegulatorRoutes regulator = new RegulatorRoutes(c.state().events().summaries(), c.state().events().pager(), c.pool());
    route(router, HttpMethod.GET, "/v1/regulator/summary", auth, rate, regulator::summary);
    route(router, HttpMethod.GET, "/v1/regulator/events", auth, rate, regulator::events);
    route(router, HttpMethod.GET, "/v1/regulator/events/export", auth, rate,
        new CsvExport(c.state().events().pager(), c.pool())::handle);
    route(router, HttpMethod.GET, "/v1/regulator/stream", auth, rate, c.streams()::handle);
    route(router, HttpMethod.GET, "/v1/regulator/reports/quarterly", auth, rate, regulator::quarterly);

    // the page and its assets are public and hold no data: it asks for a key and calls the API
    route(router, HttpMethod.GET, "/dashboard/*", Dashboard::headers, Dashboard.assets());

    LexiconRoutes lexicons = new LexiconRoutes(vertx, c.engine());
    route(router, HttpMethod.GET, "/v1/lexicons", auth, rate, lexicons::version);
    route(router, HttpMethod.POST, "/v1/admin/lexicons/reload", auth, RoleCheck.allow(Role.ADMIN), rate, lexicons::reload);

    HealthRoutes health = new HealthRoutes(c.engine());
    route(router, HttpMethod.GET, "/health/live", health::live);
    route(router, HttpMethod.GET, "/health/ready", health::ready);
    route(router, HttpMethod.GET, "/metrics", new MetricsRoute(vertx, c.registry()));
    route(router, HttpMethod.GET, "/openapi.yaml", ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(c.openApi()));
    return router;
  }

  /** A route whose requests are timed under its template, then run through the chain. */
  @SafeVarargs
  private static void route(Router router, HttpMethod method, String path, Handler<RoutingContext>... chain) {
    Route route = router.route(method, path).handler(RequestMetrics.template(path));
    for (Handler<RoutingContext> h : chain) {
      route.handler(h);
    }
  }
}
