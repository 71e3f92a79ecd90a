package org.humiao.minor.store;

import io.vertx.core.json.JsonObject;
import org.humiao.durable.PendingWrites;
import org.humiao.minor.time.Interval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>The log is compacted by snapshot ({@link WriteAheadLog}), so a restart replays the state and
 * the changes since, not every change ever made. Not done: expiry. Expired nonces, old guest
 * windows and past days stay in memory and in the snapshot.
 */
public final class EmbeddedPlayStateStore implements PlayStateStore {
  public static final String LOG_FILE = WriteAheadLog.ACTIVE;
  /**
   * The live log is compacted into the snapshot past this size: a restart replays at most about
   * this much log (a second or two) on top of the snapshot, which is the size of the state itself.
   */
  static final long COMPACT_BYTES = 64L << 20;
  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final ReentrantLock payments = new ReentrantLock();
  private final PlayState state = new PlayState();
  private final WriteAheadLog log;
  private final PendingWrites pending;

  private EmbeddedPlayStateStore(Path dataDir, PendingWrites pending, long compactBytes) {
    this.pending = pending;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.log = WriteAheadLog.open(dataDir, state, compactBytes);
  }

  /**
   * Opens the store of {@code dataDir} (created if missing), replaying its log; calls made in a
   * request tracked by {@code pending} leave the wait for the disk to the request.
   */
  public static EmbeddedPlayStateStore open(Path dataDir, PendingWrites pending) {
    return open(dataDir, pending, COMPACT_BYTES);
  }

  /** As {@link #open(Path, PendingWrites)}, compacting the log each time it passes {@code compactBytes}. */
  static EmbeddedPlayStateStore open(Path dataDir, PendingWrites pending, long compactBytes) {
    return new EmbeddedPlayStateStore(dataDir, pending, compactBytes);
  }

  /** Opens a store whose every call returns once its changes are on disk. */
  public static EmbeddedPlayStateStore open(Path dataDir) {
    return open(dataDir, new PendingWrites());
  }

  @Override
  public void putLink(String userKey, PersonLink link) {
    locked(userKey, () -> commit(PlayState.change("link", userKey).put("link", link.toJson())));
  }

  @Override
  public Optional<PersonLink> link(String userKey) {
    return settled(Optional.ofNullable(state.links.get(userKey)));
  }

  @Override
  public boolean claimNonce(String nonceKey, long expiresAt, long now) {
    return locked(nonceKey, () -> {
      Long known = state.nonces.get(nonceKey);
      if (known != null && known > now) {
        return false;
      }
      commit(PlayState.change("nonce", nonceKey).put("expiresAt", expiresAt));
      return true;
    });
  }

  @Override
  public void putGuardianControls(String personOperatorKey, GuardianControls controls) {
    locked(personOperatorKey, () -> commit(PlayState.change("guardian", personOperatorKey).put("controls", controls.toJson())));
  }

  @Override
  public Optional<GuardianControls> guardianControls(String personOperatorKey) {
    return settled(Optional.ofNullable(state.guardians.get(personOperatorKey)));
  }

