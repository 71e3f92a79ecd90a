package org.humiao.moderation.strategy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;
import org.humiao.durable.StorageFullException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platforms' chosen strategies of one service in its data dir: one small file,
 * {@code strategies.json} (0600, {@code {"platforms": {platform: strategy id}}}), replaced
 * atomically and forced to disk before a choice is acknowledged, so a crash leaves the old or the
 * new choices, never a torn file. Read at start and kept in memory; writes are serialized.
 */
public final class EmbeddedStrategyChoiceStore implements StrategyChoiceStore {
  static final String FILE = "strategies.json";

  private final Path file;
  private volatile Map<String, String> choices;

  private EmbeddedStrategyChoiceStore(Path file, Map<String, String> choices) {
    this.file = file;
    this.choices = Map.copyOf(choices);
  }

  /** Reads {@code dataDir/strategies.json}; no file is no choice. */
  public static EmbeddedStrategyChoiceStore open(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    Map<String, String> choices = new TreeMap<>();
    try {
      PrivateFiles.createDirectories(dataDir);
      // a leftover of a write that crashed before its rename: the file it was to replace is whole
      Files.deleteIfExists(file.resolveSibling(FILE + ".tmp"));
      if (Files.exists(file)) {
        JsonObject platforms = new JsonObject(Buffer.buffer(Files.readAllBytes(file))).getJsonObject("platforms");
        platforms.forEach(e -> choices.put(e.getKey(), (String) e.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chosen strategies in " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + " is not {\"platforms\": {platform: strategy id}}", e);
    }
    return new EmbeddedStrategyChoiceStore(file, choices);
  }

  @Override
  public Map<String, String> read() {
    return choices;
  }

  @Override
  public synchronized void write(String platform, String strategyId) {
    Map<String, String> next = new TreeMap<>(choices);
    next.put(platform, strategyId);
    byte[] bytes = new JsonObject().put("platforms", new JsonObject(Map.copyOf(next))).encode()
        .getBytes(StandardCharsets.UTF_8);
    try {
      PrivateFiles.replace(file, channel -> PrivateFiles.writeFully(channel, ByteBuffer.wrap(bytes)));
    } catch (IOException e) {
      throw StorageFullException.of("the chosen strategies", e, file.getParent());
    }
    choices = Map.copyOf(next);
  }

  @Override
  public void close() {
    // every write was forced before it returned: nothing is left to flush
  }
}
