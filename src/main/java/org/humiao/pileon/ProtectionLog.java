package org.humiao.pileon;

import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded store's protections on disk, so a restart keeps them: {@code protections.jsonl} in
 * its directory, one line per change ({@code {"target": …, "protection": {…} | null}}), forced
 * before the change is acknowledged; opening replays it (the last change of a target wins) and
 * cuts off a last line a crash left unfinished. Once the log holds more than twice the live
 * protections (and at least {@link #COMPACT_AFTER_LINES} lines), it is rewritten with only the
 * protections still in force (write, force, rename: a crash leaves the old or the new whole).
 * Not thread-safe: the store calls it under its lock.
 */
final class ProtectionLog implements Closeable {
  static final String FILE = "protections.jsonl";
  private static final int COMPACT_AFTER_LINES = 1024;

  private final Path file;
  private final Map<String, Protection> live = new HashMap<>();
  private FileChannel log;
  private int lines;

  private ProtectionLog(Path file) {
    this.file = file;
  }

  /** Opens (or creates) the log in {@code dir}; {@link #live} holds what it recorded in force at {@code now}. */
  static ProtectionLog open(Path dir, long now) throws IOException {
    PrivateFiles.createDirectories(dir);
    ProtectionLog opened = new ProtectionLog(dir.resolve(FILE));
    opened.replay(now);
    return opened;
  }

  /** The protections recorded, by target, as of the last change; the caller's to keep in memory. */
  Map<String, Protection> live() {
    return Map.copyOf(live);
  }

  /** Records a change (empty: switched off); returns once it is on disk. */
  void record(String target, Optional<Protection> protection, long now) {
    JsonObject line = new JsonObject().put("target", target).put("protection", protection.map(Protection::toJson)
        .orElse(null));
    try {
      append(List.of(line));
      protection.ifPresentOrElse(p -> live.put(target, p), () -> live.remove(target));
      if (lines >= COMPACT_AFTER_LINES && lines > 2 * live.size()) {
        compact(now);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record a protection in " + file, e);
    }
  }

  /** Forgets the target's protection and rewrites the log, so no line of it is left on disk. */
  void forget(String target, long now) {
    live.remove(target);
    try {
      compact(now);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + " without a forgotten target", e);
    }
  }

  private void replay(long now) throws IOException {
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      JsonObject line = new JsonObject(new String(bytes, start, i - start, StandardCharsets.UTF_8));
      JsonObject p = line.getJsonObject("protection");
      if (p == null) {
        live.remove(line.getString("target"));
      } else {
        live.put(line.getString("target"), Protection.fromJson(p));
      }
      lines++;
      start = i + 1;
    }
    live.values().removeIf(p -> !p.activeAt(now));
    log = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (start < bytes.length) {
      // a line the crash cut short was never acknowledged
      log.truncate(start);
      log.force(true);
    }
    log.position(start);
    PrivateFiles.syncDirectory(file.toAbsolutePath().getParent());
  }

  private void append(List<JsonObject> changes) throws IOException {
    StringBuilder text = new StringBuilder();
    changes.forEach(c -> text.append(c.encode()).append('\n'));
    PrivateFiles.writeFully(log, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    log.force(false);
    lines += changes.size();
  }

  /** Rewrites the log with the protections in force only. */
  private void compact(long now) throws IOException {
    live.values().removeIf(p -> !p.activeAt(now));
    StringBuilder text = new StringBuilder();
    live.forEach((target, p) -> text.append(new JsonObject().put("target", target).put("protection", p.toJson())
        .encode()).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    log.close();
    PrivateFiles.replace(file, channel -> PrivateFiles.writeFully(channel, ByteBuffer.wrap(bytes)));
    log = PrivateFiles.open(file, StandardOpenOption.WRITE);
    log.position(bytes.length);
    lines = live.size();
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
