package org.humiao.keys;

/** A keys.json that cannot be used as it is. */
public final class KeyFileException extends RuntimeException {
  public KeyFileException(String message) {
    super(message);
  }
}
