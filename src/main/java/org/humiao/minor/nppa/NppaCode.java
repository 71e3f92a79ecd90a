package org.humiao.minor.nppa;

import java.util.Optional;

/**
 * The NPPA errcodes, for the whole answer and for each item, and whether sending the same data
 * again can succeed. Retryable means the fault is on the NPPA side or in time: a system error,
 * the rate limit (10 QPS on loginout, then 1 minute blocked), or a request that aged past the
 * 5-second {@code timestamps} window, which a re-sent, re-signed request does not.
 * Everything else is our configuration or our data and will fail again identically.
 *
 * <p>The codes 2001-2004 belong to the real-name check and the 4xxx codes to the test system;
 * they are listed so that an answer carrying one is named in reports, not "unknown".
 */
public enum NppaCode {
  OK(0, "OK", false),

  SYS_ERROR(1001, "SYS ERROR", true),
  SYS_REQ_RESOURCE_NOT_EXIST(1002, "SYS REQ RESOURCE NOT EXIST", false),
  SYS_REQ_METHOD_ERROR(1003, "SYS REQ METHOD ERROR", false),
  SYS_REQ_HEADER_MISS_ERROR(1004, "SYS REQ HEADER MISS ERROR", false),
  SYS_REQ_IP_ERROR(1005, "SYS REQ IP ERROR", false),
  SYS_REQ_BUSY_ERROR(1006, "SYS REQ BUSY ERROR", true),
  SYS_REQ_EXPIRE_ERROR(1007, "SYS REQ EXPIRE ERROR", true),
  SYS_REQ_PARTNER_ERROR(1008, "SYS REQ PARTNER ERROR", false),
  SYS_REQ_PARTNER_AUTH_DISABLE(1009, "SYS REQ PARTNER AUTH DISABLE", false),
  SYS_REQ_AUTH_ERROR(1010, "SYS REQ AUTH ERROR", false),
  SYS_REQ_PARTNER_AUTH_ERROR(1011, "SYS REQ PARTNER AUTH ERROR", false),
  SYS_REQ_PARAM_CHECK_ERROR(1012, "SYS REQ PARAM CHECK ERROR", false),

  BUS_AUTH_IDNUM_ILLEGAL(2001, "BUS AUTH IDNUM ILLEGAL", false),
  BUS_AUTH_RESOURCE_LIMIT(2002, "BUS AUTH RESOURCE LIMIT", false),
  BUS_AUTH_CODE_NO_AUTH_RECODE(2003, "BUS AUTH CODE NO AUTH RECODE", false),
  BUS_AUTH_CODE_ALREADY_IN_USE(2004, "BUS AUTH CODE ALREADY IN USE", false),

  /** Not a verdict on any item: the per-item results say which ones failed and why. */
  BUS_COLL_PARTIAL_ERROR(3001, "BUS COLL PARTIAL ERROR", false),
  BUS_COLL_BEHAVIOR_NULL_ERROR(3002, "BUS COLL BEHAVIOR NULL ERROR", false),
  BUS_COLL_OVER_LIMIT_COUNT(3003, "BUS COLL OVER LIMIT COUNT", false),
  BUS_COLL_NO_INVALID(3004, "BUS COLL NO INVALID", false),
  /** ot too old (earliest more than 180 s before timestamps) or not before timestamps. */
  BUS_COLL_BEHAVIOR_TIME_ERROR(3005, "BUS COLL BEHAVIOR TIME ERROR", false),
  BUS_COLL_PLAYER_MODE_INVALID(3006, "BUS COLL PLAYER MODE INVALID", false),
  BUS_COLL_BEHAVIOR_MODE_INVALID(3007, "BUS COLL BEHAVIOR MODE INVALID", false),
  BUS_COLL_PLAYERID_MISS(3008, "BUS COLL PLAYERID MISS", false),
  BUS_COLL_DEVICEID_MISS(3009, "BUS COLL DEVICEID MISS", false),
  BUS_COLL_PLAYERID_INVALID(3010, "BUS COLL PLAYERID INVALID", false),

  TEST_SYS_ERROR(4001, "TEST SYS ERROR", true),
  TEST_TASK_NOT_EXIST(4002, "TEST TASK NOT EXIST", false),
  TEST_PARAM_INVALID_ERROR(4003, "TEST PARAM INVALID ERROR", false);

  private final int code;
  private final String message;
  private final boolean retryable;

  NppaCode(int code, String message, boolean retryable) {
    this.code = code;
    this.message = message;
    this.retryable = retryable;
  }

  public int code() {
    return code;
  }

  /** The errmsg the interface sends with this code. */
  public String message() {
    return message;
  }

  public boolean retryable() {
    return retryable;
  }

  public static Optional<NppaCode> of(int code) {
    for (NppaCode known : values()) {
      if (known.code == code) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /** A code missing from the table is not retried: we cannot know that repeating would help. */
  public static boolean isRetryable(int code) {
    return of(code).map(NppaCode::retryable).orElse(false);
  }
}
