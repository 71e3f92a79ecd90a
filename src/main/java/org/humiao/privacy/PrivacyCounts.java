package org.humiao.privacy;

import io.vertx.core.json.JsonObject;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What regulators see of data-rights requests: counts by kind and status, and the time from
 * receipt to completion of the completed ones. Counts only: no request, platform user or note.
 *
 * @param counts requests per kind and status (every pair present, zero or not)
 * @param meanSecondsToComplete over the completed requests; null when there are none
 */
public record PrivacyCounts(int total, Map<RequestKind, Map<RequestStatus, Integer>> counts,
                            Double meanSecondsToComplete, Long maxSecondsToComplete) {

  static PrivacyCounts of(List<PrivacyRequest> requests) {
    Map<RequestKind, Map<RequestStatus, Integer>> counts = new EnumMap<>(RequestKind.class);
    for (RequestKind kind : RequestKind.values()) {
      Map<RequestStatus, Integer> byStatus = new EnumMap<>(RequestStatus.class);
      for (RequestStatus status : RequestStatus.values()) {
        byStatus.put(status, 0);
      }
      counts.put(kind, byStatus);
    }
    long sum = 0;
    long max = 0;
    int completed = 0;
    for (PrivacyRequest r : requests) {
      counts.get(r.kind()).merge(r.status(), 1, Integer::sum);
      if (r.status() == RequestStatus.COMPLETED) {
        long seconds = r.secondsToComplete();
        sum += seconds;
        max = Math.max(max, seconds);
        completed++;
      }
    }
    return new PrivacyCounts(requests.size(), counts, completed == 0 ? null : (double) sum / completed,
        completed == 0 ? null : max);
  }

  public JsonObject toJson() {
    JsonObject byKind = new JsonObject();
    counts.forEach((kind, byStatus) -> {
      JsonObject statuses = new JsonObject();
      byStatus.forEach((status, n) -> statuses.put(status.id(), n));
      byKind.put(kind.id(), statuses);
    });
    return new JsonObject().put("total", total).put("byKind", byKind)
        .put("meanSecondsToComplete", meanSecondsToComplete).put("maxSecondsToComplete", maxSecondsToComplete);
  }
}
