package org.humiao.minor.store;

import org.humiao.minor.time.Interval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * All state of minor mode. Every operation is atomic for the keys it names, and each is shaped as
 * one round trip a Redis Lua script can do (a key's intervals as a sorted set, totals as hashes),
 * so the embedded and the Redis implementations are interchangeable. Keys are opaque strings
 * built by {@link Keys}.
 *
 * <p>Calls are synchronous. Whether they may block is {@link #mayBlock()}: the Redis store waits
 * for its round trip, while the embedded store never waits for the disk and instead hands its log
 * flush to {@link org.humiao.durable.PendingWrites}, so a request answers only once what it read
 * or changed is durable. Times are epoch seconds, amounts are fen.
 */
public interface PlayStateStore extends AutoCloseable {

  /** Links a platform user to the person of an accepted attestation, replacing any earlier link. */
  void putLink(String userKey, PersonLink link);

  Optional<PersonLink> link(String userKey);

  /**
   * What {@code query} names, read together: what a minor-mode call needs before it decides, in one
   * round trip to Redis (a Lua script that finds the person's keys from the link). These calls one
   * after the other for a store without round trips.
   */
  default StateView view(StateQuery query) {
    Optional<PersonLink> link = link(query.userKey());
    Map<String, Long> allowed = new LinkedHashMap<>();
    Optional<GuardianControls> guardian = Optional.empty();
    if (link.isPresent()) {
      String guardianKey = query.guardianKeyOf().apply(link.get().personId());
      guardian = guardianKey == null ? Optional.empty() : guardianControls(guardianKey);
      for (String budgetKey : query.budgetKeysOf().apply(link.get().personId())) {
        allowed.put(budgetKey, playTotals(budgetKey, 0).allowedTotal());
      }
    }
    return new StateView(link, guardian, allowed,
        query.sessionKey() == null ? OptionalLong.empty() : stoppedAt(query.sessionKey()),
        query.guestKey() == null ? OptionalLong.empty() : guestWindow(query.guestKey()),
        query.paymentKey() == null ? Optional.empty() : payment(query.paymentKey()));
  }

  /**
   * {@link #view}, then {@link #addPlay} of each count {@code plan} makes of what was read, in order,
   * then the plan's stop rule ({@link CountedView#stopped} says whether the session was marked; a rule
   * on a total the store would have to read first may be left to the caller): a heartbeat. The rules stay with the caller ({@code plan}); a store
   * with round trips may call {@code plan} first on what it last read of the user and send the counts
   * and the stop rule with the read, made only if the link, guardian controls and stop mark it finds
   * are the ones it assumed (else it calls {@code plan} again on what it found). Assumptions are kept
   * of linked users only, so for a linked user {@code plan} must only read (a guest's plan may open
   * the guest's window).
   */
  default CountedView viewThenAddPlay(StateQuery query, Function<StateView, PlayPlan> plan) {
    StateView view = view(query);
    return plan.apply(view).countOn(this, query, view);
  }

  /**
   * {@link #view}, then {@link #recordPayment} of the entry {@code plan} makes of what was read, if it
   * makes one: a payment check. As for {@link #viewThenAddPlay}, a store with round trips may call
   * {@code plan} first on what it last read of the user and send the entry with the read, recorded
   * only if the link and guardian controls it finds are the ones it assumed; an earlier record of the
   * payment's key then answers {@code DUPLICATE}, as {@link #recordPayment} does. {@code plan} must
   * only read.
   */
  default PaidView viewThenRecordPayment(StateQuery query, Function<StateView, Optional<PaymentEntry>> plan) {
    StateView view = view(query);
    return new PaidView(view, plan.apply(view).map(this::recordPayment));
  }

  /**
   * {@link #view} of {@code query} (the link and the guardian controls it names) and, for a linked
   * user, {@code controls} put at the linked person's guardian key in the same call. Answers what was
   * read before the change.
   */
  default StateView viewThenPutGuardianControls(StateQuery query, GuardianControls controls) {
    StateView view = view(query);
    view.link().map(link -> query.guardianKeyOf().apply(link.personId()))
        .ifPresent(key -> putGuardianControls(key, controls));
    return view;
  }

  /**
   * Remembers a one-time token id until {@code expiresAt}. False if it is already remembered and
   * not yet expired at {@code now}: a replay.
   */
  boolean claimNonce(String nonceKey, long expiresAt, long now);

  void putGuardianControls(String personOperatorKey, GuardianControls controls);

  Optional<GuardianControls> guardianControls(String personOperatorKey);

  /**
   * Counts {@code played} against a budget: its seconds not counted before (as allowed or excess)
   * are counted as allowed, in time order, while the allowed total stays within {@code
   * limitSeconds}; the rest as excess. A limit of 0 counts every new second as excess, so play
   * outside the windows is remembered once too.
   */
  PlayTally addPlay(String budgetKey, Interval played, long limitSeconds);

  /** The totals of a budget key (nothing added; run: the allowed run holding {@code second}). */
  PlayTally playTotals(String budgetKey, long second);

  /**
   * The start of a guest device's window: the one in force at {@code now}, else a new one
   * starting at {@code now}, which lasts {@code periodSeconds}.
   */
  long openGuestWindow(String deviceKey, long now, long periodSeconds);

  /** The start of the device's latest guest window, if any (nothing opened). */
  OptionalLong guestWindow(String deviceKey);

  /**
   * Marks that a session was told to stop at {@code at}, unless it already is. Returns the earlier
   * mark if there was one (and keeps it), else empty.
   */
  OptionalLong markStopped(String sessionKey, long at);

  OptionalLong stoppedAt(String sessionKey);

  /** The session was allowed again (authorized anew, or a window opened). */
  void clearStopped(String sessionKey);

  Optional<PaymentRecord> payment(String paymentKey);

  /**
   * Records a payment exactly once: an existing key answers DUPLICATE with the first record;
   * otherwise it is accepted only if the month and day totals stay within the entry's limits.
   */
  PaymentOutcome recordPayment(PaymentEntry entry);

  /** Gives a payment's amount back to its month and day totals, once. */
  RefundOutcome refund(String paymentKey);

  SpendTotals spent(String spendKey, String month, String day);

  /**
   * Forgets a user for a deletion request: removes what {@code erasure} names, keeps what it keeps,
   * and returns only once nothing removed is left in storage (the embedded store rewrites its log
   * without it; Redis deletes the keys). Returns how many entries were removed. Blocks on I/O in
   * every store: call it on a worker.
   */
  default int erase(Erasure erasure) {
    int removed = remove(erasure);
    purge();
    return removed;
  }

  /**
   * The first half of {@link #erase}: removes what {@code erasure} names from the state every later
   * call reads, and returns how many entries went. The embedded store neither waits for the disk
   * here nor has the entries off it yet ({@link #purge}); Redis deletes the keys.
   */
  int remove(Erasure erasure);

  /**
   * The second half of {@link #erase}: returns once nothing an earlier {@link #remove} took is left
   * in storage. The embedded store rewrites its log (a compaction); Redis has nothing left to do.
   */
  default void purge() {
  }

  /** True when calls wait on I/O and so must run on a worker thread, never on an event loop. */
  boolean mayBlock();

  /**
   * Why the store cannot take changes now (its log cannot be written, Redis does not answer), or
   * empty when it can. A health check: it may block like the other calls.
   */
  Optional<String> problem();

  @Override
  void close();
}
