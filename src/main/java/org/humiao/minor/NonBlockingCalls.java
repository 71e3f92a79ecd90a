package org.humiao.minor;

import io.vertx.core.Future;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.store.CountedView;
import org.humiao.minor.store.Erasure;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.NonBlockingViews;
import org.humiao.minor.store.PaymentEntry;
import org.humiao.minor.store.PaymentOutcome;
import org.humiao.minor.store.PaymentRecord;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PlayAdd;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.PlayTally;
import org.humiao.minor.store.RefundOutcome;
import org.humiao.minor.store.SpendTotals;
import org.humiao.minor.store.StateQuery;
import org.humiao.minor.store.StateView;
import org.humiao.minor.time.Interval;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs minor-mode calls on the event loop although the store's calls wait on I/O (Redis), with the
 * rules unchanged and in one place. A call runs first on the event loop until its opening store call
 * (the view, or the heartbeat's view with its counts); that call is made without blocking ({@link
 * NonBlockingViews}); then the call runs again on the event loop with that answer. Most calls end
 * there. One that needs a second round trip stops at it and runs a third time on a worker, where the
 * opening call is answered from what was read and the later ones block as before. Each store call is
 * made once, as every run of a call reads the same clock instant and the same answers and so takes
 * the same path; a run that stops drops the events it reported, and the run that ends reports them.
 *
 * <p>This class is the store, the clock and the event sink the rules are given: outside a call it
 * runs (a command, the simulator, a deletion) each of them is the plain one.
 */
final class NonBlockingCalls extends Clock implements PlayStateStore, Consumer<ViolationEvent> {
  private final PlayStateStore store;
  private final NonBlockingViews views;
  private final Clock clock;
  private final Consumer<ViolationEvent> events;
  private final UserOrder order;
  private final ThreadLocal<Run> running = new ThreadLocal<>();

  /** Where a run of a call goes; the future completes once the run's writes are durable. */
  interface Runner<T> extends Function<Callable<T>, Future<T>> {}

  /**
   * One run of a call: its instant, and where it is. {@code opening} is the opening call's answer
   * (null: none yet); {@code finding} marks the first run, which only finds the opening call.
   */
  private static final class Run {
    final Instant now;
    final boolean onLoop;
    final boolean finding;
    final Object opening;
    boolean opened;
    final List<ViolationEvent> reported = new ArrayList<>(1);

    Run(Instant now, boolean onLoop, boolean finding, Object opening) {
      this.now = now;
      this.onLoop = onLoop;
      this.finding = finding;
      this.opening = opening;
    }
  }

  /** The first run found its opening call: made without blocking when {@code read} is not null. */
  private static final class Opening extends RuntimeException {
    final transient Supplier<Future<?>> read;
    final String userKey;

    Opening(Supplier<Future<?>> read, String userKey) {
      super(null, null, false, false);
      this.read = read;
      this.userKey = userKey;
    }
  }

  /** A run on the event loop reached a second round trip. */
  private static final class SecondRoundTrip extends RuntimeException {
    SecondRoundTrip() {
      super(null, null, false, false);
    }
  }

  NonBlockingCalls(PlayStateStore store, NonBlockingViews views, Clock clock, Consumer<ViolationEvent> events,
                   UserOrder order) {
    this.store = store;
    this.views = views;
    this.clock = clock;
    this.events = events;
    this.order = order;
    // a run on the loop that finds a user's erasure under way goes to a worker rather than wait for it there
    order.refuseWaitsWhen(() -> {
      Run run = running.get();
      return run != null && run.onLoop;
    });
  }

