package org.humiao.minor.store;

import static org.humiao.minor.store.RedisScan.glob;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.time.Interval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The store in Redis, shared by several service instances: every compound operation is one Lua
 * script of {@code resources/redis/}, so it is atomic across instances the way the embedded
 * store's per-key locks are within one. What a minor-mode call reads before it decides is one
 * script too ({@link #view}); a heartbeat's read with its counts and its stop mark, and a payment's
 * read with its record, are one script each, planned on the user's last view and made only if
 * what Redis holds is what the plan assumed ({@link #viewThenAddPlay}, {@link
 * #viewThenRecordPayment}); guardian controls are read and written in one ({@link
 * #viewThenPutGuardianControls}). Single reads and writes (links, stop marks, spend totals) are
 * single commands. Each call is made on the calling worker thread over a blocking connection of its
 * own ({@link BlockingRedis}: the command written, the answer read, no other thread involved) and
 * waits at most the client's timeout; a Redis that fails or does not answer in time is a {@link
 * StateUnavailableException}, never an answer. A call that timed out may still have been applied:
 * retrying is safe, as play is a union and payments are idempotent.
 *
 * <p>Keys are {@code prefix + kind + ":" + key}. What only matters for a while expires: a budget's
 * play and a session's stop mark {@code playRetention} after their last change (longer than a guest
 * window, which is one budget), spend totals some days after their day or month, nonces and guest
 * windows a few minutes of clock skew after their end. Links, guardian controls and payment records
 * (the idempotency of payments) are kept.
 *
 * <p>A duplicate payment or a refund reads the totals named in the first record, and a view the
 * keys of the linked person, keys the scripts do not declare: fine on one Redis primary, not on
 * Redis Cluster.
 */
public final class RedisPlayStateStore implements PlayStateStore {
  /** Longer than a month, so a month's total written on its first day lasts until it ends. */
  private static final Duration MONTH_TOTAL_TTL = Duration.ofDays(35);
  /** A day's total is read on that day only; a few days more cover time zones and late refunds. */
  private static final Duration DAY_TOTAL_TTL = Duration.ofDays(3);
  /** Service instances' clocks may differ: expired nonces and windows are kept this much longer. */
  private static final long CLOCK_SLACK_SECONDS = 300;

  private static final RedisScript ADD_PLAY = RedisScript.load("addplay", "addplay");
  private static final RedisScript PLAY_TOTALS = RedisScript.load("playtotals");
  private static final RedisScript PAYMENT = RedisScript.load("payment", "payment");
  private static final RedisScript REFUND = RedisScript.load("refund");
  private static final RedisScript NONCE = RedisScript.load("nonce");
  private static final RedisScript GUEST = RedisScript.load("guest");
  private static final RedisScript STOP = RedisScript.load("stop", "stop");
  private static final RedisScript VIEW = RedisScript.load("view", "view");
  private static final RedisScript VIEW_PLAY = RedisScript.load("view-play", "view", "addplay", "stop");
  private static final RedisScript VIEW_PAYMENT = RedisScript.load("view-payment", "view", "payment");
  private static final RedisScript GUARDIAN_SET = RedisScript.load("guardian-set", "view");
  /**
   * Users whose last view is remembered for {@link #viewThenAddPlay}'s assumption: about 0.5 KB each
   * (the link and guardian controls as Redis holds them and decoded), so a few tens of MB at most.
   */
  static final int REMEMBERED_USERS = 50_000;
  /** Stands for the person in a key template: no person id (a keyed hash) holds it, and {@link Keys} leaves it be. */
  private static final String PERSON = "\u0000";

  private final BlockingRedis redis;
  private final String prefix;
  private final Duration playRetention;
  /**
   * The last view of a linked user key. Not LRU: a full map drops an arbitrary entry, as a lock the
   * workers of every call would share cost more than a miss, which is one more round trip.
   */
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  /**
   * The stop mark of a session key as this instance last read or made it ({@code ""}: none), for the
   * heartbeat's assumption: a heartbeat of a session told to stop is then one script too. Bounded
   * like {@link #seen}.
   */
  private final Map<String, String> marks = new ConcurrentHashMap<>();

  /** What a view read of a linked user: link and guardian controls as Redis holds them ({@code ""}: none), and decoded. */
  private record Seen(String link, String guardian, StateView view) {}

  /**
   * @param redis the client, closed with the store; its timeout is the longest a call waits for Redis
   * @param prefix put before every key, so several deployments (or test runs) can share a Redis
   * @param playRetention how long a budget's play is kept after its last change: at least the longest
   *     guest window of the policies, as a guest window's play is one budget
   */
  public RedisPlayStateStore(BlockingRedis redis, String prefix, Duration playRetention) {
    this.redis = redis;
    this.prefix = prefix;
    this.playRetention = playRetention;
  }

  @Override
  public void putLink(String userKey, PersonLink link) {
    putJson(key("link", userKey), link.toJson());
  }

  @Override
  public Optional<PersonLink> link(String userKey) {
    return json(key("link", userKey)).map(PersonLink::fromJson);
  }

  /** One script: the keys of the linked person are found from the link in Redis (view.lua). */
  @Override
  public StateView view(StateQuery query) {
    List<String> budgets = query.budgetKeysOf().apply(PERSON);
    return remember(query, budgets, VIEW.run(redis, viewKeys(query), templates(query, budgets)));
  }

  /**
   * One script when the user's last view is remembered: the counts planned on it are made in Redis,
   * and its stop rule applied (or, for an authorize, the stop mark cleared when the rule does not
   * hold), if the link, guardian controls and stop mark are still the ones remembered
   * (view-play.lua), else planned again on what the script read and made one call each.
   */
  @Override
  public CountedView viewThenAddPlay(StateQuery query, Function<StateView, PlayPlan> plan) {
    Seen before = seen.get(query.userKey());
    if (before == null) {
      return PlayStateStore.super.viewThenAddPlay(query, plan);
    }
    List<String> budgets = query.budgetKeysOf().apply(PERSON);
    // a session this instance knows no mark of is assumed not stopped: a platform stops reporting a session it
    // was told to stop (and an authorize, which clears the mark, comes before it plays again)
    String mark = query.sessionKey() == null ? "" : marks.getOrDefault(query.sessionKey(), "");
    PlayPlan planned = plan.apply(assumed(before, mark.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(mark))));
    Optional<StopRule> stop = planned.stop().filter(rule -> query.sessionKey() != null);
    List<String> templates = templates(query, budgets);
    List<String> keys = new ArrayList<>(viewKeys(query));
    keys.add(stop.map(StopRule::budgetKey).map(budget -> key("play-totals", budget)).orElse(""));
    List<String> argv = new ArrayList<>(List.of(before.link(), before.guardian(), mark,
        String.valueOf(playRetention.toSeconds()), stop.map(rule -> String.valueOf(rule.capSeconds())).orElse(""),
        stop.map(rule -> String.valueOf(rule.at())).orElse(""), planned.clearsStop() ? "1" : "",
        String.valueOf(templates.size())));
    argv.addAll(templates);
    for (PlayAdd add : planned.adds()) {
      keys.addAll(playKeys(add.budgetKey()));
      argv.addAll(List.of(String.valueOf(add.played().from()), String.valueOf(add.played().to()),
          String.valueOf(add.limitSeconds())));
    }
    Reply r = VIEW_PLAY.run(redis, keys, argv);
    if (r.get(1).toInteger() == 0) {
      StateView view = remember(query, budgets, r.get(0));
      return plan.apply(view).countOn(this, query, view);
    }
    // the link and guardian controls are the ones assumed: not sent again, nor decoded again
    StateView view = remember(query, budgets, r.get(0), before);
    List<PlayTally> tallies = new ArrayList<>(planned.adds().size());
    for (int i = 0; i < planned.adds().size(); i++) {
      tallies.add(tally(r.get(5 + i)));
    }
    boolean stopped = r.get(2).toInteger() == 1;
    OptionalLong earlier = optionalLong(r.get(3));
    boolean cleared = r.get(4).toInteger() == 1;
    if (stopped) {
      note(query.sessionKey(), String.valueOf(earlier.orElse(stop.orElseThrow().at())));
    } else if (cleared) {
      note(query.sessionKey(), "");
    }
    return new CountedView(view, tallies, stopped, earlier, cleared);
  }

  /**
   * One script when the user's last view is remembered: the entry made of it is recorded in Redis if
   * the link and guardian controls are still the ones remembered (view-payment.lua), else made again
   * of what the script read and recorded with a second call.
   */
  @Override
  public PaidView viewThenRecordPayment(StateQuery query, Function<StateView, Optional<PaymentEntry>> plan) {
    Seen before = seen.get(query.userKey());
    Optional<PaymentEntry> planned = before == null ? Optional.empty()
        : plan.apply(assumed(before, OptionalLong.empty()));
    if (planned.isEmpty()) {
      return PlayStateStore.super.viewThenRecordPayment(query, plan);
    }
    PaymentEntry entry = planned.get();
    List<String> budgets = query.budgetKeysOf().apply(PERSON);
    List<String> templates = templates(query, budgets);
    List<String> keys = new ArrayList<>(viewKeys(query));
    keys.addAll(List.of(monthKey(entry.spendKey(), entry.month()), dayKey(entry.spendKey(), entry.day())));
    List<String> argv = new ArrayList<>(List.of(before.link(), before.guardian(), String.valueOf(templates.size())));
    argv.addAll(templates);
    argv.addAll(paymentArgs(entry));
    Reply r = VIEW_PAYMENT.run(redis, keys, argv);
    StateView view = remember(query, budgets, r.get(0));
    if (r.get(1).toInteger() == 0) {
      return new PaidView(view, plan.apply(view).map(this::recordPayment));
    }
    return new PaidView(view, Optional.of(paymentOutcome(r.get(2))));
  }

  /** One script: the link, the earlier controls and the write (guardian-set.lua). */
  @Override
  public StateView viewThenPutGuardianControls(StateQuery query, GuardianControls controls) {
    String guardianKey = query.guardianKeyOf().apply(PERSON);
    if (guardianKey == null) {
      return PlayStateStore.super.viewThenPutGuardianControls(query, controls);
    }
    List<String> argv = new ArrayList<>(template(key("guardian", guardianKey)));
    String written = controls.toJson().encode();
    argv.add(written);
    StateView earlier = remember(query, List.of(), GUARDIAN_SET.run(redis, List.of(key("link", query.userKey())), argv));
    // Redis now holds the new controls: the next call plans on them, or its assumption would fail once (2 round trips)
    seen.computeIfPresent(query.userKey(), (user, last) -> new Seen(last.link(), written, new StateView(
        last.view().link(), Optional.of(controls), last.view().allowedPlay(), last.view().stoppedAt(),
        last.view().guestWindow(), last.view().payment())));
    return earlier;
  }

  /**
   * The remembered view of a user as a plan assumes it: the stop mark given (checked by the script) and no
   * payment record (a payment's script answers an earlier record as a duplicate).
   */
  private static StateView assumed(Seen before, OptionalLong stoppedAt) {
    StateView old = before.view();
    return new StateView(old.link(), old.guardian(), old.allowedPlay(), stoppedAt, old.guestWindow(), Optional.empty());
  }

  /** Remembers a session's stop mark as this instance read or made it ({@code ""}: none). */
  private void note(String sessionKey, String mark) {
    if (marks.size() >= REMEMBERED_USERS) {
      marks.keySet().stream().findAny().ifPresent(marks::remove);
    }
    marks.put(sessionKey, mark);
  }

  private List<String> viewKeys(StateQuery query) {
    return List.of(key("link", query.userKey()), optionalKey("stop", query.sessionKey()),
        optionalKey("guest", query.guestKey()), optionalKey("payment", query.paymentKey()));
  }

  /** The person's keys of the query as templates (view.lua's ARGV). */
  private List<String> templates(StateQuery query, List<String> budgets) {
    List<String> argv = new ArrayList<>();
    String guardianKey = query.guardianKeyOf().apply(PERSON);
    argv.addAll(guardianKey == null ? List.of("", "") : template(key("guardian", guardianKey)));
    budgets.forEach(budget -> argv.addAll(template(key("play-totals", budget))));
    return argv;
  }

  /** Decodes view.lua's answer and, for a linked user, remembers it for the next assumption. */
  private StateView remember(StateQuery query, List<String> budgets, Reply r) {
    return remember(query, budgets, r, new Seen(text(r.get(0)), text(r.get(1)), new StateView(
        Optional.ofNullable(r.get(0)).map(l -> PersonLink.fromJson(new JsonObject(l.toString()))),
        Optional.ofNullable(r.get(1)).map(g -> GuardianControls.fromJson(new JsonObject(g.toString()))),
        Map.of(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty())));
  }

  /** As {@link #remember(StateQuery, List, Reply)}, with the link and guardian controls of {@code held}. */
  private StateView remember(StateQuery query, List<String> budgets, Reply r, Seen held) {
    Optional<PersonLink> link = held.view().link();
    Map<String, Long> allowed = new LinkedHashMap<>();
    if (link.isPresent()) {
      for (int i = 0; i < budgets.size(); i++) {
        allowed.put(budgets.get(i).replace(PERSON, Keys.part(link.get().personId())), r.get(8 + i).toLong());
      }
    }
    StateView view = new StateView(link, held.view().guardian(), allowed, optionalLong(r.get(2)), optionalLong(r.get(3)),
        r.get(4) == null ? Optional.empty() : Optional.of(record(r, 4)));
    if (query.sessionKey() != null) {
      note(query.sessionKey(), text(r.get(2)));
    }
    if (link.isPresent() && query.guardianKeyOf().apply(PERSON) != null) {
      Seen now = new Seen(held.link(), held.guardian(), view);
      if (seen.size() >= REMEMBERED_USERS) {
        seen.keySet().stream().findAny().ifPresent(seen::remove);
      }
      seen.put(query.userKey(), now);
    } else if (link.isEmpty()) {
      // unlinked, or erased on another instance: what this one remembered of the person goes too
      seen.remove(query.userKey());
    }
    return view;
  }

  private static String text(Reply r) {
    return r == null ? "" : r.toString();
  }

  /** A key of the person as what comes before and after the person's part; one person part only. */
  private static List<String> template(String key) {
    int at = key.indexOf(PERSON);
    if (at < 0 || key.indexOf(PERSON, at + 1) >= 0) {
      throw new IllegalArgumentException("a person's key holds the person once: " + key.replace(PERSON, "<person>"));
    }
    return List.of(key.substring(0, at), key.substring(at + PERSON.length()));
  }

  private String optionalKey(String kind, String key) {
    return key == null ? "" : key(kind, key);
  }

  @Override
  public boolean claimNonce(String nonceKey, long expiresAt, long now) {
    long ttl = Math.max(1, expiresAt - now) + CLOCK_SLACK_SECONDS;
    return run(NONCE, List.of(key("nonce", nonceKey)), expiresAt, now, ttl).toLong() == 1;
  }

  @Override
  public void putGuardianControls(String personOperatorKey, GuardianControls controls) {
    putJson(key("guardian", personOperatorKey), controls.toJson());
  }

  @Override
  public Optional<GuardianControls> guardianControls(String personOperatorKey) {
    return json(key("guardian", personOperatorKey)).map(GuardianControls::fromJson);
  }

  private void putJson(String redisKey, JsonObject value) {
    call("SET", redisKey, value.encode());
  }

  private Optional<JsonObject> json(String redisKey) {
    return Optional.ofNullable(call("GET", redisKey)).map(r -> new JsonObject(r.toString()));
  }

  @Override
  public PlayTally addPlay(String budgetKey, Interval played, long limitSeconds) {
    return tally(run(ADD_PLAY, playKeys(budgetKey), played.from(), played.to(), limitSeconds,
        playRetention.toSeconds()));
  }

  /** addplay.lua's answer. */
  private static PlayTally tally(Reply r) {
    return new PlayTally(r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong(), runAt(r, 4));
  }

  @Override
  public PlayTally playTotals(String budgetKey, long second) {
    List<String> keys = playKeys(budgetKey);
    Reply r = run(PLAY_TOTALS, List.of(keys.get(0), keys.get(2)), second);
    return new PlayTally(0, 0, r.get(0).toLong(), r.get(1).toLong(), runAt(r, 2));
  }

  @Override
  public long openGuestWindow(String deviceKey, long now, long periodSeconds) {
    return run(GUEST, List.of(key("guest", deviceKey)), now, periodSeconds, periodSeconds + CLOCK_SLACK_SECONDS)
        .toLong();
  }

  @Override
  public OptionalLong guestWindow(String deviceKey) {
    return optionalLong(call("GET", key("guest", deviceKey)));
  }

  @Override
  public OptionalLong markStopped(String sessionKey, long at) {
    OptionalLong earlier = optionalLong(run(STOP, List.of(key("stop", sessionKey)), at, playRetention.toSeconds()));
    note(sessionKey, String.valueOf(earlier.orElse(at)));
    return earlier;
  }

  @Override
  public OptionalLong stoppedAt(String sessionKey) {
    return optionalLong(call("GET", key("stop", sessionKey)));
  }

  @Override
  public void clearStopped(String sessionKey) {
    call("DEL", key("stop", sessionKey));
    note(sessionKey, "");
  }

  @Override
  public Optional<PaymentRecord> payment(String paymentKey) {
    Reply r = call("HMGET", key("payment", paymentKey), "entry", "monthAfter", "dayAfter", "refunded");
    if (r.get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(record(r, 0));
  }

  @Override
  public PaymentOutcome recordPayment(PaymentEntry entry) {
    return paymentOutcome(PAYMENT.run(redis,
        List.of(key("payment", entry.paymentKey()), monthKey(entry.spendKey(), entry.month()),
            dayKey(entry.spendKey(), entry.day())), paymentArgs(entry)));
  }

  /** lib/payment.lua's arguments after its keys. */
  private static List<String> paymentArgs(PaymentEntry entry) {
    return List.of(entry.toJson().encode(), String.valueOf(entry.amountFen()), String.valueOf(entry.monthLimitFen()),
        String.valueOf(entry.dayLimitFen()), String.valueOf(MONTH_TOTAL_TTL.toSeconds()),
        String.valueOf(DAY_TOTAL_TTL.toSeconds()));
  }

  /** lib/payment.lua's answer. */
  private static PaymentOutcome paymentOutcome(Reply r) {
    PaymentOutcome.Status status = PaymentOutcome.Status.valueOf(r.get(0).toString());
    if (r.size() == 3) {
      return new PaymentOutcome(status, null, totals(r, 1));
    }
    return new PaymentOutcome(status, record(r, 1), totals(r, 5));
  }

  @Override
  public RefundOutcome refund(String paymentKey) {
    Reply r = run(REFUND, List.of(key("payment", paymentKey)));
    RefundOutcome.Status status = RefundOutcome.Status.valueOf(r.get(0).toString());
    if (r.size() == 1) {
      return new RefundOutcome(status, null, null);
    }
    return new RefundOutcome(status, record(r, 1), totals(r, 5));
  }

  @Override
  public SpendTotals spent(String spendKey, String month, String day) {
    Reply r = call("MGET", monthKey(spendKey, month), dayKey(spendKey, day));
    return new SpendTotals(r.get(0) == null ? 0 : r.get(0).toLong(), r.get(1) == null ? 0 : r.get(1).toLong());
  }

  /**
   * Finds the person's past play and spending totals with SCAN (a walk of the whole key space,
   * fine for a rare request), then deletes them with the link and the guardian controls in one
   * DEL, which Redis applies atomically.
   */
  /** Whether this instance remembers a view of the user (for tests of what a deletion leaves). */
  boolean remembers(String userKey) {
    return seen.containsKey(userKey);
  }

  @Override
  public int remove(Erasure erasure) {
    seen.remove(erasure.userKey());
    List<String> doomed = new ArrayList<>();
    doomed.add(key("link", erasure.userKey()));
    if (erasure.guardianKey() != null) {
      doomed.add(key("guardian", erasure.guardianKey()));
    }
    List<String> play = new ArrayList<>(erasure.playPrefix() == null ? List.of()
        : RedisScan.keys(redis, glob(prefix) + "play-*:" + glob(erasure.playPrefix()) + "*"));
    for (String guest : erasure.guestKeys()) {
      doomed.add(key("guest", guest));
      play.addAll(RedisScan.keys(redis, glob(prefix) + "play-*:" + glob(Keys.guestPlayOf(guest)) + "*"));
    }
    for (String found : play) {
      String budgetKey = found.substring(found.indexOf(':', prefix.length()) + 1);
      if (erasure.erasesPlay(budgetKey)) {
        doomed.add(found);
      }
    }
    for (String spendKey : erasure.spendKeys()) {
      for (String found : RedisScan.keys(redis, glob(prefix) + "spend-*:" + glob(spendKey))) {
        if (!found.equals(monthKey(spendKey, erasure.keepMonth())) && !found.equals(dayKey(spendKey, erasure.keepDay()))) {
          doomed.add(found);
        }
      }
    }
    List<String> del = new ArrayList<>(List.of("DEL"));
    del.addAll(doomed);
    return redis.call(del).toInteger();
  }

  @Override
  public boolean mayBlock() {
    return true;
  }

  @Override
  public Optional<String> problem() {
    try {
      call("PING");
      return Optional.empty();
    } catch (StateUnavailableException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public void close() {
    redis.close();
  }

  // ---------------------------------------------------------------------------------------------

  private String key(String kind, String key) {
    return prefix + kind + ":" + key;
  }

  /** Allowed runs, excess runs, totals. */
  private List<String> playKeys(String budgetKey) {
    return List.of(key("play-allowed", budgetKey), key("play-excess", budgetKey), key("play-totals", budgetKey));
  }

  // months and days hold no ':', so the spend key after them is unambiguous
  private String monthKey(String spendKey, String month) {
    return key("spend-month", month + ":" + spendKey);
  }

  private String dayKey(String spendKey, String day) {
    return key("spend-day", day + ":" + spendKey);
  }

  /** The run at {@code at}, {@code at + 1} of a script's answer, if it has one. */
  private static Interval runAt(Reply r, int at) {
    return r.size() > at + 1 ? new Interval(r.get(at).toLong(), r.get(at + 1).toLong()) : null;
  }

  /** entry JSON, month after, day after, refunded ("1"), from {@code at} on. */
  private static PaymentRecord record(Reply r, int at) {
    return new PaymentRecord(PaymentEntry.fromJson(new JsonObject(r.get(at).toString())),
        new SpendTotals(r.get(at + 1).toLong(), r.get(at + 2).toLong()), "1".equals(r.get(at + 3).toString()));
  }

  private static SpendTotals totals(Reply r, int at) {
    return new SpendTotals(r.get(at).toLong(), r.get(at + 1).toLong());
  }

  private static OptionalLong optionalLong(Reply r) {
    return r == null ? OptionalLong.empty() : OptionalLong.of(r.toLong());
  }

  private Reply run(RedisScript script, List<String> keys, Object... args) {
    List<String> argv = Arrays.stream(args).map(String::valueOf).toList();
    return script.run(redis, keys, argv);
  }

  private Reply call(String... command) {
    return redis.call(List.of(command));
  }

}
