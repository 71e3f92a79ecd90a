package org.humiao.keys;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the current {@link KeyRing} in step with keys.json: a periodic timer compares the file's
 * stamp, and re-reads it, off the event loop, when the stamp changed. A file that fails to parse
 * keeps the previous ring; a deleted file empties it (every key revoked).
 */
public final class KeyRingWatcher {
  private static final System.Logger LOG = System.getLogger(KeyRingWatcher.class.getName());

  /** Modified time alone can miss two writes within its resolution; the atomic move gives a new inode. */
  private record Stamp(FileTime modified, long size, Object fileKey) {}

  private final Vertx vertx;
  private final KeyStore store;
  private volatile KeyRing ring = new KeyRing(List.of());
  private volatile Stamp stamp;
  private long timerId = -1;

  public KeyRingWatcher(Vertx vertx, KeyStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  public KeyRing ring() {
    return ring;
  }

  /** Loads the file now, then checks it every {@code pollMillis}. */
  public Future<Void> start(long pollMillis) {
    return check().onSuccess(v -> timerId = vertx.setPeriodic(pollMillis, id -> check()));
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  /** Runs on a worker, ordered, so two checks never overlap and {@code stamp} needs no lock. */
  private Future<Void> check() {
    return vertx.executeBlocking(() -> {
      Stamp now = currentStamp();
      if (!Objects.equals(now, stamp)) {
        reload(now);
      }
      return null;
    }, true);
  }

  private void reload(Stamp now) {
    if (now == null) {
      ring = new KeyRing(List.of());
      stamp = null;
      return;
    }
    try {
      ring = new KeyRing(store.read());
      stamp = now;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "keeping the previous keys: " + e.getMessage());
    }
  }

  private Stamp currentStamp() throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(store.file(), BasicFileAttributes.class);
      return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
