package org.humiao.bench.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The semantic tier's share of a run, from the service's own counters read at the start and the end of
 * the measured window: texts of single screen requests ({@code humiao_screen_runs_total{part="engine"}}),
 * texts the tier judged ({@code humiao_semantic_encoded_total}) and those it should have judged whose
 * fast verdict stood, by cause ({@code humiao_semantic_skipped_total{cause}}).
 *
 * @param counters by name: {@code screened}, {@code judged}, and {@code skipped <cause>}
 */
record TierShare(Map<String, Double> counters) {
  private static final String SCREENED = "screened";
  private static final String JUDGED = "judged";
  private static final String SKIPPED = "skipped ";

  /** The counters of one scrape of /metrics (Prometheus text); none for a server without them. */
  static TierShare parse(String metrics) {
    Map<String, Double> counters = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      String name = null;
      if (line.startsWith("humiao_screen_runs_total{") && line.contains("part=\"engine\"")) {
        name = SCREENED;
      } else if (line.startsWith("humiao_semantic_encoded_total ")) {
        name = JUDGED;
      } else if (line.startsWith("humiao_semantic_skipped_total{cause=\"")) {
        int from = line.indexOf('"') + 1;
        name = SKIPPED + line.substring(from, line.indexOf('"', from));
      }
      if (name != null) {
        counters.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
      }
    }
    return new TierShare(counters);
  }

  /** The sum over several instances. */
  TierShare plus(TierShare other) {
    Map<String, Double> sum = new TreeMap<>(counters);
    other.counters.forEach((k, v) -> sum.merge(k, v, Double::sum));
    return new TierShare(sum);
  }

  /** What was counted after {@code start}. */
  TierShare since(TierShare start) {
    Map<String, Double> delta = new TreeMap<>();
    counters.forEach((k, v) -> delta.put(k, v - start.counters.getOrDefault(k, 0.0)));
    return new TierShare(delta);
  }

  /** One line for the report, or empty when the service counted no screened text (another scenario, the ceiling). */
  String describe() {
    double screened = counters.getOrDefault(SCREENED, 0.0);
    if (screened <= 0) {
      return "";
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "semantic tier in the measured window: judged %.0f of %.0f screened texts (%.2f %%)",
        counters.getOrDefault(JUDGED, 0.0), screened, 100 * counters.getOrDefault(JUDGED, 0.0) / screened));
    StringBuilder skips = new StringBuilder();
    counters.forEach((k, v) -> {
      if (k.startsWith(SKIPPED) && v > 0) {
        skips.append(String.format(Locale.ROOT, "%s%s %.0f (%.2f %%)", skips.isEmpty() ? "" : ", ",
            k.substring(SKIPPED.length()), v, 100 * v / screened));
      }
    });
    line.append("; fast verdict stood: ").append(skips.isEmpty() ? "none" : skips);
    return line.toString();
  }
}
