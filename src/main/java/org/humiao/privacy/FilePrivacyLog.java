package org.humiao.privacy;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requests of the embedded profile: {@code <dataDir>/privacy/requests.jsonl} (0600), one JSON
 * line per state of a request, forced before the call returns, the latest line of an id winning on
 * replay. A last line cut by a crash was never acknowledged: dropped, and the file cut back.
 */
public final class FilePrivacyLog implements PrivacyLog {
  static final String DIR = "privacy";
  static final String FILE = "requests.jsonl";

  private final FileChannel log;
  private final Map<String, PrivacyRequest> requests = new LinkedHashMap<>();

  private FilePrivacyLog(FileChannel log) {
    this.log = log;
  }

  public static FilePrivacyLog open(Path dataDir) {
    try {
      Path file = PrivateFiles.createDirectories(dataDir.resolve(DIR)).resolve(FILE);
      FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FilePrivacyLog store = new FilePrivacyLog(channel);
      try {
        long good = store.replay(Files.readAllBytes(file));
        channel.truncate(good);
        channel.position(good);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the privacy request log in " + dataDir, e);
    }
  }

  /** Applies every whole line; answers the length of the bytes that hold them. */
  private long replay(byte[] bytes) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
      try {
        PrivacyRequest request = PrivacyRequest.fromJson(new JsonObject(line));
        requests.put(request.id(), request);
      } catch (DecodeException e) {
        if (i + 1 < bytes.length) {
          throw new IllegalStateException("the privacy request log is corrupt before its end: " + line, e);
        }
        return start;
      }
      start = i + 1;
    }
    return start;
  }

  @Override
  public synchronized void put(PrivacyRequest request) {
    try {
      PrivateFiles.writeFully(log, ByteBuffer.wrap((request.toJson().encode() + "\n").getBytes(StandardCharsets.UTF_8)));
      log.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the privacy request log", e);
    }
    requests.put(request.id(), request);
  }

  @Override
  public synchronized Optional<PrivacyRequest> find(String id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public synchronized List<PrivacyRequest> all() {
    return new ArrayList<>(requests.values());
  }

  @Override
  public synchronized void close() {
    try {
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the privacy request log", e);
    }
  }
}
