package org.humiao.cases;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a case's history: who moved it to which status, when, and why.
 *
 * @param by the id of the key that acted (never the key itself); "humiao" for the opening
 * @param agency the agency referred to; only with {@link CaseStatus#REFERRED}
 * @param note free text of the regulator, checked to hold no resident ID number; may be null
 */
public record CaseAction(Instant at, String by, CaseStatus status, Agency agency, String note) {
  /** Who opens every case: the service, on a mandatory-report event. */
  public static final String SERVICE = "humiao";

  public CaseAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(status, "status");
    if ((status == CaseStatus.REFERRED) != (agency != null)) {
      throw new CaseException(CaseException.Problem.INVALID, "an agency goes with referred, and only with it");
    }
    if (note != null) {
      Notes.check(note);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("at", at.toString()).put("by", by).put("status", status.id())
        .put("agency", agency == null ? null : agency.id()).put("note", note);
  }

  static CaseAction fromJson(JsonObject json) {
    String agency = json.getString("agency");
    return new CaseAction(Instant.parse(json.getString("at")), json.getString("by"),
        CaseStatus.byId(json.getString("status")).orElseThrow(), agency == null ? null : Agency.byId(agency).orElseThrow(),
        json.getString("note"));
  }
}
