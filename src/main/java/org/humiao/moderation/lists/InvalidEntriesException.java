package org.humiao.moderation.lists;

import java.util.List;
import java.util.stream.Collectors;

/** A change refused whole: every bad entry is named, and nothing of the change was applied. */
public final class InvalidEntriesException extends RuntimeException {
  private final List<EntryProblem> problems;

  InvalidEntriesException(List<EntryProblem> problems) {
    super(problems.stream().map(EntryProblem::toString).collect(Collectors.joining("; ")), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<EntryProblem> problems() {
    return problems;
  }
}
