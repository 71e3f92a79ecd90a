package org.humiao.http;

/**
 * A request that gets an error answer: thrown or failed with by handlers, rendered by
 * {@link FailureHandler}. No stack trace: it is an answer, not a bug.
 *
 * @param retryAfterSeconds sent as Retry-After when positive
 */
public final class ApiError extends RuntimeException {
  private final ErrorCode code;
  private final long retryAfterSeconds;

  public ApiError(ErrorCode code, String message) {
    this(code, message, 0);
  }

  public ApiError(ErrorCode code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ErrorCode code() {
    return code;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
