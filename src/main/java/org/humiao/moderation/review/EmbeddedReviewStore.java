package org.humiao.moderation.review;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * <p>Review traffic is a small part of screening's, so one lock and one sync per change are enough.
 */
public final class EmbeddedReviewStore implements ReviewStore {
  public static final String FILE = "tasks.jsonl";
  /** Lines appended beyond the task count before the file is rewritten. */
  private static final int SLACK_LINES = 1000;

  private final Path file;
  private final Map<String, ReviewTask> tasks = new LinkedHashMap<>();
  private FileChannel log;
  private int lines;

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

  @Override
  public synchronized ReviewTask add(ReviewTask task) {
    ReviewTask known = tasks.get(task.id());
    if (known != null) {
      return known;
    }
    return write(task);
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
        throw new UncheckedIOException("cannot rewrite " + file, e);
      }
    }
    return replaced;
  }

  /**
   * Appends the task's line and forces it; the change is applied in memory only once it is on disk.
   * A failed write is cut off again, so the next line does not follow half of this one.
   */
  private ReviewTask write(ReviewTask task) {
    try {
      long end = log.size();
      try {
        PrivateFiles.writeFully(log, line(task));
        log.force(false);
      } catch (IOException e) {
        log.truncate(end);
        throw e;
      }
      tasks.put(task.id(), task);
      if (++lines > tasks.size() + SLACK_LINES) {
        rewrite();
      }
      return task;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file, e);
    }
  }

  /** Replaces the file by one line per task, then appends to the new file. */
  private void rewrite() throws IOException {
    if (log != null) {
      log.close();
    }
    PrivateFiles.replace(file, channel -> {
      for (ReviewTask t : tasks.values()) {
        PrivateFiles.writeFully(channel, line(t));
      }
    });
    lines = tasks.size();
    log = PrivateFiles.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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
