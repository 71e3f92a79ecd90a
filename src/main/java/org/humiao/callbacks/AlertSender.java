package org.humiao.callbacks;

import org.humiao.minor.nppa.Backoff;
import org.humiao.pileon.Surge;
import org.humiao.pileon.SurgeListener;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Delivers pile-on alerts to the platforms' callbacks, at least once: a surge of a platform with a
 * callback is appended to the durable {@link AlertOutbox} (forced) before {@link #surged} returns,
 * and a sender thread POSTs the oldest pending alert, signed ({@link AlertSignature}), and takes it
 * off the outbox only once the receiver answered 2xx. A failed attempt puts the alert back at the
 * end with its next time (exponential backoff with jitter); what an earlier run left pending is sent
 * after a restart. One sender per outbox keeps order simple; the cost is that a receiver that keeps
 * failing delays the alerts behind its one by at most its backoff each time round.
 *
 * <p>Two threads of its own: one does all outbox disk I/O and is never interrupted (an interrupt
 * closes a FileChannel), the other sends and waits; closing interrupts only the sender.
 */
public final class AlertSender implements SurgeListener, AutoCloseable {
  /** How long the sender waits after a failure of its own (a commit that failed) before going on. */
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger(AlertSender.class.getName());

  private final AlertOutbox outbox;
  private final CallbackStore store;
  private final DeliveryPolicy policy;
  private final Backoff backoff;
  private final Clock clock;
  private final HttpClient http;
  private final ExecutorService disk;
  private final Thread sender;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  private AlertSender(AlertOutbox outbox, CallbackStore store, DeliveryPolicy policy, Clock clock) {
    this.outbox = outbox;
    this.store = store;
    this.policy = policy;
    this.backoff = new Backoff(policy.initialBackoff(), policy.maxBackoff(), RandomGenerator.getDefault());
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(policy.timeout()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    // daemon threads: what they hold is on disk already, so they must not keep the JVM alive
    this.disk = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "callback-outbox"));
    this.sender = daemon(this::sendLoop, "callback-sender");
  }

  /** Opens the outbox in {@code dir} and starts sending, what an earlier run left first. */
  public static AlertSender start(Path dir, CallbackStore store, DeliveryPolicy policy, Clock clock)
      throws IOException {
    AlertSender sender = new AlertSender(AlertOutbox.open(dir), store, policy, clock);
    sender.sender.start();
    return sender;
  }

  /** Queues the surge for its platform's callback, if it has one; a failure is logged, the surge stands. */
  @Override
  public void surged(Surge surge) {
    try {
      if (store.get(surge.platform()).isEmpty()) {
        return;
      }
      QueuedAlert alert = new QueuedAlert(UUID.randomUUID().toString(), surge, 0, 0);
      onDisk(() -> outbox.append(List.of(alert)));
    } catch (IOException | RuntimeException e) {
      dropped.incrementAndGet();
      LOG.log(System.Logger.Level.ERROR, "pile-on alert for platform " + surge.platform() + " not queued", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long delivered() {
    return delivered.get();
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Alerts given up: their platform had no callback any more, they outlived giveUpAfter, or they could not be queued. */
  public long dropped() {
    return dropped.get();
  }

  public int pending() {
    return outbox.pendingCount();
  }

  /** Seconds since the surge of the oldest alert still pending; 0 when none is. */
  public double oldestAgeSeconds() {
    long now = clock.millis();
    return outbox.pendingRecords().stream().mapToLong(a -> now - a.surge().at().toEpochMilli()).max().orElse(0)
        / 1000.0;
  }

  private enum Outcome { DELIVERED, FAILED, DROPPED }

  private void sendLoop() {
    try {
      while (true) {
        QueuedAlert alert = outbox.awaitBatch(1).get(0);
        long wait = alert.notBefore() - clock.millis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        Outcome outcome = attempt(alert);
        try {
          onDisk(() -> {
            if (outcome == Outcome.FAILED) {
              // back at the end before it leaves the front: a crash in between sends it twice, never not at all
              outbox.append(List.of(alert.failedOnce(clock.millis() + backoff.delayAfter(alert.attempts() + 1)
                  .toMillis())));
            }
            outbox.commit(1);
          });
        } catch (IOException | RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "callback outbox not updated; the alert will be sent again", e);
          Thread.sleep(FAILURE_PAUSE.toMillis());
          continue;
        }
        switch (outcome) {
          case DELIVERED -> delivered.incrementAndGet();
          case FAILED -> failedAttempts.incrementAndGet();
          case DROPPED -> dropped.incrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      // close() asked us to stop; the alert in hand is still pending
    }
  }

  private Outcome attempt(QueuedAlert alert) throws InterruptedException {
    if (clock.millis() - alert.surge().at().toEpochMilli() > policy.giveUpAfter().toMillis()) {
      LOG.log(System.Logger.Level.WARNING, "pile-on alert " + alert.id() + " given up after " + alert.attempts()
          + " attempts");
      return Outcome.DROPPED;
    }
    Optional<Callback> callback;
    try {
      callback = store.get(alert.surge().platform());
    } catch (RuntimeException e) {
      return Outcome.FAILED; // the store (Redis) is away: try again later
    }
    if (callback.isEmpty()) {
      return Outcome.DROPPED;
    }
    byte[] body = alert.body().encode().getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.instant().getEpochSecond();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(callback.get().url())).timeout(policy.timeout())
          .header("Content-Type", "application/json")
          .header(AlertSignature.ID_HEADER, alert.id())
          .header(AlertSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .header(AlertSignature.SIGNATURE_HEADER, AlertSignature.sign(callback.get().secret(), timestamp, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? Outcome.DELIVERED : Outcome.FAILED;
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.FAILED;
    }
  }

  @FunctionalInterface
  private interface DiskWork {
    void run() throws IOException;
  }

  /** Runs on the disk thread and waits for it. */
  private void onDisk(DiskWork work) throws IOException, InterruptedException {
    try {
      disk.submit(() -> {
        work.run();
        return null;
      }).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops sending; an alert in flight stays in the outbox and is sent after the next start. */
  @Override
  public void close() throws IOException, InterruptedException {
    sender.interrupt();
    sender.join();
    disk.shutdown();
    disk.awaitTermination(1, TimeUnit.MINUTES);
    outbox.close();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
