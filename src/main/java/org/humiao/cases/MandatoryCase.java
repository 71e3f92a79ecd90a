package org.humiao.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mandatory-report case (强制报告个案): opened by a violation event flagged as a mandatory report,
 * followed up by regulators. It copies from the event only what identifies and sorts it (platform,
 * region, kind, category, severity, the user's pseudonym, the platform's content id), never the
 * text, masked or raw, nor any ID number; the history only grows.
 *
 * @param id the case id: the id of the event that opened it, so an event opens one case however often it is delivered
 * @param history every step, oldest first; the first is the opening
 */
public record MandatoryCase(String id, String platform, String region, ViolationEvent.Kind kind, String category,
                            int severity, String user, String dataId, Instant eventTime, List<CaseAction> history) {
  public MandatoryCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(kind, "kind");
    history = List.copyOf(history);
    if (history.isEmpty() || history.get(0).status() != CaseStatus.NEW) {
      throw new IllegalArgumentException("a case's history starts with its opening");
    }
  }

  /** The case a mandatory-report event opens, at {@code now}. */
  public static MandatoryCase of(ViolationEvent event, Instant now) {
    return new MandatoryCase(event.id(), event.platform(), event.region(), event.kind(), event.category(),
        event.severity(), event.user(), event.dataId(), event.time(),
        List.of(new CaseAction(now, CaseAction.SERVICE, CaseStatus.NEW, null, null)));
  }

  public CaseStatus status() {
    return last().status();
  }

  /** The agency it was referred to, if it was. */
  public Agency agency() {
    return history.stream().filter(a -> a.agency() != null).map(CaseAction::agency).reduce((a, b) -> b).orElse(null);
  }

  public Instant opened() {
    return history.get(0).at();
  }

  /** When the current step must be done by; null when no deadline runs (referred, closed). */
  public Instant deadline() {
    CaseAction last = last();
    return last.status().limit().map(limit -> last.at().plus(limit)).orElse(null);
  }

  public boolean overdue(Instant now) {
    Instant deadline = deadline();
    return deadline != null && now.isAfter(deadline);
  }

  /** How many steps the history holds: the version a change is made against. */
  public int version() {
    return history.size();
  }

  /**
   * This case with {@code action} appended.
   *
   * @throws CaseException CONFLICT when the case may not go from its status to the action's
   */
  public MandatoryCase then(CaseAction action) {
    if (!status().mayBecome(action.status())) {
      throw new CaseException(CaseException.Problem.CONFLICT, "case " + id + " is " + status().id()
          + " and may not become " + action.status().id());
    }
    List<CaseAction> longer = new ArrayList<>(history);
    longer.add(action);
    return new MandatoryCase(id, platform, region, kind, category, severity, user, dataId, eventTime, longer);
  }

  private CaseAction last() {
    return history.get(history.size() - 1);
  }

  public JsonObject toJson() {
    JsonArray steps = new JsonArray();
    history.forEach(a -> steps.add(a.toJson()));
    return new JsonObject().put("id", id).put("platform", platform).put("region", region).put("kind", kind.id())
        .put("category", category).put("severity", severity).put("user", user).put("dataId", dataId)
        .put("eventTime", eventTime.toString()).put("history", steps);
  }

  public static MandatoryCase fromJson(JsonObject json) {
    List<CaseAction> history = new ArrayList<>();
    json.getJsonArray("history").forEach(a -> history.add(CaseAction.fromJson((JsonObject) a)));
    return new MandatoryCase(json.getString("id"), json.getString("platform"), json.getString("region"),
        ViolationEvent.Kind.byId(json.getString("kind")), json.getString("category"), json.getInteger("severity"),
        json.getString("user"), json.getString("dataId"), Instant.parse(json.getString("eventTime")), history);
  }
}
