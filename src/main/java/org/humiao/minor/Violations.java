package org.humiao.minor;

import io.vertx.core.json.JsonObject;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.policy.ServiceKind;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns refusals and non-compliance into {@link ViolationEvent}s for the injected sink. The event
 * id is derived from what happened (reason, user, the request's own key, second), so a retried
 * request yields the same id and the journal can drop the duplicate.
 */
final class Violations {
  /** Refusals show the rules working; a platform playing on after a stop broke them. */
  private static final int REFUSAL_SEVERITY = 1;
  private static final int NONCOMPLIANCE_SEVERITY = 3;

  private final Pseudonyms pseudonyms;
  private final Consumer<ViolationEvent> sink;

  Violations(Pseudonyms pseudonyms, Consumer<ViolationEvent> sink) {
    this.pseudonyms = pseudonyms;
    this.sink = sink;
  }

  /**
   * Reports a change to who a user is or to what their guardian set: a re-link (or an attempt)
   * or guardian controls loosened. Nothing was refused by a rule, so there is no policy context.
   *
   * @param evidence what changed (ages, whether the person differs, which controls); never person ids
   */
  void reportChange(ReasonCode reason, String platform, String userId, long epochSecond, JsonObject evidence) {
    String user = pseudonyms.of(platform, userId);
    sink.accept(ViolationEvent.builder(platform, reason.kind())
        .id(ViolationEvent.derivedId(reason.id(), platform, user, Long.toString(epochSecond)))
        .time(Instant.ofEpochSecond(epochSecond))
        .category(reason.family(), reason == ReasonCode.RELINK_REFUSED ? NONCOMPLIANCE_SEVERITY : REFUSAL_SEVERITY)
        .rule(reason.id())
        .user(user)
        .evidence(evidence)
        .build());
  }

  /**
   * @param requestKey what identifies the request for deduplication (session, idempotency key)
   * @param evidence details of the decision; never personal data
   */
  void report(ReasonCode reason, RequestContext ctx, long epochSecond, String requestKey, JsonObject evidence) {
    ViolationEvent.Kind kind = reason.kind();
    String category = reason.family();
    if (kind == ViolationEvent.Kind.PAYMENT_REFUSED && ctx.service() == ServiceKind.TIPPING) {
      kind = ViolationEvent.Kind.TIP_REFUSED;
      category = "spending".equals(category) ? "tipping" : category;
    }
    boolean noncompliance = kind == ViolationEvent.Kind.PLATFORM_NONCOMPLIANCE;
    String user = pseudonyms.of(ctx.platform(), ctx.userId());
    JsonObject details = evidence.copy()
        .put("policy", ctx.policy().id())
        .put("document", ctx.policy().document())
        .put("service", ctx.service().id())
        .put("subject", ctx.subject() instanceof Subject.Guest ? "guest" : "person");
    sink.accept(ViolationEvent.builder(ctx.platform(), kind)
        .id(ViolationEvent.derivedId(reason.id(), ctx.platform(), user, requestKey, Long.toString(epochSecond)))
        .time(Instant.ofEpochSecond(epochSecond))
        .category(category, noncompliance ? NONCOMPLIANCE_SEVERITY : REFUSAL_SEVERITY)
        .rule(reason.id())
        .user(user)
        .mandatoryReport(noncompliance)
        .evidence(details)
        .build());
  }
}
