package org.humiao.moderation.lists;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;
import org.humiao.durable.StorageFullException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The lists of one service in its data dir: one file per platform, {@code lists/<hex of the
 * platform id>.json} (0600), holding both lists and their version. A change replaces the file
 * atomically and forces it and the directory to disk before it is acknowledged, so a crash or a
 * SIGKILL leaves the old or the new version, never a torn one. All lists are read at start and
 * kept in memory (a few MB at the limits); writes are serialized.
 */
public final class EmbeddedPlatformListStore implements PlatformListStore {
  static final String DIRECTORY = "lists";
  private static final String SUFFIX = ".json";

  private final Path directory;
  private final Map<String, PlatformEntries> lists = new ConcurrentHashMap<>();

  private EmbeddedPlatformListStore(Path directory) {
    this.directory = directory;
  }

  /** Reads every platform's lists from {@code dataDir/lists/}, creating it when missing. */
  public static EmbeddedPlatformListStore open(Path dataDir) {
    try {
      Path directory = PrivateFiles.createDirectories(dataDir.resolve(DIRECTORY));
      EmbeddedPlatformListStore store = new EmbeddedPlatformListStore(directory);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
        for (Path file : files) {
          PlatformEntries entries = PlatformEntries.fromStoredJson(new JsonObject(Buffer.buffer(Files.readAllBytes(file))));
          store.lists.put(entries.platform(), entries);
        }
      }
      // a leftover of a write that crashed before its rename: the file it was to replace is whole
      try (DirectoryStream<Path> partial = Files.newDirectoryStream(directory, "*.tmp")) {
        for (Path file : partial) {
          Files.delete(file);
        }
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the platform lists in " + dataDir.resolve(DIRECTORY), e);
    }
  }

  @Override
  public PlatformEntries read(String platform) {
    return lists.getOrDefault(platform, PlatformEntries.none(platform));
  }

  @Override
  public synchronized boolean write(PlatformEntries next) {
    if (read(next.platform()).version() != next.version() - 1) {
      return false;
    }
    byte[] bytes = next.toStoredJson().encode().getBytes(StandardCharsets.UTF_8);
    try {
      PrivateFiles.replace(file(next.platform()), channel -> PrivateFiles.writeFully(channel, ByteBuffer.wrap(bytes)));
    } catch (IOException e) {
      throw StorageFullException.of("the lists of platform " + next.platform(), e, directory);
    }
    lists.put(next.platform(), next);
    return true;
  }

  @Override
  public Map<String, Long> versions() {
    return lists.values().stream().collect(Collectors.toUnmodifiableMap(PlatformEntries::platform, PlatformEntries::version));
  }

  /** Hex of the id's UTF-8: any platform id makes a safe file name. */
  private Path file(String platform) {
    return directory.resolve(HexFormat.of().formatHex(platform.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
  }

  @Override
  public void close() {
    // every write was forced before it returned: nothing is left to flush
  }
}
