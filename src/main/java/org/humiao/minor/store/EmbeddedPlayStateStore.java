package org.humiao.minor.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PendingWrites;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.IntervalSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The store in one process: maps in memory, every change written to a {@link WriteAheadLog} in
 * the data directory and replayed on open, so a restart loses no counted second and no payment.
 * Each change is computed under the lock of its key (one of {@value #STRIPES} stripes), queued to
 * the log, then applied by the same code that replays it. Payments and refunds touch three keys
 * each (payment, month, day) and share one lock.
 *
 * <p>No call waits for the disk: each hands {@link PendingWrites} the log's flush as it stands
 * when the call ends, which covers the call's own change and every change it could have read. A
 * request tracked there answers only once that flush is done; an untracked caller waits for it in
 * the call, as a synchronous store would. So the embedded store never blocks an event loop.
 *
 * <p>Not done: compaction. The log grows with every change and expired nonces, guest windows and
 * old days stay in memory until a snapshot-and-truncate step is added.
 */
public final class EmbeddedPlayStateStore implements PlayStateStore {
  public static final String LOG_FILE = "minor-state.jsonl";
  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final ReentrantLock payments = new ReentrantLock();
  private final Map<String, PersonLink> links = new ConcurrentHashMap<>();
  private final Map<String, Long> nonces = new ConcurrentHashMap<>();
  private final Map<String, GuardianControls> guardians = new ConcurrentHashMap<>();
  private final Map<String, Play> plays = new ConcurrentHashMap<>();
  private final Map<String, Long> guestWindows = new ConcurrentHashMap<>();
  private final Map<String, Long> stops = new ConcurrentHashMap<>();
  private final Map<String, PaymentRecord> paid = new ConcurrentHashMap<>();
  private final Map<String, Long> spend = new ConcurrentHashMap<>();
  private final WriteAheadLog log;
  private final PendingWrites pending;

  /** Allowed and excess seconds of one budget key; guarded by the key's stripe. */
  private static final class Play {
    final IntervalSet allowed = new IntervalSet();
    final IntervalSet excess = new IntervalSet();
  }

  private EmbeddedPlayStateStore(Path dataDir, PendingWrites pending) {
    this.pending = pending;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.log = WriteAheadLog.open(dataDir.resolve(LOG_FILE), this::apply);
  }

  /**
   * Opens the store of {@code dataDir} (created if missing), replaying its log; calls made in a
   * request tracked by {@code pending} leave the wait for the disk to the request.
   */
  public static EmbeddedPlayStateStore open(Path dataDir, PendingWrites pending) {
    return new EmbeddedPlayStateStore(dataDir, pending);
  }

  /** Opens a store whose every call returns once its changes are on disk. */
  public static EmbeddedPlayStateStore open(Path dataDir) {
    return open(dataDir, new PendingWrites());
  }

  @Override
  public void putLink(String userKey, PersonLink link) {
    locked(userKey, () -> commit(change("link", userKey).put("link", link.toJson())));
  }

  @Override
  public Optional<PersonLink> link(String userKey) {
    return settled(Optional.ofNullable(links.get(userKey)));
  }

  @Override
  public boolean claimNonce(String nonceKey, long expiresAt, long now) {
    return locked(nonceKey, () -> {
      Long known = nonces.get(nonceKey);
      if (known != null && known > now) {
        return false;
      }
      commit(change("nonce", nonceKey).put("expiresAt", expiresAt));
      return true;
    });
  }

  @Override
  public void putGuardianControls(String personOperatorKey, GuardianControls controls) {
    locked(personOperatorKey, () -> commit(change("guardian", personOperatorKey).put("controls", controls.toJson())));
  }

  @Override
  public Optional<GuardianControls> guardianControls(String personOperatorKey) {
    return settled(Optional.ofNullable(guardians.get(personOperatorKey)));
  }

  @Override
  public PlayTally addPlay(String budgetKey, Interval played, long limitSeconds) {
    return locked(budgetKey, () -> {
      Play play = plays.computeIfAbsent(budgetKey, k -> new Play());
      long remaining = Math.max(0, limitSeconds - play.allowed.size());
      List<Interval> allowed = new ArrayList<>();
      List<Interval> excess = new ArrayList<>();
      for (Interval gap : play.allowed.missing(played)) {
        for (Interval fresh : play.excess.missing(gap)) {
          long take = Math.min(fresh.length(), remaining);
          remaining -= take;
          if (take > 0) {
            allowed.add(new Interval(fresh.from(), fresh.from() + take));
          }
          if (take < fresh.length()) {
            excess.add(new Interval(fresh.from() + take, fresh.to()));
          }
        }
      }
      if (!allowed.isEmpty() || !excess.isEmpty()) {
        commit(change("play", budgetKey).put("allowed", toJson(allowed)).put("excess", toJson(excess)));
      }
      return tally(play, sum(allowed), sum(excess), played.to() - 1);
    });
  }

  @Override
  public PlayTally playTotals(String budgetKey, long second) {
    return locked(budgetKey, () -> tally(plays.getOrDefault(budgetKey, new Play()), 0, 0, second));
  }

  @Override
  public long openGuestWindow(String deviceKey, long now, long periodSeconds) {
    return locked(deviceKey, () -> {
      Long start = guestWindows.get(deviceKey);
      if (start != null && now < start + periodSeconds) {
        return start;
      }
      commit(change("guest", deviceKey).put("start", now));
      return now;
    });
  }

  @Override
  public OptionalLong guestWindow(String deviceKey) {
    Long start = guestWindows.get(deviceKey);
    return settled(start == null ? OptionalLong.empty() : OptionalLong.of(start));
  }

  @Override
  public OptionalLong markStopped(String sessionKey, long at) {
    return locked(sessionKey, () -> {
      Long earlier = stops.get(sessionKey);
      if (earlier != null) {
        return OptionalLong.of(earlier);
      }
      commit(change("stop", sessionKey).put("at", at));
      return OptionalLong.empty();
    });
  }

  @Override
  public OptionalLong stoppedAt(String sessionKey) {
    Long at = stops.get(sessionKey);
    return settled(at == null ? OptionalLong.empty() : OptionalLong.of(at));
  }

  @Override
  public void clearStopped(String sessionKey) {
    locked(sessionKey, () -> {
      if (stops.containsKey(sessionKey)) {
        commit(change("resume", sessionKey));
      }
    });
  }

  @Override
  public Optional<PaymentRecord> payment(String paymentKey) {
    return settled(Optional.ofNullable(paid.get(paymentKey)));
  }

  @Override
  public PaymentOutcome recordPayment(PaymentEntry entry) {
    return withPayments(() -> {
      PaymentRecord earlier = paid.get(entry.paymentKey());
      if (earlier != null) {
        return new PaymentOutcome(PaymentOutcome.Status.DUPLICATE, earlier, totalsOf(earlier.entry()));
      }
      SpendTotals now = totalsOf(entry);
      if (entry.amountFen() > entry.monthLimitFen() - now.monthFen()) {
        return new PaymentOutcome(PaymentOutcome.Status.MONTH_LIMIT, null, now);
      }
      if (entry.amountFen() > entry.dayLimitFen() - now.dayFen()) {
        return new PaymentOutcome(PaymentOutcome.Status.DAY_LIMIT, null, now);
      }
      commit(change("pay", entry.paymentKey()).put("entry", entry.toJson()));
      PaymentRecord record = paid.get(entry.paymentKey());
      return new PaymentOutcome(PaymentOutcome.Status.ACCEPTED, record, record.totalsAfter());
    });
  }

  @Override
  public RefundOutcome refund(String paymentKey) {
    return withPayments(() -> {
      PaymentRecord record = paid.get(paymentKey);
      if (record == null) {
        return new RefundOutcome(RefundOutcome.Status.UNKNOWN, null, null);
      }
      if (record.refunded()) {
        return new RefundOutcome(RefundOutcome.Status.ALREADY_REFUNDED, record, totalsOf(record.entry()));
      }
      commit(change("refund", paymentKey));
      return new RefundOutcome(RefundOutcome.Status.REFUNDED, paid.get(paymentKey), totalsOf(record.entry()));
    });
  }

  @Override
  public SpendTotals spent(String spendKey, String month, String day) {
    return settled(totals(spendKey, month, day));
  }

  @Override
  public boolean mayBlock() {
    return false;
  }

  @Override
  public void close() {
    log.close();
  }

  // ---------------------------------------------------------------------------------------------

  /** Queues the change and applies it; refused (nothing applied) when the log cannot take it. */
  private void commit(JsonObject change) {
    CompletableFuture<Void> written = log.append(change);
    if (written.isCompletedExceptionally()) {
      // thrown here, tracked or not: a change the log did not take must not be applied
      try {
        written.join();
      } catch (CompletionException refused) {
        throw refused.getCause() instanceof RuntimeException cause ? cause : refused;
      }
    }
    apply(change);
  }

  /**
   * Hands the log's flush, which covers everything this call changed or read, to the caller's
   * request (or waits for it, untracked). Called after the key's lock is released.
   */
  private <T> T settled(T value) {
    CompletableFuture<?> flushed = log.flushed();
    if (!flushed.isDone() || flushed.isCompletedExceptionally()) {
      pending.await(flushed);
    }
    return value;
  }

  /** Applies one logged change; the live path and replay both come through here. */
  private void apply(JsonObject change) {
    String key = change.getString("key");
    switch (change.getString("op")) {
      case "link" -> links.put(key, PersonLink.fromJson(change.getJsonObject("link")));
      case "nonce" -> nonces.put(key, change.getLong("expiresAt"));
      case "guardian" -> guardians.put(key, GuardianControls.fromJson(change.getJsonObject("controls")));
      case "play" -> {
        Play play = plays.computeIfAbsent(key, k -> new Play());
        fromJson(change.getJsonArray("allowed")).forEach(play.allowed::add);
        fromJson(change.getJsonArray("excess")).forEach(play.excess::add);
      }
      case "guest" -> guestWindows.put(key, change.getLong("start"));
      case "stop" -> stops.put(key, change.getLong("at"));
      case "resume" -> stops.remove(key);
      case "pay" -> {
        PaymentEntry entry = PaymentEntry.fromJson(change.getJsonObject("entry"));
        spend.merge(monthKey(entry.spendKey(), entry.month()), entry.amountFen(), Long::sum);
        spend.merge(dayKey(entry.spendKey(), entry.day()), entry.amountFen(), Long::sum);
        paid.put(key, new PaymentRecord(entry, totalsOf(entry), false));
      }
      case "refund" -> {
        PaymentRecord record = paid.get(key);
        PaymentEntry entry = record.entry();
        spend.merge(monthKey(entry.spendKey(), entry.month()), -entry.amountFen(), Long::sum);
        spend.merge(dayKey(entry.spendKey(), entry.day()), -entry.amountFen(), Long::sum);
        paid.put(key, new PaymentRecord(entry, record.totalsAfter(), true));
      }
      default -> throw new IllegalStateException("unknown change in state log: " + change.getString("op"));
    }
  }

  private static JsonObject change(String op, String key) {
    return new JsonObject().put("op", op).put("key", key);
  }

  private SpendTotals totalsOf(PaymentEntry entry) {
    return totals(entry.spendKey(), entry.month(), entry.day());
  }

  private SpendTotals totals(String spendKey, String month, String day) {
    return new SpendTotals(spend.getOrDefault(monthKey(spendKey, month), 0L),
        spend.getOrDefault(dayKey(spendKey, day), 0L));
  }

  private static String monthKey(String spendKey, String month) {
    return spendKey + "|month|" + month;
  }

  private static String dayKey(String spendKey, String day) {
    return spendKey + "|day|" + day;
  }

  private static PlayTally tally(Play play, long addedAllowed, long addedExcess, long lastSecond) {
    return new PlayTally(addedAllowed, addedExcess, play.allowed.size(), play.excess.size(),
        play.allowed.runContaining(lastSecond));
  }

  private static long sum(List<Interval> list) {
    return list.stream().mapToLong(Interval::length).sum();
  }

  private static JsonArray toJson(List<Interval> list) {
    JsonArray out = new JsonArray();
    list.forEach(i -> out.add(new JsonArray().add(i.from()).add(i.to())));
    return out;
  }

  private static List<Interval> fromJson(JsonArray array) {
    List<Interval> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonArray pair = array.getJsonArray(i);
      out.add(new Interval(pair.getLong(0), pair.getLong(1)));
    }
    return out;
  }

  private <T> T locked(String key, Supplier<T> body) {
    return settled(withLock(stripes[Math.floorMod(key.hashCode(), STRIPES)], body));
  }

  private void locked(String key, Runnable body) {
    locked(key, () -> {
      body.run();
      return null;
    });
  }

  private <T> T withPayments(Supplier<T> body) {
    return settled(withLock(payments, body));
  }

  private static <T> T withLock(ReentrantLock lock, Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
