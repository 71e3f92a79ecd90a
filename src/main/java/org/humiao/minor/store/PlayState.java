package org.humiao.minor.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.IntervalSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The embedded store's state in memory: what replaying the state log builds, change by change, and
 * what a snapshot writes back as the changes that rebuild it. The live store guards it with its
 * locks; the compactor folds logs into a private one.
 */
final class PlayState {
  final Map<String, PersonLink> links = new ConcurrentHashMap<>();
  final Map<String, Long> nonces = new ConcurrentHashMap<>();
  final Map<String, GuardianControls> guardians = new ConcurrentHashMap<>();
  final Map<String, Play> plays = new ConcurrentHashMap<>();
  final Map<String, Long> guestWindows = new ConcurrentHashMap<>();
  final Map<String, Long> stops = new ConcurrentHashMap<>();
  final Map<String, PaymentRecord> paid = new ConcurrentHashMap<>();
  final Map<String, Long> spend = new ConcurrentHashMap<>();

  /** Allowed and excess seconds of one budget key; guarded by the key's stripe. */
  static final class Play {
    final IntervalSet allowed = new IntervalSet();
    final IntervalSet excess = new IntervalSet();
  }

  /**
   * Applies one change: a logged one (the live path and replay both come through here) or one of
   * a snapshot's, which restore a payment record and a spending total as they stood.
   */
  void apply(JsonObject change) {
    String key = change.getString("key");
    switch (change.getString("op")) {
      case "link" -> links.put(key, PersonLink.fromJson(change.getJsonObject("link")));
      case "nonce" -> nonces.put(key, change.getLong("expiresAt"));
      case "guardian" -> guardians.put(key, GuardianControls.fromJson(change.getJsonObject("controls")));
      case "play" -> {
        Play play = plays.computeIfAbsent(key, k -> new Play());
        intervals(change.getJsonArray("allowed")).forEach(play.allowed::add);
        intervals(change.getJsonArray("excess")).forEach(play.excess::add);
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
      case "paid" -> {
        JsonObject after = change.getJsonObject("totalsAfter");
        paid.put(key, new PaymentRecord(PaymentEntry.fromJson(change.getJsonObject("entry")),
            new SpendTotals(after.getLong("monthFen"), after.getLong("dayFen")), change.getBoolean("refunded")));
      }
      case "spend" -> spend.put(key, change.getLong("fen"));
      case "erase" -> {
        links.remove(key);
        strings(change.getJsonArray("guardians")).forEach(guardians::remove);
        strings(change.getJsonArray("plays")).forEach(plays::remove);
        strings(change.getJsonArray("spend")).forEach(spend::remove);
        // absent from an erase logged before guest windows were erased
        strings(change.getJsonArray("guests", new JsonArray())).forEach(guestWindows::remove);
      }
      default -> throw new IllegalStateException("unknown change in state log: " + change.getString("op"));
    }
  }

  /** The changes that rebuild this state on an empty one, one per entry of each map. */
  void writeSnapshot(Consumer<JsonObject> out) {
    links.forEach((key, link) -> out.accept(change("link", key).put("link", link.toJson())));
    nonces.forEach((key, expiresAt) -> out.accept(change("nonce", key).put("expiresAt", expiresAt)));
    guardians.forEach((key, controls) -> out.accept(change("guardian", key).put("controls", controls.toJson())));
    plays.forEach((key, play) -> out.accept(change("play", key).put("allowed", toJson(play.allowed.intervals()))
        .put("excess", toJson(play.excess.intervals()))));
    guestWindows.forEach((key, start) -> out.accept(change("guest", key).put("start", start)));
    stops.forEach((key, at) -> out.accept(change("stop", key).put("at", at)));
    // records as they stand (their totalsAfter are history, not recomputable), then the totals
    paid.forEach((key, record) -> out.accept(change("paid", key).put("entry", record.entry().toJson())
        .put("totalsAfter", new JsonObject().put("monthFen", record.totalsAfter().monthFen())
            .put("dayFen", record.totalsAfter().dayFen()))
        .put("refunded", record.refunded())));
    spend.forEach((key, fen) -> out.accept(change("spend", key).put("fen", fen)));
  }

  /**
   * The change that erases what {@code erasure} names from this state (the user's link, its
   * guardian controls, past play and spending totals), or null when nothing is there to erase.
   */
  JsonObject erasure(Erasure erasure) {
    List<String> guardianKeys = erasure.guardianKey() != null && guardians.containsKey(erasure.guardianKey())
        ? List.of(erasure.guardianKey()) : List.of();
    List<String> playKeys = plays.keySet().stream().filter(erasure::erasesPlay).sorted().toList();
    List<String> spendKeys = new ArrayList<>();
    for (String spendKey : erasure.spendKeys()) {
      String keptMonth = monthKey(spendKey, erasure.keepMonth());
      String keptDay = dayKey(spendKey, erasure.keepDay());
      spend.keySet().stream()
          .filter(k -> k.startsWith(spendKey + "|") && !k.equals(keptMonth) && !k.equals(keptDay))
          .sorted().forEach(spendKeys::add);
    }
    if (!links.containsKey(erasure.userKey()) && guardianKeys.isEmpty() && playKeys.isEmpty() && spendKeys.isEmpty()) {
      return null;
    }
    return change("erase", erasure.userKey()).put("linked", links.containsKey(erasure.userKey()))
        .put("guardians", new JsonArray(guardianKeys)).put("plays", new JsonArray(playKeys))
        .put("spend", new JsonArray(spendKeys))
        .put("guests", new JsonArray(erasure.guestKeys().stream().filter(guestWindows::containsKey).sorted().toList()));
  }

  /** How many entries an erase change removes. */
  static int erased(JsonObject erase) {
    return (erase.getBoolean("linked") ? 1 : 0) + erase.getJsonArray("guardians").size()
        + erase.getJsonArray("plays").size() + erase.getJsonArray("spend").size()
        + erase.getJsonArray("guests", new JsonArray()).size();
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }

  static JsonObject change(String op, String key) {
    return new JsonObject().put("op", op).put("key", key);
  }

  SpendTotals totalsOf(PaymentEntry entry) {
    return totals(entry.spendKey(), entry.month(), entry.day());
  }

  SpendTotals totals(String spendKey, String month, String day) {
    return new SpendTotals(spend.getOrDefault(monthKey(spendKey, month), 0L),
        spend.getOrDefault(dayKey(spendKey, day), 0L));
  }

  private static String monthKey(String spendKey, String month) {
    return spendKey + "|month|" + month;
  }

  private static String dayKey(String spendKey, String day) {
    return spendKey + "|day|" + day;
  }

  static JsonArray toJson(List<Interval> list) {
    JsonArray out = new JsonArray();
    list.forEach(i -> out.add(new JsonArray().add(i.from()).add(i.to())));
    return out;
  }

  private static List<Interval> intervals(JsonArray array) {
    List<Interval> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonArray pair = array.getJsonArray(i);
      out.add(new Interval(pair.getLong(0), pair.getLong(1)));
    }
    return out;
  }
}
