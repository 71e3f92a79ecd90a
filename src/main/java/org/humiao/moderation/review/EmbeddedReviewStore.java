package org.humiao.moderation.review;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;
import org.humiao.durable.StorageFullException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The queue of one process: tasks in memory, each change appended to {@code tasks.jsonl} (the
 * whole task as one JSON line, the last line of an id winning) and forced to disk before the call
 * returns, so a SIGKILL loses no task and no resolution. A line cut short by a crash is dropped on
 * open. The file is rewritten whole (atomically, {@link PrivateFiles#replace}) on open, when it
 * holds many more lines than tasks, and whenever texts are dropped, so a dropped text is gone from
 * the disk, not only from memory.
 *
 * <p>New tasks come from the screening workers, several at once under load: their lines are
 * appended under the lock and forced outside it, one force covering every line appended before
 * it (group commit), so a screening worker waits for at most one sync and the others' lines ride
 * along. A new task is in memory (listed, claimable) a moment before its add returns; a claim's
 * own force covers its line too. Claims and resolutions, rare and read-modify-write, keep one sync
 * each under the lock.
 */
public final class EmbeddedReviewStore implements ReviewStore {
  public static final String FILE = "tasks.jsonl";
  /** Lines appended beyond the task count before the file is rewritten. */
  private static final int SLACK_LINES = 1000;
  private static final System.Logger LOG = System.getLogger(EmbeddedReviewStore.class.getName());

  private final Path file;
  private final Map<String, ReviewTask> tasks = new LinkedHashMap<>();
  private FileChannel log;
  private int lines;
  /** Bytes in {@link #log}. */
  private long appended;
  /** Raised by every rewrite, whose file is forced whole: a line of an older file needs no force. */
  private long generation;
  /** How far {@link #log} of that generation is known forced; under {@link #syncLock}. */
  private long forcedGeneration = -1;
  private long forced;
  private final LongAdder forces = new LongAdder();
  /** Held by the one thread forcing new tasks' lines; the store's lock is taken inside it, never around it. */
  private final Object syncLock = new Object();

  private EmbeddedReviewStore(Path dir) throws IOException {
    PrivateFiles.createDirectories(dir);
    this.file = dir.resolve(FILE);
    if (Files.exists(file)) {
      replay(Files.readAllBytes(file));
    }
    rewrite();
  }

  /** Opens the store of {@code dir} (created if missing), replaying its file. */
  public static EmbeddedReviewStore open(Path dir) {
    try {
      return new EmbeddedReviewStore(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the review queue in " + dir, e);
    }
  }

  private void replay(byte[] bytes) {
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        ReviewTask task = parse(new String(bytes, from, i - from, StandardCharsets.UTF_8), from);
        tasks.put(task.id(), task);
        from = i + 1;
      }
    }
    // bytes after the last newline are a line a crash cut short: its change was never acknowledged
  }

  private ReviewTask parse(String line, int offset) {
    try {
      return TaskCodec.fromJson(new JsonObject(line));
    } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException(file + " holds a broken line at byte " + offset + ": " + e.getMessage(), e);
    }
  }

  /** Returns once the task's line (or, for a known task, every line so far) is on disk. */
  @Override
  public ReviewTask add(ReviewTask task) {
    ReviewTask added;
    long upTo;
    long inGeneration;
    synchronized (this) {
      ReviewTask known = tasks.get(task.id());
      added = known != null ? known : write(task, false);
      upTo = appended;
      inGeneration = generation;
    }
    awaitForced(inGeneration, upTo);
    return added;
  }

  @Override
  public synchronized Optional<ReviewTask> task(String platform, String id) {
    return Optional.ofNullable(tasks.get(id)).filter(t -> t.platform().equals(platform));
  }

  @Override
  public synchronized List<ReviewTask> tasks(String platform) {
    return tasks.values().stream().filter(t -> platform == null || t.platform().equals(platform)).toList();
  }

  @Override
  public synchronized Claimed claim(String platform, String id, String keyId, Instant now, Instant until) {
    Optional<ReviewTask> task = task(platform, id);
    if (task.isEmpty()) {
      return new Claimed(Outcome.MISSING, null);
    }
    Outcome outcome = Rules.claim(task.get(), keyId, now);
    return new Claimed(outcome, outcome == Outcome.DONE ? write(task.get().withClaim(new ReviewTask.Claim(keyId, until)))
        : task.get());
  }

  @Override
  public synchronized Resolved resolve(String platform, String id, ReviewTask.Resolution resolution) {
    Optional<ReviewTask> task = task(platform, id);
    if (task.isEmpty()) {
      return new Resolved(Outcome.MISSING, null);
    }
    Outcome outcome = Rules.resolve(task.get(), resolution.keyId(), resolution.at());
    return new Resolved(outcome, outcome == Outcome.DONE ? write(task.get().withResolution(resolution)) : task.get());
  }

  @Override
  public synchronized int dropTexts(Instant resolvedBefore) {
    return replaceAll(t -> t.content().text() != null && t.resolution() != null
        && t.resolution().at().isBefore(resolvedBefore), ReviewTask::withoutText);
  }

  @Override
  public synchronized int forgetUser(String platform, String userId) {
    return replaceAll(t -> t.platform().equals(platform) && t.concerns(userId), t -> t.forgetting(userId));
  }

  /** Replaces the tasks {@code which} picks by {@code how}, then rewrites the file so the old lines are gone. */
  private int replaceAll(Predicate<ReviewTask> which, UnaryOperator<ReviewTask> how) {
    int replaced = 0;
    for (ReviewTask t : List.copyOf(tasks.values())) {
      if (which.test(t)) {
        tasks.put(t.id(), how.apply(t));
        replaced++;
      }
    }
    if (replaced > 0) {
      try {
        rewrite();
      } catch (IOException e) {
        throw StorageFullException.of("the review queue " + file, e, file.getParent());
      }
    }
    return replaced;
  }

  /**
   * Appends the task's line and forces it; the change is applied in memory only once it is on disk.
   * On a full disk it is a {@link StorageFullException} (503 storage_full), and the queue is as before.
   */
  private ReviewTask write(ReviewTask task) {
    return write(task, true);
  }

  /**
   * Appends the task's line, forced or not (then the caller forces before it answers). A failed
   * write is cut off again, so the next line does not follow half of this one.
   */
  private ReviewTask write(ReviewTask task, boolean force) {
    try {
      long end = appended;
      try {
        ByteBuffer line = line(task);
        int length = line.remaining();
        PrivateFiles.writeFully(log, line);
        appended = end + length;
        if (force) {
          log.force(false);
          forces.increment();
        }
      } catch (IOException e) {
        log.truncate(end);
        appended = end;
        throw e;
      }
    } catch (IOException e) {
      throw StorageFullException.of("the review queue " + file, e, file.getParent());
    }
    tasks.put(task.id(), task);
    if (++lines > tasks.size() + SLACK_LINES) {
      try {
        rewrite();
      } catch (IOException e) {
        // the change is on disk already; the file stays long and the next write tries again
        LOG.log(System.Logger.Level.WARNING, "review queue not compacted: " + e.getMessage());
      }
    }
    return task;
  }

  /** Forces the log up to {@code upTo} of its generation, unless a force or a rewrite since has done so. */
  private void awaitForced(long inGeneration, long upTo) {
    synchronized (syncLock) {
      if (forcedGeneration == inGeneration && forced >= upTo) {
        return;
      }
      FileChannel channel;
      long end;
      synchronized (this) {
        if (generation != inGeneration) {
          return;
        }
        channel = log;
        end = appended;
      }
      try {
        channel.force(false);
        forces.increment();
      } catch (ClosedChannelException e) {
        // a rewrite closed it meanwhile, and its new file, forced whole, holds every task in memory
        return;
      } catch (IOException e) {
        throw StorageFullException.of("the review queue " + file, e, file.getParent());
      }
      forcedGeneration = inGeneration;
      forced = end;
    }
  }

  /** How many times the log was forced: fewer than tasks added when several are added at once. */
  long forces() {
    return forces.sum();
  }

  /**
   * Replaces the file by one line per task, then appends to the new file. The old file stays open
   * until the new one is in place, so a failed rewrite (a full disk) leaves appends working.
   */
  private void rewrite() throws IOException {
    PrivateFiles.replace(file, channel -> {
      for (ReviewTask t : tasks.values()) {
        PrivateFiles.writeFully(channel, line(t));
      }
    });
    if (log != null) {
      log.close();
    }
    lines = tasks.size();
    log = PrivateFiles.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    appended = log.size();
    generation++;
  }

  private static ByteBuffer line(ReviewTask task) {
    return ByteBuffer.wrap((TaskCodec.toJson(task).encode() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() {
    try {
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
