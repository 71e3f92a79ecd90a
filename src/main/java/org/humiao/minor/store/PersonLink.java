package org.humiao.minor.store;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/**
 * What an accepted attestation leaves of a user: the pseudonymous person (a keyed hash, never the
 * ID number), the birth date ages are computed from, and how it was attested.
 *
 * @param nppaPi for kind nppa, the {@code pi} the NPPA real-name check returned, else null. Kept
 *     because the NPPA login/logout interface identifies a player only by it; it is itself a
 *     pseudonymous id the NPPA issued, not an ID number
 */
public record PersonLink(String personId, LocalDate birthDate, String kind, long attestedAt, String nppaPi) {
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("person", personId).put("birthDate", birthDate.toString()).put("kind", kind)
        .put("attestedAt", attestedAt);
    return nppaPi == null ? json : json.put("pi", nppaPi);
  }

  public static PersonLink fromJson(JsonObject json) {
    return new PersonLink(json.getString("person"), LocalDate.parse(json.getString("birthDate")),
        json.getString("kind"), json.getLong("attestedAt"), json.getString("pi"));
  }
}
