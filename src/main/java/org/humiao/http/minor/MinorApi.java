package org.humiao.http.minor;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.compliance.DenominatorTally;
import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.RecordingPool;
import org.humiao.http.Responses;
import org.humiao.minor.MinorMode;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.moderation.strategy.Strategies;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The minor-mode routes, mounted together; they serve the platforms, as screening does. And the
 * admin's reload of the policy directory, which picks up a newly published holiday notice and
 * edited screening strategies ({@code policies/strategies/}).
 *
 * @param recording where the calls run; it holds an answer until its state and events are synced
 * @param strategies reloaded with the policies, since they live in the same directory
 * @param sessions counts the minor-mode sessions: the compliance rates' denominator
 */
public record MinorApi(MinorMode minorMode, RecordingPool recording, PolicyRegistry policies, MeterRegistry registry,
                       Strategies strategies, DenominatorTally sessions) {
  private static final System.Logger LOG = System.getLogger(MinorApi.class.getName());

  public void mount(Vertx vertx, Mount mount) {
    MinorCalls minor = new MinorCalls(minorMode, sessions);
    Map<String, MinorRoute.Call> routes = new LinkedHashMap<>();
    routes.put("/v1/attestations", minor::attest);
    routes.put("/v1/play/authorize", minor::authorize);
    routes.put("/v1/play/heartbeat", minor::heartbeat);
    routes.put("/v1/play/end", minor::end);
    routes.put("/v1/payments/check", minor::checkPayment);
    routes.put("/v1/payments/refund", minor::refund);
    routes.put("/v1/guardian/controls", minor::guardianControls);
    MinorDecisionMetrics decisions = new MinorDecisionMetrics(registry);
    routes.forEach((path, call) -> mount.route(HttpMethod.POST, path, Access.PLATFORM_BODY,
        new MinorRoute(recording, call, path, decisions)));
    mount.route(HttpMethod.POST, "/v1/admin/policies/reload", Access.ADMIN, ctx -> reload(vertx, ctx));
  }

  /** Reads the policy directory again off the event loop; one that fails to load changes nothing. */
  private void reload(Vertx vertx, RoutingContext ctx) {
    vertx.executeBlocking(() -> strategies.reloadAlong(policies::reload), true)
        .onSuccess(book -> {
          LocalDate through = book.calendar().publishedThrough();
          Responses.json(ctx, 200, new JsonObject().put("policies", book.policies().size())
              .put("publishedThrough", through == null ? null : through.toString()));
        })
        .onFailure(e -> {
          LOG.log(System.Logger.Level.WARNING, "policy reload failed, keeping the policies in force: " + e.getMessage());
          ctx.fail(new ApiError(ErrorCode.POLICY_INVALID, "the policies did not load and stay as they were: "
              + e.getMessage()));
        });
  }
}
