package org.humiao.minor.policy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policies in force. {@link #reload()} reads the directory again and swaps the new {@link
 * PolicyBook} in atomically: a decision works on the one book it took, and a directory that fails
 * to load changes nothing.
 */
public final class PolicyRegistry {
  private final Path dir;
  private final Path assignments;
  private final AtomicReference<PolicyBook> current = new AtomicReference<>();

  public PolicyRegistry(Path dir, Path assignments) {
    this.dir = dir;
    this.assignments = assignments;
    reload();
  }

  public PolicyRegistry(Path dir) {
    this(dir, dir.resolve(PolicyLoader.ASSIGNMENTS));
  }

  public PolicyBook current() {
    return current.get();
  }

  /** Loads and swaps in a new version; throws, keeping the old one, if the directory is invalid. */
  public PolicyBook reload() {
    PolicyBook book = PolicyLoader.load(dir, assignments);
    current.set(book);
    return book;
  }
}
