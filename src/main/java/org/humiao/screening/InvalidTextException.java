package org.humiao.screening;

import java.util.Locale;

/** A text that cannot be screened, and why; {@link Problem#id()} is stable and goes into error answers. */
public final class InvalidTextException extends RuntimeException {
  /** What is wrong with a text. */
  public enum Problem {
    /** Longer than the limit. */
    TEXT_TOO_LONG,
    /** Control characters or unpaired surrogates. */
    INVALID_TEXT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Problem problem;

  public InvalidTextException(Problem problem, String message) {
    super(message, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
