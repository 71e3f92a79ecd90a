package org.humiao.minor.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.MinorMode;
import org.humiao.minor.PaymentRequest;
import org.humiao.minor.PlayRequest;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.PersonIds;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.ChinaTime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays a scenario through the real {@link MinorMode} and embedded store, on a clock each step
 * sets. A step is one JSON object (docs/minor-mode.md, "Simulate"); its answer is printed with
 * the events it caused, and an {@code expect} object in the step is checked against both.
 */
public final class Simulation implements AutoCloseable {
  /** Keys for simulations only; a deployment configures its own secrets. */
  private static final byte[] SIM_PSEUDONYM_KEY = "humiao-simulation-pseudonyms".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIM_PERSON_KEY = "humiao-simulation-person-ids".getBytes(StandardCharsets.UTF_8);

  private final PolicyRegistry policies;
  private final TrustedIssuers issuers;
  private final Path dataDir;
  private final SettableClock clock = new SettableClock(Instant.EPOCH, ChinaTime.ZONE);
  private final List<ViolationEvent> events = new ArrayList<>();
  private PlayStateStore store;
  private MinorMode minorMode;

  public Simulation(PolicyRegistry policies, TrustedIssuers issuers, Path dataDir) {
    this.policies = policies;
    this.issuers = issuers;
    this.dataDir = dataDir;
    open();
  }

  private void open() {
    store = EmbeddedPlayStateStore.open(dataDir);
    minorMode = new MinorMode(policies, store, issuers, new PersonIds(SIM_PERSON_KEY),
        new Pseudonyms(SIM_PSEUDONYM_KEY), events::add, Optional.empty(), new PendingWrites(), clock);
  }

  /** Runs one step (line {@code lineNo} of the scenario) and returns its output line. */
  public JsonObject step(int lineNo, JsonObject step) {
    JsonObject out = new JsonObject().put("line", lineNo).put("step", step.getString("step"));
    events.clear();
    try {
      clock.set(OffsetDateTime.parse(step.getString("at")).toInstant());
      out.put("at", step.getString("at")).put("answer", answer(step));
    } catch (RuntimeException e) {
      out.put("error", String.valueOf(e.getMessage()));
    }
    JsonArray emitted = new JsonArray();
    events.forEach(e -> emitted.add(e.toJson()));
    out.put("events", emitted);
    JsonObject expect = step.getJsonObject("expect");
    if (expect != null) {
      List<String> mismatches = mismatches(expect, out);
      out.put("expect", mismatches.isEmpty() ? "met" : "failed");
      if (!mismatches.isEmpty()) {
        out.put("mismatches", new JsonArray(mismatches));
      }
    }
    return out;
  }

  private JsonObject answer(JsonObject s) {
    String type = Objects.requireNonNull(s.getString("step"), "step");
    return switch (type) {
      case "attest" -> minorMode.attest(s.getString("platform"), s.getString("user"), AttestationRequest.fromJson(s))
          .toJson();
      case "authorize" -> minorMode.authorize(play(s)).toJson();
      case "heartbeat" -> minorMode.heartbeat(play(s), epoch(s.getValue("from")), epoch(s.getValue("to"))).toJson();
      case "end" -> minorMode.endSession(play(s)).toJson();
      case "payment" -> minorMode.checkPayment(new PaymentRequest(s.getString("platform"), s.getString("user"),
          service(s), s.getLong("amountFen"), s.getString("key"))).toJson();
      case "refund" -> minorMode.refund(s.getString("platform"), s.getString("key")).toJson();
      case "guardian" -> {
        JsonObject controls = s.copy();
        if (controls.getValue("curfewExceptionUntil") != null) {
          controls.put("curfewExceptionUntil", epoch(controls.getValue("curfewExceptionUntil")));
        }
        yield minorMode.setGuardianControls(s.getString("platform"), s.getString("user"),
            GuardianControls.fromJson(controls)).toJson();
      }
      case "restart" -> {
        store.close();
        open();
        yield new JsonObject().put("restarted", true);
      }
      case "reload" -> new JsonObject().put("reloaded", policies.reload().policies().size());
      default -> throw new IllegalArgumentException("unknown step: " + type);
    };
  }

  private static PlayRequest play(JsonObject s) {
    return new PlayRequest(s.getString("platform"), s.getString("user"), s.getString("session"), service(s),
        s.getString("device"));
  }

  private static ServiceKind service(JsonObject s) {
    return ServiceKind.byId(s.getString("service", "game"));
  }

  /** A time as epoch seconds or as an ISO date-time with offset. */
  static long epoch(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    return OffsetDateTime.parse((String) value).toEpochSecond();
  }

  /**
   * Fields of {@code expect} that the output does not match: answer fields by name (a date-time
   * string matches the epoch second it denotes), {@code events} as a list of {@code kind:rule},
   * {@code error: true} as "the step failed".
   */
  static List<String> mismatches(JsonObject expect, JsonObject out) {
    List<String> bad = new ArrayList<>();
    JsonObject answer = out.getJsonObject("answer", new JsonObject());
    for (String field : expect.fieldNames()) {
      Object want = expect.getValue(field);
      Object got = switch (field) {
        case "events" -> eventsOf(out.getJsonArray("events"));
        case "error" -> out.containsKey("error");
        default -> answer.getValue(field);
      };
      if (!same(want, got)) {
        bad.add(field + ": expected " + want + ", got " + got);
      }
    }
    return bad;
  }

  private static JsonArray eventsOf(JsonArray events) {
    JsonArray out = new JsonArray();
    for (Iterator<Object> it = events.iterator(); it.hasNext(); ) {
      JsonObject e = (JsonObject) it.next();
      out.add(e.getString("kind") + ":" + e.getString("rule"));
    }
    return out;
  }

  private static boolean same(Object want, Object got) {
    if (want instanceof Number w && got instanceof Number g) {
      return w.longValue() == g.longValue();
    }
    if (want instanceof String w && got instanceof Number g && w.length() > 10 && w.charAt(10) == 'T') {
      return OffsetDateTime.parse(w).toEpochSecond() == g.longValue();
    }
    return Objects.equals(want, got);
  }

  @Override
  public void close() {
    store.close();
  }
}
