package org.humiao.minor.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.minor.time.LocalWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * What a guardian set for one minor at one operator (条例 Art. 44). Every field can only tighten
 * the policy, because the rules take the smaller quota and the intersection of windows; the one
 * loosening, {@code curfewExceptionUntil}, counts only where the policy allows a guardian
 * exception (the CAC 22:00–06:00 rule).
 *
 * @param dailyQuotaSeconds play a day, or null
 * @param windows the only hours with play, or empty for no restriction
 * @param playBan no play at all
 * @param paymentBan no payments at all
 * @param dailySpendCapFen spending a local day, or null
 * @param curfewExceptionUntil epoch second until which the curfew is lifted, or null
 */
public record GuardianControls(
    Long dailyQuotaSeconds,
    List<LocalWindow> windows,
    boolean playBan,
    boolean paymentBan,
    Long dailySpendCapFen,
    Long curfewExceptionUntil) {

  /**
   * Play windows a guardian may set: a day has few distinct ones, and each is checked on every
   * authorize and stored with every change, so a body must not carry thousands.
   */
  public static final int MAX_WINDOWS = 8;

  public GuardianControls {
    windows = windows == null ? List.of() : List.copyOf(windows);
    if (windows.size() > MAX_WINDOWS) {
      throw new IllegalArgumentException("at most " + MAX_WINDOWS + " windows");
    }
    if ((dailyQuotaSeconds != null && dailyQuotaSeconds < 0) || (dailySpendCapFen != null && dailySpendCapFen < 0)) {
      throw new IllegalArgumentException("guardian limits cannot be negative");
    }
  }

  public JsonObject toJson() {
    JsonArray w = new JsonArray();
    windows.forEach(x -> w.add(x.toJson()));
    return new JsonObject()
        .put("dailyQuotaSeconds", dailyQuotaSeconds)
        .put("windows", w)
        .put("playBan", playBan)
        .put("paymentBan", paymentBan)
        .put("dailySpendCapFen", dailySpendCapFen)
        .put("curfewExceptionUntil", curfewExceptionUntil);
  }

  /**
   * What these controls allow that {@code earlier} did not: a ban lifted, a limit raised or
   * removed, a curfew exception granted or extended, play windows changed (any change counts:
   * which of two sets of windows allows more depends on the day). Empty when nothing is looser.
   */
  public List<String> loosenedFrom(GuardianControls earlier) {
    List<String> loosened = new ArrayList<>();
    if (earlier.playBan && !playBan) {
      loosened.add("playBan");
    }
    if (earlier.paymentBan && !paymentBan) {
      loosened.add("paymentBan");
    }
    if (raised(earlier.dailyQuotaSeconds, dailyQuotaSeconds)) {
      loosened.add("dailyQuotaSeconds");
    }
    if (raised(earlier.dailySpendCapFen, dailySpendCapFen)) {
      loosened.add("dailySpendCapFen");
    }
    if (curfewExceptionUntil != null
        && (earlier.curfewExceptionUntil == null || curfewExceptionUntil > earlier.curfewExceptionUntil)) {
      loosened.add("curfewExceptionUntil");
    }
    if (!earlier.windows.isEmpty() && !windows.equals(earlier.windows)) {
      loosened.add("windows");
    }
    return loosened;
  }

  /** A limit (null: none) that is now higher or gone. */
  private static boolean raised(Long before, Long after) {
    return before != null && (after == null || after > before);
  }

  public static GuardianControls fromJson(JsonObject json) {
    JsonArray w = json.getJsonArray("windows", new JsonArray());
    List<LocalWindow> windows = w.stream().map(x -> LocalWindow.parse((JsonObject) x)).toList();
    return new GuardianControls(json.getLong("dailyQuotaSeconds"), windows, json.getBoolean("playBan", false),
        json.getBoolean("paymentBan", false), json.getLong("dailySpendCapFen"), json.getLong("curfewExceptionUntil"));
  }
}
