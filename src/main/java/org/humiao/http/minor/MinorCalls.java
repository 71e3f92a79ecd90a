package org.humiao.http.minor;

import org.humiao.compliance.DenominatorTally;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.RecordingPool;
import org.humiao.http.guard.PlatformScope;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.keys.ApiKey;
import org.humiao.minor.AuthorizeAnswer;
import org.humiao.minor.InvalidPlayReport;
import org.humiao.minor.MinorMode;
import org.humiao.minor.PaymentRequest;
import org.humiao.minor.PlayRequest;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.time.LocalWindow;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The minor-mode routes' calls: each checks its body (fields as in the simulate steps, the time
 * being the server's clock) and asks {@link MinorMode}. Run where {@link RecordingPool} runs them:
 * on the event loop with the embedded store, on a worker with Redis.
 */
final class MinorCalls {
  private static final Set<String> ATTESTATION_KINDS = Set.of("nppa", "signed", "resident-id");

  private final MinorMode minorMode;
  private final DenominatorTally sessions;

  MinorCalls(MinorMode minorMode, DenominatorTally sessions) {
    this.minorMode = minorMode;
    this.sessions = sessions;
  }

  /** {@code POST /v1/attestations}. */
  JsonObject attest(ApiKey key, JsonObject body) {
    String platform = platform(key, body);
    String user = BodyFields.requiredId(body, "user");
    String kind = BodyFields.required("kind", body.getValue("kind")) instanceof String s ? s : "";
    if (!ATTESTATION_KINDS.contains(kind)) {
      throw BodyFields.invalid("kind", "one of " + String.join(", ", ATTESTATION_KINDS.stream().sorted().toList()));
    }
    for (String field : List.of("pi", "issuer", "payload", "signature", "idNumber", "birthDate")) {
      if (body.getValue(field) != null && !(body.getValue(field) instanceof String)) {
        throw BodyFields.invalid(field, "a string");
      }
    }
    if (body.getString("birthDate") != null) {
      checkDate(body.getString("birthDate"));
    }
    return minorMode.attest(platform, user, AttestationRequest.fromJson(body)).toJson();
  }

  /** {@code POST /v1/play/authorize}. */
  JsonObject authorize(ApiKey key, JsonObject body) {
    PlayRequest request = play(key, body);
    AuthorizeAnswer answer = minorMode.authorize(request);
    // a session minor mode limits (refused, or given a time; not an adult's or a guest's the policy leaves
    // unlimited); no region: it is the platform's, as its events' is
    if (answer.secondsLeft() != null) {
      sessions.count(request.platform(), null);
    }
    return answer.toJson();
  }

  /** {@code POST /v1/play/heartbeat}. */
  JsonObject heartbeat(ApiKey key, JsonObject body) {
    PlayRequest request = play(key, body);
    long from = BodyFields.required("from", BodyFields.epochSecond(body, "from"));
    long to = BodyFields.required("to", BodyFields.epochSecond(body, "to"));
    try {
      return minorMode.heartbeat(request, from, to).toJson();
    } catch (InvalidPlayReport e) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "[from, to) must be non-empty, at most a day long and not ahead of "
          + "the server clock by more than 5 minutes");
    }
  }

  /** {@code POST /v1/play/end}. */
  JsonObject end(ApiKey key, JsonObject body) {
    return minorMode.endSession(play(key, body)).toJson();
  }

  /** {@code POST /v1/payments/check}. */
  JsonObject checkPayment(ApiKey key, JsonObject body) {
    String platform = platform(key, body);
    String user = BodyFields.requiredId(body, "user");
    ServiceKind service = service(body);
    long amount = BodyFields.requiredNumber(body, "amountFen");
    if (amount <= 0) {
      throw BodyFields.invalid("amountFen", "a positive number of fen");
    }
    return minorMode.checkPayment(new PaymentRequest(platform, user, service, amount,
        BodyFields.requiredId(body, "key"))).toJson();
  }

  /** {@code POST /v1/payments/refund}. */
  JsonObject refund(ApiKey key, JsonObject body) {
    return minorMode.refund(platform(key, body), BodyFields.requiredId(body, "key")).toJson();
  }

  /** {@code POST /v1/guardian/controls}: establishing that the caller acts for the guardian is the platform's part. */
  JsonObject guardianControls(ApiKey key, JsonObject body) {
    String platform = platform(key, body);
    String user = BodyFields.requiredId(body, "user");
    Long quota = nonNegative(body, "dailyQuotaSeconds");
    Long spendCap = nonNegative(body, "dailySpendCapFen");
    GuardianControls controls = new GuardianControls(quota, windows(body), BodyFields.flag(body, "playBan"),
        BodyFields.flag(body, "paymentBan"), spendCap, BodyFields.epochSecond(body, "curfewExceptionUntil"));
    return minorMode.setGuardianControls(platform, user, controls).toJson();
  }

  /** The body's platform, or the key's when it names none; a platform key may act for its own only. */
  private static String platform(ApiKey key, JsonObject body) {
    String named = BodyFields.id(body, "platform", "");
    PlatformScope.check(key, named);
    return BodyFields.required("platform", named != null ? named : key.platform());
  }

  private static PlayRequest play(ApiKey key, JsonObject body) {
    return new PlayRequest(platform(key, body), BodyFields.requiredId(body, "user"),
        BodyFields.requiredId(body, "session"), service(body), BodyFields.id(body, "device", ""));
  }

  private static ServiceKind service(JsonObject body) {
    Object value = body.getValue("service");
    if (value == null) {
      return ServiceKind.GAME;
    }
    return BodyFields.oneOf(ServiceKind.class, "service", value, ServiceKind::id);
  }

  private static Long nonNegative(JsonObject body, String field) {
    Long value = BodyFields.number(body, field);
    if (value != null && value < 0) {
      throw BodyFields.invalid(field, "zero or more");
    }
    return value;
  }

  private static List<LocalWindow> windows(JsonObject body) {
    Object value = body.getValue("windows");
    if (value == null) {
      return List.of();
    }
    String expected = "an array of 1 to " + GuardianControls.MAX_WINDOWS + " {\"from\":\"HH:mm\",\"to\":\"HH:mm\"} windows";
    if (!(value instanceof JsonArray array) || array.size() > GuardianControls.MAX_WINDOWS) {
      throw BodyFields.invalid("windows", expected);
    }
    List<LocalWindow> windows = new ArrayList<>(array.size());
    for (Object window : array) {
      try {
        windows.add(LocalWindow.parse((JsonObject) window));
      } catch (ClassCastException | NullPointerException | DateTimeException | IllegalArgumentException e) {
        throw BodyFields.invalid("windows", expected);
      }
    }
    return windows;
  }

  private static void checkDate(String text) {
    try {
      LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw BodyFields.invalid("birthDate", "a date YYYY-MM-DD");
    }
  }
}