  @Override
  public PlayTally addPlay(String budgetKey, Interval played, long limitSeconds) {
    return locked(budgetKey, () -> {
      PlayState.Play play = state.plays.computeIfAbsent(budgetKey, k -> new PlayState.Play());
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
        commit(PlayState.change("play", budgetKey).put("allowed", PlayState.toJson(allowed)).put("excess", PlayState.toJson(excess)));
      }
      return tally(play, sum(allowed), sum(excess), played.to() - 1);
    });
  }

  @Override
  public PlayTally playTotals(String budgetKey, long second) {
    return locked(budgetKey, () -> tally(state.plays.getOrDefault(budgetKey, new PlayState.Play()), 0, 0, second));
  }

  @Override
  public long openGuestWindow(String deviceKey, long now, long periodSeconds) {
    return locked(deviceKey, () -> {
      Long start = state.guestWindows.get(deviceKey);
      if (start != null && now < start + periodSeconds) {
        return start;
      }
      commit(PlayState.change("guest", deviceKey).put("start", now));
      return now;
    });
  }

  @Override
  public OptionalLong guestWindow(String deviceKey) {
    Long start = state.guestWindows.get(deviceKey);
    return settled(start == null ? OptionalLong.empty() : OptionalLong.of(start));
  }

  @Override
  public OptionalLong markStopped(String sessionKey, long at) {
    return locked(sessionKey, () -> {
      Long earlier = state.stops.get(sessionKey);
      if (earlier != null) {
        return OptionalLong.of(earlier);
      }
      commit(PlayState.change("stop", sessionKey).put("at", at));
      return OptionalLong.empty();
    });
  }

  @Override
  public OptionalLong stoppedAt(String sessionKey) {
    Long at = state.stops.get(sessionKey);
    return settled(at == null ? OptionalLong.empty() : OptionalLong.of(at));
  }

  @Override
  public void clearStopped(String sessionKey) {
    locked(sessionKey, () -> {
      if (state.stops.containsKey(sessionKey)) {
        commit(PlayState.change("resume", sessionKey));
      }
    });
  }

  @Override
  public Optional<PaymentRecord> payment(String paymentKey) {
    return settled(Optional.ofNullable(state.paid.get(paymentKey)));
  }

  @Override
  public PaymentOutcome recordPayment(PaymentEntry entry) {
    return withPayments(() -> {
      PaymentRecord earlier = state.paid.get(entry.paymentKey());
      if (earlier != null) {
        return new PaymentOutcome(PaymentOutcome.Status.DUPLICATE, earlier, state.totalsOf(earlier.entry()));
      }
      SpendTotals now = state.totalsOf(entry);
      if (entry.amountFen() > entry.monthLimitFen() - now.monthFen()) {
        return new PaymentOutcome(PaymentOutcome.Status.MONTH_LIMIT, null, now);
      }
      if (entry.amountFen() > entry.dayLimitFen() - now.dayFen()) {
        return new PaymentOutcome(PaymentOutcome.Status.DAY_LIMIT, null, now);
      }
      commit(PlayState.change("pay", entry.paymentKey()).put("entry", entry.toJson()));
      PaymentRecord record = state.paid.get(entry.paymentKey());
      return new PaymentOutcome(PaymentOutcome.Status.ACCEPTED, record, record.totalsAfter());
    });
  }

  @Override
  public RefundOutcome refund(String paymentKey) {
    return withPayments(() -> {
      PaymentRecord record = state.paid.get(paymentKey);
      if (record == null) {
        return new RefundOutcome(RefundOutcome.Status.UNKNOWN, null, null);
      }
      if (record.refunded()) {
        return new RefundOutcome(RefundOutcome.Status.ALREADY_REFUNDED, record, state.totalsOf(record.entry()));
      }
      commit(PlayState.change("refund", paymentKey));
      return new RefundOutcome(RefundOutcome.Status.REFUNDED, state.paid.get(paymentKey), state.totalsOf(record.entry()));
    });
  }

  @Override
  public SpendTotals spent(String spendKey, String month, String day) {
    return settled(state.totals(spendKey, month, day));
  }

  /**
   * Applies one erase change and queues it to the log, under the user's lock and the payments'
   * lock, without waiting for the disk: the removed lines are still in the log until {@link #purge}.
   */
  @Override
  public int remove(Erasure erasure) {
    return withLock(stripes[Math.floorMod(erasure.userKey().hashCode(), STRIPES)], () -> withLock(payments, () -> {
      JsonObject change = state.erasure(erasure);
      if (change == null) {
        return 0;
      }
      commit(change);
      return PlayState.erased(change);
    }));
  }

  /**
   * Rewrites the log without the removed lines ({@link WriteAheadLog#compactNow}), covering every
   * change queued so far, and waits for it: until then the old lines are still on disk.
   */
  @Override
  public void purge() {
    try {
      log.compactNow().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  @Override
  public boolean mayBlock() {
    return false;
  }

  @Override
  public Optional<String> problem() {
    return log.writeFailure().map(Throwable::getMessage);
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
    state.apply(change);
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

  private static PlayTally tally(PlayState.Play play, long addedAllowed, long addedExcess, long lastSecond) {
    return new PlayTally(addedAllowed, addedExcess, play.allowed.size(), play.excess.size(),
        play.allowed.runContaining(lastSecond));
  }

  private static long sum(List<Interval> list) {
    return list.stream().mapToLong(Interval::length).sum();
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
