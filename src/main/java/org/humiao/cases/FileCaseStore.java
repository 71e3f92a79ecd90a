package org.humiao.cases;

import io.vertx.core.json.JsonObject;
import org.humiao.durable.JsonLinesLog;

import java.io.IOException;
import java.nio.file.Path;
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

  private final Map<String, MandatoryCase> cases = new LinkedHashMap<>();
  private final JsonLinesLog log;

  private FileCaseStore(Path file) throws IOException {
    this.log = JsonLinesLog.open(file, "the case log", this::apply);
  }

  public static FileCaseStore open(Path dataDir) throws IOException {
    return new FileCaseStore(dataDir.resolve("cases").resolve(FILE));
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
    log.append(new JsonObject().put("open", opening.toJson()));
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
    log.append(new JsonObject().put("act", id).put("action", action.toJson()));
    cases.put(id, next);
    return next;
  }

  @Override
  public synchronized void close() {
    log.close();
  }
}
