package org.humiao.pileon;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The state of pile-on tracking: per target (an opaque key of platform and target), its recent
 * abusive messages, its level, its protection and its evidence. Each call is atomic for its target
 * and shaped as one round trip a Redis Lua script can do, so the embedded and the Redis store are
 * interchangeable and a pile-on spread over instances sharing a Redis is counted, and raised, once.
 * Times are epoch millis.
 */
public interface PileOnStore extends AutoCloseable {

  /**
   * Counts one abusive message by {@code author} (null: unnamed, counted as a message but not as an
   * author) and answers the tallies within each of {@code windows} back from {@code at}. The target
   * remembers at most {@code cap} messages, none older than the longest window.
   */
  List<Tally> hit(String target, long at, String author, List<Duration> windows, int cap);

  /** The tallies within each of {@code windows} back from {@code now}, nothing added. */
  List<Tally> tallies(String target, long now, List<Duration> windows);

  /**
   * Raises the target to {@code level}, held until {@code now + hold}. True only for the call that
   * raised it: the target was below {@code level} (or its mark had run out). A call at or below the
   * level in force only extends the hold.
   */
  boolean raise(String target, RiskLevel level, long now, Duration hold);

  /** The level in force at {@code now}, or {@link LevelMark#NONE}. */
  LevelMark level(String target, long now);

  /** Switches protection on (replacing any) or, with an empty one, off. */
  void protect(String target, Optional<Protection> protection);

  /** The protection in force at {@code now}, if any. */
  default Optional<Protection> protection(String target, long now) {
    return protections(List.of(target), now).get(0);
  }

  /**
   * The protection in force at {@code now} of each of {@code targets}, in their order: one call
   * (one Redis round trip) for every target a message names, on the screening path.
   */
  List<Optional<Protection>> protections(List<String> targets, long now);

  /** Keeps an entry until {@code at + retention}; the target keeps at most {@code cap}, the newest. */
  void addEvidence(String target, EvidenceEntry entry, Duration retention, int cap);

  /** The entries of {@code [from, to)}, oldest first, at most {@code limit}. */
  List<EvidenceEntry> evidence(String target, long from, long to, int limit);

  /**
   * Forgets a user (a deletion request), {@code user} being its pseudonym, the key it has as a
   * target and the author it is in windows and evidence: its own window, level, evidence and
   * protection, and every message it wrote in any target's window and evidence. Answers how many
   * entries went (window messages, evidence entries, a level, a protection). May walk every target:
   * rare, and on a worker.
   */
  int forget(String user);

  /** True when calls wait on I/O and so must run on a worker thread, never on an event loop. */
  boolean mayBlock();

  @Override
  void close();
}
