package org.humiao.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one load run does.
 *
 * @param urls the instances, sent to in turn
 * @param rate requests per second to send on schedule (open loop); 0 runs closed loop at saturation
 * @param connections HTTP connections to the service (and, closed loop, requests in flight)
 * @param clockOffset how far the service's clock is from the real one ({@link ServeAt}); heartbeats are stamped by it
 * @param attackerKey the other key of the {@code noisy} scenario ({@link NoisyNeighbour}); null for the others
 * @param attackerConnections the connections it sends on
 * @param ceilingPort where to start a {@link CeilingServer} and run the same scenario against it
 *     after the service, in the same run; 0: none
 */
record LoadOptions(
    List<URI> urls,
    String key,
    String scenario,
    int rate,
    int connections,
    Duration warmup,
    Duration duration,
    Path corpus,
    Path out,
    Duration clockOffset,
    String attackerKey,
    int attackerConnections,
    int ceilingPort) {

  static final String USAGE = """
      usage: java -cp benchmarks/target/benchmarks.jar org.humiao.bench.load.LoadHarness
        --key KEY                   a platform key of the service
        [--url http://127.0.0.1:8080[,http://127.0.0.1:8081 ...]] [--scenario screen|batch|minor|mixed|noisy|lists|targets|crafted] [--rate N (0 = saturation)]
        [--connections 32] [--warmup 10] [--duration 30] (seconds)
        [--corpus benchmarks/corpus/chat-lines.txt] [--out target/load/<scenario>-<rate>]
        [--clock-offset 0] (seconds; what ServeAt printed, when the service runs at a chosen hour)
        [--ceiling PORT] (screen: then start the bare Vert.x CeilingServer on PORT, run the same load
          against it, write OUT-ceiling.{json,md,png} and print the service's share of the ceiling)
        [--attacker-key KEY2] [--attacker-connections 8] (noisy: KEY screens chat at --rate while KEY2,
          another platform's key, sends the costliest requests it can within its limits)
        (lists: KEY is an admin key; it first puts a block list of 1,000 generated terms for each of the
          platforms load-00 to load-49, then screens chat on behalf of a random one of them)
      """;

  static LoadOptions parse(String[] args) {
    Map<String, String> named = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      named.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0 || !named.containsKey("key")) {
      throw new IllegalArgumentException("missing --key or a value");
    }
    String scenario = named.getOrDefault("scenario", "screen");
    if (scenario.equals("noisy") != named.containsKey("attacker-key")) {
      throw new IllegalArgumentException("--attacker-key goes with --scenario noisy, and only with it");
    }
    int ceiling = Integer.parseInt(named.getOrDefault("ceiling", "0"));
    if (ceiling > 0 && !scenario.equals("screen")) {
      throw new IllegalArgumentException("--ceiling goes with --scenario screen: the ceiling server answers only that route");
    }
    int rate = Integer.parseInt(named.getOrDefault("rate", "0"));
    return new LoadOptions(
        Arrays.stream(named.getOrDefault("url", "http://127.0.0.1:8080").split(",")).map(URI::create).toList(),
        named.get("key"),
        scenario,
        rate,
        Integer.parseInt(named.getOrDefault("connections", "32")),
        Duration.ofSeconds(Long.parseLong(named.getOrDefault("warmup", "10"))),
        Duration.ofSeconds(Long.parseLong(named.getOrDefault("duration", "30"))),
        Path.of(named.getOrDefault("corpus", "benchmarks/corpus/chat-lines.txt")),
        Path.of(named.getOrDefault("out", "target/load/" + scenario + "-" + (rate == 0 ? "saturation" : rate))),
        Duration.ofSeconds(Long.parseLong(named.getOrDefault("clock-offset", "0"))),
        named.get("attacker-key"),
        Integer.parseInt(named.getOrDefault("attacker-connections", "8")),
        ceiling);
  }

  /** The same run against the ceiling server on {@link #ceilingPort}, reported beside this one's. */
  LoadOptions againstCeiling() {
    return new LoadOptions(List.of(URI.create("http://127.0.0.1:" + ceilingPort)), key, scenario, rate, connections,
        warmup, duration, corpus, Path.of(out + "-ceiling"), clockOffset, attackerKey, attackerConnections, 0);
  }
}
