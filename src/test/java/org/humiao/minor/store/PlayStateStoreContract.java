package org.humiao.minor.store;

import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.LocalWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link PlayStateStore} does, so the embedded and the Redis store stay interchangeable:
 * each implementation's test class extends this and puts a fresh, empty store in {@link #store}.
 */
abstract class PlayStateStoreContract {
  private static final String MONTH = "2026-02";
  private static final String DAY = "2026-02-20";

  protected PlayStateStore store;

  private static PaymentEntry pay(String key, long amount, String day, long monthLimit, long dayLimit) {
    return new PaymentEntry(key, "spend:p", amount, MONTH, day, monthLimit, dayLimit);
  }

  @Test
  void duplicatedAndReorderedReportsCountEachSecondOfTheUnionOnce() {
    Random random = new Random(7);
    List<Interval> reports = new ArrayList<>();
    BitSet union = new BitSet();
    for (int i = 0; i < 60; i++) {
      int from = random.nextInt(2000);
      Interval report = new Interval(from, from + 1 + random.nextInt(120));
      reports.add(report);
      union.set((int) report.from(), (int) report.to());
    }
    List<Interval> sent = new ArrayList<>(reports);
    sent.addAll(reports.subList(0, 30));
    Collections.shuffle(sent, random);
    long allowed = 0;
    long excess = 0;
    for (Interval i : sent) {
      PlayTally tally = store.addPlay("play:u", i, 700);
      allowed += tally.addedAllowed();
      excess += tally.addedExcess();
    }
    assertEquals(Math.min(700, union.cardinality()), allowed);
    assertEquals(union.cardinality(), allowed + excess);
    PlayTally totals = store.playTotals("play:u", 0);
    assertEquals(allowed, totals.allowedTotal());
    assertEquals(excess, totals.excessTotal());
  }

  @Test
  void theLimitCutsInTimeOrderAndExcessIsNeverCountedAgain() {
    assertEquals(new PlayTally(50, 50, 50, 50, null), store.addPlay("play:l", new Interval(100, 200), 50));
    assertEquals(new PlayTally(0, 100, 50, 150, null), store.addPlay("play:l", new Interval(0, 100), 50));
    assertEquals(new PlayTally(0, 0, 50, 150, null), store.addPlay("play:l", new Interval(150, 200), 1000));
    assertEquals(new PlayTally(60, 0, 110, 150, new Interval(200, 260)),
        store.addPlay("play:l", new Interval(120, 260), 1000));
    assertEquals(new Interval(100, 150), store.playTotals("play:l", 149).run());
    assertNull(store.playTotals("play:l", 150).run());
    assertEquals(new PlayTally(0, 10, 0, 10, null), store.addPlay("play:zero", new Interval(0, 10), 0));
  }

  @Test
  void touchingRunsMergeIntoOne() {
    store.addPlay("play:m", new Interval(0, 10), 1000);
    store.addPlay("play:m", new Interval(20, 30), 1000);
    PlayTally tally = store.addPlay("play:m", new Interval(10, 20), 1000);
    assertEquals(new PlayTally(10, 0, 30, 0, new Interval(0, 30)), tally);
    assertEquals(new PlayTally(0, 0, 30, 0, new Interval(0, 30)), store.playTotals("play:m", 29));
    assertEquals(new PlayTally(0, 0, 0, 0, null), store.playTotals("play:none", 5));
  }

