package org.humiao.minor.store;

import org.humiao.minor.policy.ServiceKind;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The store keys, in one place because they are the schema a Redis implementation shares: parts
 * joined by {@code :}, each part with {@code %} and {@code :} escaped so that no two different
 * part lists give the same key.
 */
public final class Keys {
  private Keys() {}

  public static String user(String platform, String userId) {
    return join("user", platform, userId);
  }

  public static String personOperator(String personId, String operator) {
    return join("guardian", personId, operator);
  }

  /** Daily play of one person at one operator for one kind of service. */
  public static String dayPlay(String personId, String operator, ServiceKind service, LocalDate day) {
    return join("play", personId, operator, service.id(), day.toString());
  }

  /** The start every {@link #dayPlay} key of one person at one operator shares. */
  public static String playOf(String personId, String operator) {
    return join("play", personId, operator) + ":";
  }

  public static String guestDevice(String operator, ServiceKind service, String device) {
    return join("guest", operator, service.id(), device);
  }

  /** Play of one guest window (the device's window starting at {@code windowStart}). */
  public static String guestPlay(String deviceKey, long windowStart) {
    return join("guestplay", deviceKey, Long.toString(windowStart));
  }

  /** Every guest window's play of a device: {@link #guestPlay} keys start with this. */
  public static String guestPlayOf(String deviceKey) {
    return join("guestplay", deviceKey) + ":";
  }

  public static String session(String platform, String session) {
    return join("session", platform, session);
  }

  /**
   * The mark that a session's login was reported, for the run of the session that began after its
   * stop at {@code stoppedBefore} (0: after none).
   */
  public static String sessionLogin(String platform, String session, long stoppedBefore) {
    return join("login", platform, session, Long.toString(stoppedBefore));
  }

  public static String payment(String platform, String idempotencyKey) {
    return join("payment", platform, idempotencyKey);
  }

  public static String spending(String personId, String operator, ServiceKind service) {
    return join("spend", personId, operator, service.id());
  }

  public static String nonce(String issuer, String jti) {
    return join("nonce", issuer, jti);
  }

  public static String month(LocalDate day) {
    return YearMonth.from(day).toString();
  }

  /** One part as it is in a key; Redis's view.lua escapes a person id the same way. */
  static String part(String part) {
    return part.replace("%", "%25").replace(":", "%3A");
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(part(p));
    }
    return sb.toString();
  }
}
