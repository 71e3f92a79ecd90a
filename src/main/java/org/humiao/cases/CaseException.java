package org.humiao.cases;

/** A case operation refused: the case is unknown, the step not allowed from its status, or the input bad. */
public final class CaseException extends RuntimeException {
  /** Why; the HTTP layer maps each to a stable error code. */
  public enum Problem { NOT_FOUND, CONFLICT, INVALID }

  private final Problem problem;

  public CaseException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
