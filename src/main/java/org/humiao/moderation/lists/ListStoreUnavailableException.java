package org.humiao.moderation.lists;

/** The lists' store (Redis) failed or did not answer in time: nothing was read or changed. */
public final class ListStoreUnavailableException extends RuntimeException {
  ListStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
