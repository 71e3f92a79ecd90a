package org.humiao.bench.load;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * What was measured after warm-up.
 *
 * @param latency microseconds from when each request was due to its answer
 * @param outcomes "label status" (or "label error X") to count
 * @param attacker the same for the noisy neighbour's requests, answered while measuring; empty in other scenarios
 */
record LoadResult(Histogram latency, Map<String, Long> outcomes, long measuredNanos, Map<String, Long> attacker) {
  double throughput() {
    return latency.getTotalCount() / (measuredNanos / 1e9);
  }

  long successes() {
    // "label status" or, for the crafted texts, "label status decision"
    return outcomes.entrySet().stream().filter(e -> e.getKey().split(" ")[1].equals("200"))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
