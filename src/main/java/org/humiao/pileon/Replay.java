package org.humiao.pileon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.sim.SettableClock;
import org.humiao.minor.time.ChinaTime;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningResult;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays timestamped screen requests through the screening engine and the pile-on tracker the
 * service runs, on a clock each line sets, with a fresh in-memory store: so a platform (or a test)
 * sees which levels its traffic would reach under a policy. A line is either a screen request with
 * {@code at} (targetId, mentions, relation, authorId, dataId, text, platform as in {@code POST
 * /v1/text/screen}) or {@code {"attest": user, "birthDate": "YYYY-MM-DD"}}, which makes the user a
 * minor while younger than 18, as minor mode's attestations do (docs/pileon.md#replay).
 */
public final class Replay {
  /** The platform of lines that name none. */
  public static final String PLATFORM = "replay";
  /** Replays keep nothing: a fixed key gives the pseudonyms of their events. */
  private static final byte[] PSEUDONYM_KEY = "humiao-pile-on-replay".getBytes(StandardCharsets.UTF_8);

  private final ScreeningEngine engine;
  private final SettableClock clock = new SettableClock(Instant.EPOCH, ChinaTime.ZONE);
  private final Map<String, LocalDate> births = new HashMap<>();
  private final List<ViolationEvent> events = new ArrayList<>();
  /** Every target a line aimed at, per platform, in order of first mention. */
  private final Map<String, Set<String>> targets = new LinkedHashMap<>();
  private final EmbeddedPileOnStore store;
  private final PileOnTracker tracker;

  public Replay(PileOnPolicy policy, ScreeningEngine engine) {
    this.engine = engine;
    this.store = new EmbeddedPileOnStore(Integer.MAX_VALUE);
    this.tracker = new PileOnTracker(policy, store, this::isMinor, new Pseudonyms(PSEUDONYM_KEY),
        // the summary counts surges; protections (target_protected) show in each target's status
        event -> {
          if (event.kind() == ViolationEvent.Kind.BULLYING_SURGE) {
            events.add(event);
          }
        }, clock);
  }

  private boolean isMinor(String platform, String user, Instant at) {
    LocalDate birth = births.get(platform + '\0' + user);
    return birth != null && ChinaTime.ageOn(birth, ChinaTime.day(at.getEpochSecond())) < 18;
  }

  /**
   * Runs one line. Answers a level a message raised a target to ({@code line, at, platform, target,
   * level, protected}), or the line's error; empty when there is nothing to say.
   */
  public Optional<JsonObject> step(int lineNo, JsonObject line) {
    try {
      String platform = line.getString("platform", PLATFORM);
      if (line.containsKey("attest")) {
        births.put(platform + '\0' + line.getString("attest"), LocalDate.parse(line.getString("birthDate")));
        return Optional.empty();
      }
      clock.set(time(line.getValue("at")));
      Aim.Builder aim = Aim.builder(platform).target(line.getString("targetId")).author(line.getString("authorId"))
          .dataId(line.getString("dataId"))
          .relation(line.getString("relation") == null ? null : Relation.byId(line.getString("relation"))
              .orElseThrow(() -> new IllegalArgumentException("relation must be stranger, follower or friend")));
      line.getJsonArray("mentions", new JsonArray()).forEach(m -> aim.target((String) m));
      Aim built = aim.build();
      built.targets().forEach(t -> targets.computeIfAbsent(platform, p -> new LinkedHashSet<>()).add(t));
      ScreeningResult result = engine.screen(line.getString("text"), ScreenOptions.DEFAULT);
      Verdict verdict = tracker.screened(built, result);
      return verdict.crossing().map(c -> new JsonObject().put("line", lineNo).put("at", clock.instant().toString())
          .put("platform", platform).put("target", c.target()).put("level", c.level().id())
          .put("protected", tracker.status(platform, c.target()).protection().isPresent()));
    } catch (InvalidTextException | DateTimeException | ClassCastException | NullPointerException
             | IllegalArgumentException e) {
      return Optional.of(new JsonObject().put("line", lineNo).put("error", String.valueOf(e.getMessage())));
    }
  }

  private static Instant time(Object at) {
    if (at instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    if (at instanceof String s) {
      return OffsetDateTime.parse(s).toInstant();
    }
    throw new IllegalArgumentException("at must be epoch seconds or an ISO date-time with offset");
  }

  /** Each target's status at the last line's time, and the bullying_surge events recorded. */
  public JsonObject summary() {
    JsonArray statuses = new JsonArray();
    targets.forEach((platform, names) -> names.forEach(target ->
        statuses.add(tracker.status(platform, target).toJson().put("platform", platform))));
    return new JsonObject().put("summary", new JsonObject().put("at", clock.instant().toString())
        .put("targets", statuses).put("events", events.size()));
  }

  /** The bullying_surge events recorded so far. */
  public List<ViolationEvent> events() {
    return List.copyOf(events);
  }
}
