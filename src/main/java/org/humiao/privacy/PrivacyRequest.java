package org.humiao.privacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One data-rights request and its outcome, as kept for the platform and the regulators. It never
 * holds the user's id: keeping it would keep what the request erased.
 *
 * @param region the forwarding platform key's division (GB/T 2260), or null (an admin's request)
 * @param note the platform's words, if any (no resident ID number: refused before)
 * @param completed when the outcome was recorded; null while received
 * @param erased stored entries the request removed
 * @param kept what it left in place on purpose
 */
public record PrivacyRequest(String id, String platform, String region, RequestKind kind, Requester requester,
                             String note, RequestStatus status, Instant received, Instant completed, int erased,
                             List<Kept> kept) {
  public PrivacyRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(received, "received");
    kept = List.copyOf(kept);
  }

  /** The request as taken, before anything is done. */
  static PrivacyRequest received(String id, NewRequest request, Instant at) {
    return new PrivacyRequest(id, request.platform(), request.region(), request.kind(), request.requester(),
        request.note(), RequestStatus.RECEIVED, at, null, 0, List.of());
  }

  PrivacyRequest outcome(RequestStatus outcome, Instant at, int removed, List<Kept> left) {
    return new PrivacyRequest(id, platform, region, kind, requester, note, outcome, received, at, removed, left);
  }

  /** Seconds from receipt to the recorded outcome, or null while received. */
  public Long secondsToComplete() {
    return completed == null ? null : Duration.between(received, completed).toSeconds();
  }

  public JsonObject toJson() {
    JsonArray keptIds = new JsonArray();
    kept.forEach(k -> keptIds.add(k.id()));
    return new JsonObject().put("id", id).put("platform", platform).put("region", region).put("kind", kind.id())
        .put("requester", requester.id()).put("note", note).put("status", status.id())
        .put("received", received.toString()).put("completed", completed == null ? null : completed.toString())
        .put("erased", erased).put("kept", keptIds);
  }

  public static PrivacyRequest fromJson(JsonObject json) {
    String completed = json.getString("completed");
    return new PrivacyRequest(json.getString("id"), json.getString("platform"), json.getString("region"),
        RequestKind.valueOf(upper(json.getString("kind"))), Requester.valueOf(upper(json.getString("requester"))),
        json.getString("note"), RequestStatus.valueOf(upper(json.getString("status"))),
        Instant.parse(json.getString("received")), completed == null ? null : Instant.parse(completed),
        json.getInteger("erased"),
        json.getJsonArray("kept").stream().map(k -> Kept.valueOf(upper((String) k))).toList());
  }

  private static String upper(String id) {
    return id.toUpperCase(Locale.ROOT);
  }
}
