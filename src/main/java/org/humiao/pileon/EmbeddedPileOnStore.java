package org.humiao.pileon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store of one instance, in memory and bounded: at most {@code maxTargets} targets are tracked
 * (windows, levels, evidence); past that the least recently touched one is dropped and counted, and
 * targets with nothing left (no message within the window, no level, no evidence) are swept out as
 * time passes. Protections are kept apart, until they end, so no burst of other targets can switch
 * one off. Opened with a directory ({@link #durable}), protections are also kept on disk
 * ({@link ProtectionLog}) and survive a restart; windows, levels and evidence never do (see
 * docs/pileon.md). One lock: every call is a few steps on one target, far cheaper than the
 * screening it follows (a protection's change also waits for its fsync: rare, and on a worker).
 */
public final class EmbeddedPileOnStore implements PileOnStore {
  /** Every this many calls, targets with nothing left are swept out. */
  private static final int SWEEP_EVERY = 4096;

  private final int maxTargets;
  private final Map<String, TargetState> targets;
  private final Map<String, Protection> protections = new HashMap<>();
  /** Where protections are kept across restarts; null: in memory only (replays, tests). */
  private final ProtectionLog log;
  private long evicted;
  private long calls;

  private static final class TargetState {
    final ArrayDeque<Hit> hits = new ArrayDeque<>();
    final ArrayDeque<Kept> evidence = new ArrayDeque<>();
    LevelMark mark = LevelMark.NONE;
    long keepHitsUntil;

    boolean emptyAt(long now) {
      return now >= keepHitsUntil && !mark.activeAt(now) && evidence.isEmpty();
    }
  }

  private record Hit(long at, String author) {}

  private record Kept(EvidenceEntry entry, long until) {}

  /** A store in memory only: nothing survives it (replays, tests). */
  public EmbeddedPileOnStore(int maxTargets) {
    this(maxTargets, null);
  }

  private EmbeddedPileOnStore(int maxTargets, ProtectionLog log) {
    this.log = log;
    if (log != null) {
      protections.putAll(log.live());
    }
    this.maxTargets = maxTargets;
    this.targets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TargetState> eldest) {
        if (size() > EmbeddedPileOnStore.this.maxTargets) {
          evicted++;
          return true;
        }
        return false;
      }
    };
  }

  @Override
  public synchronized List<Tally> hit(String target, long at, String author, List<Duration> windows, int cap) {
    sweepNow(at);
    TargetState state = targets.computeIfAbsent(target, k -> new TargetState());
    long longest = windows.stream().mapToLong(Duration::toMillis).max().orElse(0);
    while (!state.hits.isEmpty() && state.hits.peekFirst().at() <= at - longest) {
      state.hits.removeFirst();
    }
    state.hits.addLast(new Hit(at, author));
    while (state.hits.size() > cap) {
      state.hits.removeFirst();
    }
    state.keepHitsUntil = Math.max(state.keepHitsUntil, at + longest);
    return count(state, at, windows);
  }

  @Override
  public synchronized List<Tally> tallies(String target, long now, List<Duration> windows) {
    TargetState state = targets.get(target);
    return state == null ? windows.stream().map(w -> Tally.ZERO).toList() : count(state, now, windows);
  }

  private static List<Tally> count(TargetState state, long now, List<Duration> windows) {
    List<Tally> out = new ArrayList<>(windows.size());
    for (Duration window : windows) {
      long from = now - window.toMillis();
      int messages = 0;
      Set<String> authors = new HashSet<>();
      for (Hit hit : state.hits) {
        if (hit.at() > from && hit.at() <= now) {
          messages++;
          if (hit.author() != null) {
            authors.add(hit.author());
          }
        }
      }
      out.add(new Tally(messages, authors.size()));
    }
    return out;
  }

  @Override
  public synchronized boolean raise(String target, RiskLevel level, long now, Duration hold) {
    TargetState state = targets.computeIfAbsent(target, k -> new TargetState());
    LevelMark mark = state.mark;
    long until = now + hold.toMillis();
    if (mark.activeAt(now) && mark.level().compareTo(level) >= 0) {
      state.mark = new LevelMark(mark.level(), mark.since(), Math.max(mark.until(), until));
      return false;
    }
    state.mark = new LevelMark(level, now, until);
    return true;
  }

  @Override
  public synchronized LevelMark level(String target, long now) {
    TargetState state = targets.get(target);
    return state == null || !state.mark.activeAt(now) ? LevelMark.NONE : state.mark;
  }

  /** A store whose protections are kept in {@code dir} and read back from there on open (at {@code now}). */
  public static EmbeddedPileOnStore durable(int maxTargets, Path dir, long now) throws IOException {
    return new EmbeddedPileOnStore(maxTargets, ProtectionLog.open(dir, now));
  }

  @Override
  public synchronized void protect(String target, Optional<Protection> protection) {
    if (log != null) {
      // on disk first: a failed write changes nothing
      log.record(target, protection, protection.map(Protection::since).orElse(System.currentTimeMillis()));
    }
    if (protection.isPresent()) {
      protections.put(target, protection.get());
    } else {
      protections.remove(target);
    }
  }

  @Override
  public synchronized List<Optional<Protection>> protections(List<String> targets, long now) {
    List<Optional<Protection>> out = new ArrayList<>(targets.size());
    for (String target : targets) {
      out.add(Optional.ofNullable(protections.get(target)).filter(p -> p.activeAt(now)));
    }
    return out;
  }

  @Override
  public synchronized void addEvidence(String target, EvidenceEntry entry, Duration retention, int cap) {
    TargetState state = targets.computeIfAbsent(target, k -> new TargetState());
    state.evidence.addLast(new Kept(entry, entry.at() + retention.toMillis()));
    while (state.evidence.size() > cap) {
      state.evidence.removeFirst();
    }
  }

  @Override
  public synchronized List<EvidenceEntry> evidence(String target, long from, long to, int limit) {
    TargetState state = targets.get(target);
    if (state == null) {
      return List.of();
    }
    // what was added later may be older (a late message); the answer is oldest first all the same
    return state.evidence.stream().map(Kept::entry).filter(e -> e.at() >= from && e.at() < to)
        .sorted(Comparator.comparingLong(EvidenceEntry::at)).limit(limit).toList();
  }

  @Override
  public synchronized int forget(String user) {
    int erased = 0;
    TargetState own = targets.remove(user);
    if (own != null) {
      erased += own.hits.size() + own.evidence.size() + (own.mark == LevelMark.NONE ? 0 : 1);
    }
    for (TargetState state : targets.values()) {
      int before = state.hits.size() + state.evidence.size();
      state.hits.removeIf(hit -> user.equals(hit.author()));
      state.evidence.removeIf(kept -> user.equals(kept.entry().author()));
      erased += before - state.hits.size() - state.evidence.size();
    }
    boolean protectedUser = protections.remove(user) != null;
    if (log != null) {
      // off the disk too, even if it had run out: its line names the user
      log.forget(user, System.currentTimeMillis());
    }
    return erased + (protectedUser ? 1 : 0);
  }

  /** Targets tracked now. */
  public synchronized int size() {
    return targets.size();
  }

  /** Targets dropped so far because {@code maxTargets} were tracked. */
  public synchronized long evicted() {
    return evicted;
  }

  private void sweepNow(long now) {
    if (++calls % SWEEP_EVERY != 0) {
      return;
    }
    for (Iterator<TargetState> it = targets.values().iterator(); it.hasNext(); ) {
      TargetState state = it.next();
      state.evidence.removeIf(kept -> kept.until() <= now);
      if (state.emptyAt(now)) {
        it.remove();
      }
    }
    protections.values().removeIf(p -> !p.activeAt(now));
  }

  @Override
  public boolean mayBlock() {
    return log != null;
  }

  @Override
  public synchronized void close() {
    if (log != null) {
      try {
        log.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
