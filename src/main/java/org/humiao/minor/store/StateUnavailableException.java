package org.humiao.minor.store;

/**
 * The state could not be read or changed (the store did not answer in time, or failed), so nothing
 * can be decided: callers answer "try again" (HTTP 503), never a guess such as "allowed".
 */
public final class StateUnavailableException extends RuntimeException {
  public StateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
