package org.humiao.cases;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases of the embedded profile: an append-only log, {@code <dataDir>/cases/cases.log} (0600),
 * one JSON line per opening ({@code {"open":case}}) or step ({@code {"act":id,"action":step}}),
 * each forced to disk before the call returns, replayed into memory on open. A last line cut by a
 * crash was never acknowledged: it is dropped, and the file cut back to the lines before it.
 */
public final class FileCaseStore implements CaseStore {
  static final String FILE = "cases.log";

  private final FileChannel log;
  private final Map<String, MandatoryCase> cases = new LinkedHashMap<>();

  private FileCaseStore(FileChannel log) {
    this.log = log;
  }

  public static FileCaseStore open(Path dataDir) throws IOException {
    Path file = PrivateFiles.createDirectories(dataDir.resolve("cases")).resolve(FILE);
    FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileCaseStore store = new FileCaseStore(channel);
    try {
      long good = store.replay(Files.readAllBytes(file));
      channel.truncate(good);
      channel.position(good);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return store;
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
        apply(new JsonObject(line));
      } catch (DecodeException e) {
        if (i + 1 < bytes.length) {
          throw new IllegalStateException("the case log is corrupt before its end: " + line, e);
        }
        return start;
      }
      start = i + 1;
    }
    // a last line without its newline was being written when the service stopped
    return start;
  }

  private void apply(JsonObject line) {
    if (line.containsKey("open")) {
      MandatoryCase opened = MandatoryCase.fromJson(line.getJsonObject("open"));
      cases.putIfAbsent(opened.id(), opened);
    } else {
      String id = line.getString("act");
      cases.put(id, cases.get(id).then(CaseAction.fromJson(line.getJsonObject("action"))));
    }
  }

  @Override
  public synchronized MandatoryCase open(MandatoryCase opening) {
    MandatoryCase existing = cases.get(opening.id());
    if (existing != null) {
      return existing;
    }
    append(new JsonObject().put("open", opening.toJson()));
    cases.put(opening.id(), opening);
    return opening;
  }

  @Override
  public synchronized Optional<MandatoryCase> find(String id) {
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public synchronized List<MandatoryCase> all() {
    List<MandatoryCase> all = new ArrayList<>(cases.values());
    all.sort(Comparator.comparing(MandatoryCase::opened).reversed());
    return all;
  }

  @Override
  public synchronized MandatoryCase act(String id, CaseAction action) {
    MandatoryCase current = cases.get(id);
    if (current == null) {
      throw new CaseException(CaseException.Problem.NOT_FOUND, "no case " + id);
    }
    MandatoryCase next = current.then(action);
    append(new JsonObject().put("act", id).put("action", action.toJson()));
    cases.put(id, next);
    return next;
  }

  private void append(JsonObject line) {
    try {
      PrivateFiles.writeFully(log, ByteBuffer.wrap((line.encode() + "\n").getBytes(StandardCharsets.UTF_8)));
      log.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the case log", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the case log", e);
    }
  }
}
