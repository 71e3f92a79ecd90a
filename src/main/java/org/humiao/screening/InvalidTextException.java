package org.humiao.screening;

/** A text that cannot be screened; {@code code} is stable and goes into error answers. */
public final class InvalidTextException extends RuntimeException {
  private final String code;

  public InvalidTextException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