  /**
   * Runs {@code call} as the class comment says: {@code loop} runs a part on the calling event loop,
   * {@code worker} on a worker thread.
   */
  <T> Future<T> call(Callable<T> call, Runner<T> loop, Runner<T> worker) {
    Instant now = clock.instant();
    return loop.apply(() -> run(new Run(now, true, true, null), call)).recover(stopped -> {
      if (stopped instanceof UserOrder.Busy) {
        return worker.apply(() -> run(new Run(now, false, false, null), call));
      }
      if (!(stopped instanceof Opening opening)) {
        return Future.failedFuture(stopped);
      }
      if (opening.read == null || opening.userKey == null || !order.enter(opening.userKey)) {
        return worker.apply(() -> run(new Run(now, false, false, null), call));
      }
      Future<T> answer;
      try {
        answer = opening(now, opening.read).compose(read -> loop.apply(() -> run(new Run(now, true, false, read), call))
            .recover(again -> again instanceof SecondRoundTrip || again instanceof UserOrder.Busy
                ? worker.apply(() -> run(new Run(now, false, false, read), call))
                : Future.failedFuture(again)));
      } catch (SecondRoundTrip e) {
        // the plan of a heartbeat, made before its read, wanted a read of its own
        answer = worker.apply(() -> run(new Run(now, false, false, null), call));
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      return answer.andThen(done -> order.exit(opening.userKey));
    });
  }

  /**
   * Sends the opening read. What runs of the call's code before it (a heartbeat's plan on the
   * remembered view) runs as on the loop: a store call there is a {@link SecondRoundTrip}, never a wait.
   */
  private Future<?> opening(Instant now, Supplier<Future<?>> read) {
    running.set(new Run(now, true, false, null));
    try {
      return read.get();
    } finally {
      running.remove();
    }
  }

  private <T> T run(Run run, Callable<T> call) throws Exception {
    running.set(run);
    try {
      T value = call.call();
      run.reported.forEach(events);
      return value;
    } finally {
      running.remove();
    }
  }

  // --- the clock: a call's runs all read the instant of its first -------------------------------

  @Override
  public Instant instant() {
    Run run = running.get();
    return run == null ? clock.instant() : run.now;
  }

  @Override
  public ZoneId getZone() {
    return clock.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("minor mode decides at the service's own clock");
  }

  // --- the event sink: a run on the loop reports when it ends --------------------------------------

  @Override
  public void accept(ViolationEvent event) {
    Run run = running.get();
    if (run != null && run.onLoop) {
      run.reported.add(event);
    } else {
      events.accept(event);
    }
  }

  // --- the store -----------------------------------------------------------------------------------

  /**
   * A store call: in a first run it is the opening call ({@code read}, if it can be made without
   * blocking, for {@code userKey}); in a later run the first is answered from what was read, and
   * the next ones block, which a run on the loop may not.
   */
  @SuppressWarnings("unchecked")
  private <T> T call(Supplier<Future<?>> read, String userKey, Supplier<T> blocking) {
    Run run = running.get();
    if (run == null) {
      return blocking.get();
    }
    if (run.finding) {
      throw new Opening(read, userKey);
    }
    if (run.opening != null && !run.opened) {
      run.opened = true;
      return (T) run.opening;
    }
    if (run.onLoop) {
      throw new SecondRoundTrip();
    }
    return blocking.get();
  }

  private <T> T blocking(Supplier<T> call) {
    return call(null, null, call);
  }

  @Override
  public StateView view(StateQuery query) {
    return call(() -> views.viewAsync(query), query.userKey(), () -> store.view(query));
  }

  @Override
  public CountedView viewThenAddPlay(StateQuery query, Function<StateView, List<PlayAdd>> plan) {
    CountedView read = call(() -> views.viewThenAddPlayAsync(query, plan), query.userKey(),
        () -> store.viewThenAddPlay(query, plan));
    return read.tallies() != null ? read : countPlanned(read.view(), plan);
  }

  @Override
  public void putLink(String userKey, PersonLink link) {
    blocking(() -> {
      store.putLink(userKey, link);
      return null;
    });
  }

  @Override
  public Optional<PersonLink> link(String userKey) {
    return blocking(() -> store.link(userKey));
  }

  @Override
  public boolean claimNonce(String nonceKey, long expiresAt, long now) {
    return blocking(() -> store.claimNonce(nonceKey, expiresAt, now));
  }

  @Override
  public void putGuardianControls(String personOperatorKey, GuardianControls controls) {
    blocking(() -> {
      store.putGuardianControls(personOperatorKey, controls);
      return null;
    });
  }

  @Override
  public Optional<GuardianControls> guardianControls(String personOperatorKey) {
    return blocking(() -> store.guardianControls(personOperatorKey));
  }

  @Override
  public PlayTally addPlay(String budgetKey, Interval played, long limitSeconds) {
    return blocking(() -> store.addPlay(budgetKey, played, limitSeconds));
  }

  @Override
  public PlayTally playTotals(String budgetKey, long second) {
    return blocking(() -> store.playTotals(budgetKey, second));
  }

  @Override
  public long openGuestWindow(String deviceKey, long now, long periodSeconds) {
    return blocking(() -> store.openGuestWindow(deviceKey, now, periodSeconds));
  }

  @Override
  public OptionalLong guestWindow(String deviceKey) {
    return blocking(() -> store.guestWindow(deviceKey));
  }

  @Override
  public OptionalLong markStopped(String sessionKey, long at) {
    return blocking(() -> store.markStopped(sessionKey, at));
  }

  @Override
  public OptionalLong stoppedAt(String sessionKey) {
    return blocking(() -> store.stoppedAt(sessionKey));
  }

  @Override
  public void clearStopped(String sessionKey) {
    blocking(() -> {
      store.clearStopped(sessionKey);
      return null;
    });
  }

  @Override
  public Optional<PaymentRecord> payment(String paymentKey) {
    return blocking(() -> store.payment(paymentKey));
  }

  @Override
  public PaymentOutcome recordPayment(PaymentEntry entry) {
    return blocking(() -> store.recordPayment(entry));
  }

  @Override
  public RefundOutcome refund(String paymentKey) {
    return blocking(() -> store.refund(paymentKey));
  }

  @Override
  public SpendTotals spent(String spendKey, String month, String day) {
    return blocking(() -> store.spent(spendKey, month, day));
  }

  @Override
  public int remove(Erasure erasure) {
    return blocking(() -> store.remove(erasure));
  }

  @Override
  public void purge() {
    store.purge();
  }

  @Override
  public boolean mayBlock() {
    return store.mayBlock();
  }

  @Override
  public Optional<String> problem() {
    return store.problem();
  }

  @Override
  public void close() {
    store.close();
  }
}