  @Test
  void concurrentOverlappingReportsCountEachSecondOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<PlayTally>> results = new ArrayList<>();
    for (int t = 0; t < 64; t++) {
      long from = (t % 16) * 50L;
      results.add(pool.submit(() -> store.addPlay("play:x", new Interval(from, from + 100), 600)));
    }
    long allowed = 0;
    long excess = 0;
    for (Future<PlayTally> f : results) {
      allowed += f.get().addedAllowed();
      excess += f.get().addedExcess();
    }
    pool.shutdown();
    assertEquals(600, allowed);
    assertEquals(250, excess); // the union is [0, 850)
  }

  @Test
  void paymentsAreRecordedOnceWithinTheirCapsAndRefundedOnce() {
    PaymentOutcome first = store.recordPayment(pay("pay:0", 4000, DAY, 20_000, 9000));
    assertEquals(PaymentOutcome.Status.ACCEPTED, first.status());
    assertEquals(new SpendTotals(4000, 4000), first.totals());
    assertEquals(new SpendTotals(4000, 4000), first.record().totalsAfter());
    assertEquals(PaymentOutcome.Status.ACCEPTED, store.recordPayment(pay("pay:1", 4000, DAY, 20_000, 9000)).status());
    PaymentOutcome day = store.recordPayment(pay("pay:2", 4000, DAY, 20_000, 9000));
    assertEquals(new PaymentOutcome(PaymentOutcome.Status.DAY_LIMIT, null, new SpendTotals(8000, 8000)), day);

    PaymentOutcome again = store.recordPayment(pay("pay:0", 999, "2026-02-21", 0, 0));
    assertEquals(PaymentOutcome.Status.DUPLICATE, again.status());
    assertEquals(first.record(), again.record());
    assertEquals(new SpendTotals(8000, 8000), again.totals());
    assertEquals(Optional.of(first.record()), store.payment("pay:0"));
    assertEquals(Optional.empty(), store.payment("pay:2"));

    RefundOutcome refund = store.refund("pay:0");
    assertEquals(RefundOutcome.Status.REFUNDED, refund.status());
    assertTrue(refund.record().refunded());
    assertEquals(new SpendTotals(4000, 4000), refund.record().totalsAfter());
    assertEquals(new SpendTotals(4000, 4000), refund.totals());
    assertEquals(RefundOutcome.Status.ALREADY_REFUNDED, store.refund("pay:0").status());
    assertEquals(new RefundOutcome(RefundOutcome.Status.UNKNOWN, null, null), store.refund("pay:x"));
    assertEquals(new SpendTotals(4000, 4000), store.spent("spend:p", MONTH, DAY));
    assertTrue(store.recordPayment(pay("pay:0", 4000, DAY, 20_000, 9000)).record().refunded());

    PaymentOutcome month = store.recordPayment(pay("pay:m", 17_000, "2026-02-21", 20_000, Long.MAX_VALUE));
    assertEquals(new PaymentOutcome(PaymentOutcome.Status.MONTH_LIMIT, null, new SpendTotals(4000, 0)), month);
    assertEquals(PaymentOutcome.Status.ACCEPTED,
        store.recordPayment(pay("pay:n", 16_000, "2026-02-21", 20_000, Long.MAX_VALUE)).status());
    assertEquals(new SpendTotals(20_000, 16_000), store.spent("spend:p", MONTH, "2026-02-21"));
    assertEquals(new SpendTotals(0, 0), store.spent("spend:q", MONTH, DAY));
  }

  @Test
  void aNonceIsAReplayUntilItExpires() {
    assertTrue(store.claimNonce("nonce:1", 9000, 100));
    assertFalse(store.claimNonce("nonce:1", 9000, 200));
    assertFalse(store.claimNonce("nonce:1", 9000, 8999));
    assertTrue(store.claimNonce("nonce:1", 20_000, 9000));
    assertFalse(store.claimNonce("nonce:1", 20_000, 9001));
    assertTrue(store.claimNonce("nonce:2", 9000, 200));
  }

  @Test
  void aGuestWindowLastsItsPeriodThenANewOneOpens() {
    assertEquals(OptionalLong.empty(), store.guestWindow("dev:1"));
    assertEquals(1000, store.openGuestWindow("dev:1", 1000, 500));
    assertEquals(1000, store.openGuestWindow("dev:1", 1499, 500));
    assertEquals(OptionalLong.of(1000), store.guestWindow("dev:1"));
    assertEquals(1500, store.openGuestWindow("dev:1", 1500, 500));
    assertEquals(OptionalLong.of(1500), store.guestWindow("dev:1"));
  }

  @Test
  void theFirstStopMarkIsKeptUntilCleared() {
    assertEquals(OptionalLong.empty(), store.markStopped("session:1", 100));
    assertEquals(OptionalLong.of(100), store.markStopped("session:1", 200));
    assertEquals(OptionalLong.of(100), store.stoppedAt("session:1"));
    store.clearStopped("session:1");
    store.clearStopped("session:1");
    assertEquals(OptionalLong.empty(), store.stoppedAt("session:1"));
    assertEquals(OptionalLong.empty(), store.markStopped("session:1", 300));
    assertEquals(OptionalLong.of(300), store.stoppedAt("session:1"));
  }

  @Test
  void linksAndGuardianControlsAreReplaced() {
    assertEquals(Optional.empty(), store.link("user:a"));
    store.putLink("user:a", new PersonLink("p_1", LocalDate.of(2010, 6, 1), "resident-id", 100, null));
    // an NPPA link keeps its pi through the store: reporting play to the NPPA needs it
    PersonLink later = new PersonLink("p_2", LocalDate.of(2011, 1, 2), "nppa", 200,
        "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u");
    store.putLink("user:a", later);
    assertEquals(Optional.of(later), store.link("user:a"));

    assertEquals(Optional.empty(), store.guardianControls("g:1"));
    GuardianControls controls = new GuardianControls(1800L,
        List.of(new LocalWindow(LocalTime.of(19, 0), LocalTime.of(20, 0))), false, true, 3000L, 5000L);
    store.putGuardianControls("g:1", controls);
    assertEquals(Optional.of(controls), store.guardianControls("g:1"));
  }

  @Test
  void aViewReadsTheLinkedPersonsKeysAndWhatTheQueryNamesTogether() {
    // a person id with both characters keys escape: the person's keys are found from the link
    String person = "p:1%3A";
    PersonLink link = new PersonLink(person, LocalDate.of(2012, 5, 1), "resident-id", 100, null);
    String user = Keys.user("plat-v", "u:1");
    store.putLink(user, link);
    GuardianControls controls = new GuardianControls(3600L, List.of(), false, true, 500L, null);
    store.putGuardianControls(Keys.personOperator(person, "op:v"), controls);
    String friday = Keys.dayPlay(person, "op:v", ServiceKind.GAME, LocalDate.of(2026, 2, 20));
    String saturday = Keys.dayPlay(person, "op:v", ServiceKind.GAME, LocalDate.of(2026, 2, 21));
    store.addPlay(friday, new Interval(0, 70), 60);
    store.markStopped("session:v", 900);
    store.openGuestWindow("guest:v", 1000, 3600);
    store.recordPayment(pay("pay:v", 300, DAY, 10_000, 10_000));
    StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, "op:v"))
        .budgets(p -> List.of(Keys.dayPlay(p, "op:v", ServiceKind.GAME, LocalDate.of(2026, 2, 20)),
            Keys.dayPlay(p, "op:v", ServiceKind.GAME, LocalDate.of(2026, 2, 21))))
        .session("session:v").guest("guest:v").payment("pay:v");

    StateView view = store.view(query);
    assertEquals(Optional.of(link), view.link());
    assertEquals(Optional.of(controls), view.guardian());
    assertEquals(Map.of(friday, 60L, saturday, 0L), view.allowedPlay());
    assertEquals(OptionalLong.of(900), view.stoppedAt());
    assertEquals(OptionalLong.of(1000), view.guestWindow());
    assertEquals(store.payment("pay:v"), view.payment());
    assertTrue(view.payment().isPresent());

    // another user, not linked: nothing of a person; keys the query does not name are not read
    StateView stranger = store.view(StateQuery.of(Keys.user("plat-v", "u:2"))
        .guardian(p -> Keys.personOperator(p, "op:v")).budgets(query.budgetKeysOf()).guest("guest:v"));
    assertEquals(new StateView(Optional.empty(), Optional.empty(), Map.of(), OptionalLong.empty(),
        OptionalLong.of(1000), Optional.empty()), stranger);
  }

  /** A linked minor, the budget of one game day the query reads, and the query (session "session:TAG"). */
  private record PlayCase(String person, String budget, StateQuery query) {}

  /** The set-up the play tests share: user u:1 of platform plat-TAG linked to person p_TAG, operator op:TAG. */
  private PlayCase linkedPlayer(String tag) {
    String user = Keys.user("plat-" + tag, "u:1");
    String person = "p_" + tag;
    String operator = "op:" + tag;
    LocalDate day = LocalDate.of(2026, 2, 20);
    store.putLink(user, new PersonLink(person, LocalDate.of(2012, 5, 1), "resident-id", 100, null));
    StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, operator))
        .budgets(p -> List.of(Keys.dayPlay(p, operator, ServiceKind.GAME, day)))
        .session("session:" + tag);
    return new PlayCase(person, Keys.dayPlay(person, operator, ServiceKind.GAME, day), query);
  }

  @Test
  void viewThenAddPlayCountsWhatThePlanMakesOfWhatIsStoredAtTheCall() {
    PlayCase c = linkedPlayer("w");
    String guardian = Keys.personOperator(c.person(), "op:w");
    store.putGuardianControls(guardian, new GuardianControls(100L, List.of(), false, false, null, null));
    String budget = c.budget();
    StateQuery query = c.query();
    // the plan: the report within the guardian's quota, nothing allowed after a stop mark
    List<StateView> planned = new ArrayList<>();
    Function<Interval, Function<StateView, PlayPlan>> plan = played -> view -> {
      planned.add(view);
      return new PlayPlan(List.of(new PlayAdd(budget, played,
          view.stoppedAt().isPresent() ? 0 : view.guardian().orElseThrow().dailyQuotaSeconds())), Optional.empty());
    };

    CountedView first = store.viewThenAddPlay(query, plan.apply(new Interval(0, 60)));
    assertEquals(Map.of(budget, 0L), first.view().allowedPlay());
    assertEquals(List.of(60L), first.tallies().stream().map(PlayTally::addedAllowed).toList());
    CountedView same = store.viewThenAddPlay(query, plan.apply(new Interval(60, 90)));
    assertEquals(Map.of(budget, 60L), same.view().allowedPlay());
    assertEquals(List.of(new PlayTally(30, 0, 90, 0, new Interval(0, 90))), same.tallies());

    // changed since the last call (as by another instance): counted by what is stored now
    store.putGuardianControls(guardian, new GuardianControls(95L, List.of(), false, false, null, null));
    CountedView lowered = store.viewThenAddPlay(query, plan.apply(new Interval(90, 100)));
    assertEquals(95L, lowered.view().guardian().orElseThrow().dailyQuotaSeconds());
    assertEquals(95L, planned.get(planned.size() - 1).guardian().orElseThrow().dailyQuotaSeconds());
    assertEquals(List.of(new PlayTally(5, 5, 95, 5, null)), lowered.tallies());
    store.putGuardianControls(guardian, new GuardianControls(1000L, List.of(), false, false, null, null));
    store.markStopped("session:w", 100);
    CountedView stopped = store.viewThenAddPlay(query, plan.apply(new Interval(100, 110)));
    assertEquals(OptionalLong.of(100), stopped.view().stoppedAt());
    assertEquals(List.of(new PlayTally(0, 10, 95, 15, null)), stopped.tallies());
    store.clearStopped("session:w");
    CountedView resumed = store.viewThenAddPlay(query, plan.apply(new Interval(110, 120)));
    assertEquals(List.of(new PlayTally(10, 0, 105, 15, new Interval(110, 120))), resumed.tallies());
    // an unlinked user: the plan is made of a view without a person
    CountedView stranger = store.viewThenAddPlay(StateQuery.of(Keys.user("plat-w", "u:2")), view -> {
      assertTrue(view.link().isEmpty());
      return new PlayPlan(List.of(), Optional.empty());
    });
    assertEquals(List.of(), stranger.tallies());
  }

  @Test
  void viewThenAddPlayMarksTheSessionStoppedWhenTheStopRuleHoldsAfterTheCounts() {
    PlayCase c = linkedPlayer("s");
    String budget = c.budget();
    StateQuery query = c.query();
    // stop when the budget's 100 s are played: counted up to the cap from a view the store may have assumed
    Function<Interval, Function<StateView, PlayPlan>> plan = played -> view ->
        new PlayPlan(List.of(new PlayAdd(budget, played, 100)), Optional.of(new StopRule(played.to(), budget, 100)));

    CountedView under = store.viewThenAddPlay(query, plan.apply(new Interval(0, 60)));
    assertFalse(under.stopped());
    CountedView still = store.viewThenAddPlay(query, plan.apply(new Interval(60, 90)));
    assertFalse(still.stopped());
    assertEquals(OptionalLong.empty(), store.stoppedAt("session:s"));
    // another instance's play brings the budget to its cap: counted by what is stored, the rule holds
    store.addPlay(budget, new Interval(200, 205), 100);
    CountedView spent = store.viewThenAddPlay(query, plan.apply(new Interval(90, 95)));
    assertEquals(List.of(new PlayTally(5, 0, 100, 0, new Interval(0, 95))), spent.tallies());
    assertTrue(spent.stopped());
    assertEquals(OptionalLong.empty(), spent.earlierStop());
    assertEquals(OptionalLong.of(95), store.stoppedAt("session:s"));
    // the mark is kept, and answered as the earlier one
    CountedView after = store.viewThenAddPlay(query, plan.apply(new Interval(95, 99)));
    assertTrue(after.stopped());
    assertEquals(OptionalLong.of(95), after.earlierStop());
    // a rule without a budget (play outside the open windows) stops whatever was played
    store.clearStopped("session:s");
    CountedView closed = store.viewThenAddPlay(query, view -> new PlayPlan(List.of(), Optional.of(new StopRule(120, null, 0))));
    assertTrue(closed.stopped());
    assertEquals(OptionalLong.of(120), store.stoppedAt("session:s"));
  }

  @Test
  void anAuthorizesPlanClearsTheStopMarkOnlyWhenItsStopRuleDoesNotHold() {
    PlayCase c = linkedPlayer("c");
    String budget = c.budget();
    StateQuery query = c.query();
    Function<StateView, PlayPlan> authorize = view -> new PlayPlan(List.of(), Optional.of(new StopRule(50, budget, 100)), true);
    // a first view, so a store that plans on the last one has one; no mark yet: nothing to clear
    assertFalse(store.viewThenAddPlay(query, authorize).cleared());
    store.markStopped("session:c", 40);

    // under the cap: the session may play again, and its mark goes with the read
    CountedView allowed = store.viewThenAddPlay(query, authorize);
    assertEquals(OptionalLong.of(40), allowed.view().stoppedAt());
    assertTrue(allowed.cleared());
    assertFalse(allowed.stopped());
    assertEquals(OptionalLong.empty(), store.stoppedAt("session:c"));

    // the cap reached (by another instance's play): the rule holds, the mark is made and not cleared
    store.markStopped("session:c", 45);
    store.addPlay(budget, new Interval(0, 100), 100);
    CountedView refused = store.viewThenAddPlay(query, authorize);
    assertTrue(refused.stopped());
    assertFalse(refused.cleared());
    assertEquals(OptionalLong.of(45), store.stoppedAt("session:c"));
  }

  @Test
  void viewThenRecordPaymentRecordsWhatThePlanMakesOfWhatIsStoredAtTheCall() {
    String user = Keys.user("plat-p", "u:1");
    String person = "p_p";
    store.putLink(user, new PersonLink(person, LocalDate.of(2012, 5, 1), "resident-id", 100, null));
    String guardian = Keys.personOperator(person, "op:p");
    store.putGuardianControls(guardian, new GuardianControls(null, List.of(), false, false, 1000L, null));
    Function<String, StateQuery> query = key -> StateQuery.of(user)
        .guardian(p -> Keys.personOperator(p, "op:p")).payment(key);
    // the plan: the guardian's daily cap is the entry's day limit; a record answers without a new entry
    List<StateView> planned = new ArrayList<>();
    Function<String, Function<StateView, Optional<PaymentEntry>>> plan = key -> view -> {
      planned.add(view);
      return view.payment().isPresent() ? Optional.empty()
          : Optional.of(pay(key, 400, DAY, 20_000, view.guardian().orElseThrow().dailySpendCapFen()));
    };
    // a first read of the user: a store that remembers views plans the next calls on it
    store.view(query.apply("pay:0"));

    PaidView first = store.viewThenRecordPayment(query.apply("pay:1"), plan.apply("pay:1"));
    assertEquals(PaymentOutcome.Status.ACCEPTED, first.outcome().orElseThrow().status());
    assertEquals(new SpendTotals(400, 400), first.outcome().orElseThrow().totals());
    // lowered since the last call (as by another instance): the entry is made of what is stored now
    store.putGuardianControls(guardian, new GuardianControls(null, List.of(), false, false, 500L, null));
    PaidView lowered = store.viewThenRecordPayment(query.apply("pay:2"), plan.apply("pay:2"));
    assertEquals(500L, planned.get(planned.size() - 1).guardian().orElseThrow().dailySpendCapFen());
    assertEquals(PaymentOutcome.Status.DAY_LIMIT, lowered.outcome().orElseThrow().status());
    assertEquals(new SpendTotals(400, 400), store.spent("spend:p", MONTH, DAY));
    // the same key again: the first record answers, nothing counted twice
    PaidView again = store.viewThenRecordPayment(query.apply("pay:1"), plan.apply("pay:1"));
    assertTrue(again.view().payment().isPresent());
    assertTrue(again.outcome().map(o -> o.status() == PaymentOutcome.Status.DUPLICATE).orElse(true));
    assertEquals(new SpendTotals(400, 400), store.spent("spend:p", MONTH, DAY));
    // an unlinked user: the plan is made of a view without a person
    PaidView stranger = store.viewThenRecordPayment(StateQuery.of(Keys.user("plat-p", "u:2")), view -> {
      assertTrue(view.link().isEmpty());
      return Optional.empty();
    });
    assertEquals(Optional.empty(), stranger.outcome());
  }

  @Test
  void viewThenPutGuardianControlsAnswersTheEarlierControlsAndWritesTheNewOnes() {
    String user = Keys.user("plat-g", "u:1");
    store.putLink(user, new PersonLink("p_g", LocalDate.of(2012, 5, 1), "resident-id", 100, null));
    String guardian = Keys.personOperator("p_g", "op:g");
    StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, "op:g"));
    GuardianControls first = new GuardianControls(1800L, List.of(), false, false, null, null);
    GuardianControls second = new GuardianControls(600L, List.of(), true, false, 100L, null);

    StateView none = store.viewThenPutGuardianControls(query, first);
    assertEquals(Optional.empty(), none.guardian());
    assertEquals(Optional.of(first), store.guardianControls(guardian));
    StateView earlier = store.viewThenPutGuardianControls(query, second);
    assertEquals(Optional.of(first), earlier.guardian());
    assertEquals(Optional.of(second), store.guardianControls(guardian));
    // an unlinked user: nothing is written
    StateView stranger = store.viewThenPutGuardianControls(StateQuery.of(Keys.user("plat-g", "u:2"))
        .guardian(p -> Keys.personOperator(p, "op:g")), first);
    assertEquals(Optional.empty(), stranger.link());
    assertEquals(Optional.of(second), store.guardianControls(guardian));
  }

  /** Everything the store has written (file contents, Redis keys and values), as text to search. */
  protected abstract String stored() throws Exception;

  @Test
  void eraseLeavesOnlyTodaysPlayThisMonthsSpendingAndThePaymentRecords() throws Exception {
    String person = "pn_7Qx2";
    String pi = "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u";
    String user = Keys.user("plat-a", "kid-4711");
    store.putLink(user, new PersonLink(person, LocalDate.of(2013, 5, 17), "nppa", 1000, pi));
    String bystander = Keys.user("plat-a", "bystander-9");
    store.putLink(bystander, new PersonLink("pn_other", LocalDate.of(2001, 3, 4), "resident-id", 1000, null));
    String guardian = Keys.personOperator(person, "op-a");
    store.putGuardianControls(guardian, new GuardianControls(1800L, List.of(), false, true, null, null));
    String yesterday = Keys.dayPlay(person, "op-a", ServiceKind.GAME, LocalDate.of(2026, 2, 19));
    String today = Keys.dayPlay(person, "op-a", ServiceKind.GAME, LocalDate.of(2026, 2, 20));
    String elsewhere = Keys.dayPlay(person, "op-b", ServiceKind.GAME, LocalDate.of(2026, 2, 19));
    store.addPlay(yesterday, new Interval(0, 1000), 3600);
    store.addPlay(today, new Interval(86_400, 90_000), 3600);
    store.addPlay(elsewhere, new Interval(0, 500), 3600);
    String spendKey = Keys.spending(person, "op-a", ServiceKind.GAME);
    store.recordPayment(new PaymentEntry(Keys.payment("plat-a", "jan-1"), spendKey, 500, "2026-01", "2026-01-10",
        Long.MAX_VALUE, Long.MAX_VALUE));
    store.recordPayment(new PaymentEntry(Keys.payment("plat-a", "feb-1"), spendKey, 700, MONTH, DAY,
        Long.MAX_VALUE, Long.MAX_VALUE));

    // as a guest before attesting, counted by its user id (the platform sent no device), and a device kept
    String guest = Keys.guestDevice("op-a", ServiceKind.GAME, "kid-4711");
    String device = Keys.guestDevice("op-a", ServiceKind.GAME, "device-77");
    for (String g : List.of(guest, device)) {
      long start = store.openGuestWindow(g, 0, 15 * 86_400);
      store.addPlay(Keys.guestPlay(g, start), new Interval(0, 600), 3600);
    }

    int erased = store.erase(new Erasure(user, guardian, Keys.playOf(person, "op-a"), Set.of(today),
        Set.of(spendKey), MONTH, DAY, Set.of(guest)));

    assertTrue(erased >= 7, "link, guardian controls, yesterday's play, January's and Jan 10's totals, the guest's "
        + "window and play: " + erased);
    assertEquals(OptionalLong.empty(), store.guestWindow(guest));
    assertEquals(0, store.playTotals(Keys.guestPlay(guest, 0), 0).allowedTotal());
    assertEquals(OptionalLong.of(0), store.guestWindow(device), "a device's window is not the user's");
    assertEquals(600, store.playTotals(Keys.guestPlay(device, 0), 0).allowedTotal());
    assertEquals(Optional.empty(), store.link(user));
    assertEquals(Optional.empty(), store.guardianControls(guardian));
    assertEquals(0, store.playTotals(yesterday, 0).allowedTotal());
    assertEquals(3600, store.playTotals(today, 86_400).allowedTotal(), "today's play is kept: the quota holds");
    assertEquals(500, store.playTotals(elsewhere, 0).allowedTotal(), "another operator's play is not this request's");
    assertEquals(new SpendTotals(0, 0), store.spent(spendKey, "2026-01", "2026-01-10"));
    assertEquals(new SpendTotals(700, 700), store.spent(spendKey, MONTH, DAY), "this month's spending is kept");
    assertTrue(store.payment(Keys.payment("plat-a", "jan-1")).isPresent(), "payment records are kept for refunds");
    assertTrue(store.link(bystander).isPresent());
    String stored = stored();
    assertTrue(stored.contains("bystander-9"), "the storage read is the store's own");
    for (String trace : List.of("kid-4711", pi, "2013-05-17")) {
      assertFalse(stored.contains(trace), trace + " is still stored");
    }
    assertEquals(0, store.erase(new Erasure(user, guardian, Keys.playOf(person, "op-a"), Set.of(today),
        Set.of(spendKey), MONTH, DAY, Set.of(guest))), "a second erase finds nothing");
  }
}
