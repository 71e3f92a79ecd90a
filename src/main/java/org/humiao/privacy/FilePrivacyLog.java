package org.humiao.privacy;

import org.humiao.durable.JsonLinesLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

  private final Map<String, PrivacyRequest> requests = new LinkedHashMap<>();
  private final JsonLinesLog log;

  private FilePrivacyLog(Path file) throws IOException {
    this.log = JsonLinesLog.open(file, "the privacy request log", line -> {
      PrivacyRequest request = PrivacyRequest.fromJson(line);
      requests.put(request.id(), request);
    });
  }

  public static FilePrivacyLog open(Path dataDir) {
    try {
      return new FilePrivacyLog(dataDir.resolve(DIR).resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the privacy request log in " + dataDir, e);
    }
  }

  @Override
  public synchronized void put(PrivacyRequest request) {
    log.append(request.toJson());
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
    log.close();
  }
}
