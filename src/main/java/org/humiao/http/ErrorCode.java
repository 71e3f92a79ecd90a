package org.humiao.http;

import java.util.Locale;

/** Every error code the API answers with, and its HTTP status. Codes are stable: clients branch on them. */
public enum ErrorCode {
  /** The HTTP codec could not read the request at all. */
  MALFORMED_REQUEST(400),
  MALFORMED_JSON(400),
  INVALID_FIELD(400),
  MISSING_FIELD(400),
  /** 400, not 413: the body was accepted, one field broke a limit (as in a batch slot). */
  TEXT_TOO_LONG(400),
  INVALID_TEXT(400),
  BATCH_TOO_LARGE(400),
  /** A change to a platform's list with bad entries, each named by its array and index; nothing was applied. */
  INVALID_LIST_ENTRIES(400),
  /** A region that is not a GB/T 2260 division code of the shipped table. */
  UNKNOWN_REGION(400),
  /** A strategy id that is not one of policies/strategies/. */
  UNKNOWN_STRATEGY(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  PLATFORM_MISMATCH(403),
  NOT_FOUND(404),
  /** A mandatory-report case may not take that step from its status (or another key just moved it). */
  CASE_CONFLICT(409),
  METHOD_NOT_ALLOWED(405),
  /** Another reviewer's lease on the review task is live. */
  TASK_CLAIMED(409),
  /** A resolution without a live claim of the resolving key: claim the task first. */
  TASK_NOT_CLAIMED(409),
  /** The review task is resolved already. */
  TASK_RESOLVED(409),
  /** An appeal of content the journal holds no block of (within its retention). */
  NOT_BLOCKED(409),
  /** The body did not arrive in full within readTimeoutMs. */
  REQUEST_TIMEOUT(408),
  BODY_TOO_LARGE(413),
  URI_TOO_LONG(414),
  UNSUPPORTED_MEDIA_TYPE(415),
  LEXICON_INVALID(422),
  /** A reload found the policy directory unloadable; the policies in force stay. */
  POLICY_INVALID(422),
  RATE_LIMITED(429),
  /** A key has as many live event streams open as it may (or the service has). */
  TOO_MANY_STREAMS(429),
  HEADERS_TOO_LARGE(431),
  INTERNAL(500),
  /** A method outside the fixed set of HTTP methods the API routes. */
  NOT_IMPLEMENTED(501),
  OVERLOADED(503),
  NOT_READY(503),
  TIMEOUT(503),
  /** The shared minor-mode state (Redis) did not answer: no answer is safer than a wrong "allowed". */
  STATE_UNAVAILABLE(503),
  /** A durable write failed for lack of disk space; nothing of the request was acknowledged. */
  STORAGE_FULL(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
