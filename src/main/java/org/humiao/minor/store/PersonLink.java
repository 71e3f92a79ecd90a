package org.humiao.minor.store;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/**
 * What an accepted attestation leaves of a user: the pseudonymous person (a keyed hash, never the
 * ID number or {@code pi}), the birth date ages are computed from, and how it was attested.
 */
public record PersonLink(String personId, LocalDate birthDate, String kind, long attestedAt) {
  public JsonObject toJson() {
    return new JsonObject().put("person", personId).put("birthDate", birthDate.toString()).put("kind", kind)
        .put("attestedAt", attestedAt);
  }

  public static PersonLink fromJson(JsonObject json) {
    return new PersonLink(json.getString("person"), LocalDate.parse(json.getString("birthDate")),
        json.getString("kind"), json.getLong("attestedAt"));
  }
}
