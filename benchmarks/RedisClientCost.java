/**
 * The process CPU and wall time of one Redis round trip made from worker threads, by the Vert.x client (sent, then
 * awaited, as minor mode did until session 14) and by the store's blocking connections ({@code RespPool}), in rounds
 * that alternate the two so that a loaded machine weighs on both alike (round 0 is warm-up and not printed).
 * usage: java -cp target/humiao.jar benchmarks/RedisClientCost.java THREADS CALLS ROUNDS   (Redis on 127.0.0.1:6379)
 */
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.humiao.minor.store.RespPool;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public class RedisClientCost {
  private static final String URI = "redis://127.0.0.1:6379";
  /** An answer of the size and shape of a view: numbers and a few hundred bytes of text. */
  private static final String SCRIPT = "return {1, 2, ARGV[1], KEYS[1]}";

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    Redis vertxClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(URI)
        .setMaxPoolSize(threads + 6).setMaxPoolWaiting(1000));
    RespPool resp = RespPool.open(URI, Duration.ofSeconds(5));
    String text = "x".repeat(300);
    Map<String, Callable<Object>> clients = new LinkedHashMap<>();
    clients.put("vertx", () -> vertxClient.send(Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg("cost:k").arg(text))
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    clients.put("resp", () -> resp.call(List.of("EVAL", SCRIPT, "1", "cost:k", text)));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Callable<Object>> client : clients.entrySet()) {
        List<Callable<Object>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          work.add(() -> {
            for (int i = 0; i < calls / threads; i++) {
              client.getValue().call();
            }
            return null;
          });
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (Future<Object> done : pool.invokeAll(work)) {
          done.get();
        }
        if (round > 0) {
          System.out.printf("round %d %-5s %d threads: %.1f us CPU per call, %.1f us wall per call%n", round,
              client.getKey(), threads, (os.getProcessCpuTime() - cpu) / 1e3 / calls, (System.nanoTime() - wall) / 1e3 / calls);
        }
      }
    }
    pool.shutdown();
    resp.close();
    vertxClient.close();
    vertx.close();
  }
}
