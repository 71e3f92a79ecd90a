package org.humiao.minor.nppa;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a batch of records into one encrypted, signed loginout call. */
public final class LoginoutRequestFactory {

  static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private final String appId;
  private final String bizId;
  private final BodyCipher cipher;
  private final RequestSigner signer;
  private final Clock clock;

  public LoginoutRequestFactory(String appId, String bizId, BodyCipher cipher, RequestSigner signer, Clock clock) {
    this.appId = appId;
    this.bizId = bizId;
    this.cipher = cipher;
    this.signer = signer;
    this.clock = clock;
  }

  /** Numbers the records 1..n in order: the answer's per-item results refer to these numbers. */
  public SignedRequest create(List<BehaviourRecord> batch) {
    if (batch.isEmpty() || batch.size() > NppaConfig.MAX_BATCH) {
      throw new IllegalArgumentException("a loginout call carries 1.." + NppaConfig.MAX_BATCH + " records, not " + batch.size());
    }
    JsonArray collections = new JsonArray();
    for (int i = 0; i < batch.size(); i++) {
      collections.add(new JsonObject().put("no", i + 1).mergeIn(batch.get(i).toJson()));
    }
    return seal(new JsonObject().put("collections", collections));
  }

  /** Encrypts and signs any plaintext body; the timestamp is taken now, as the NPPA expires requests after 5 s. */
  SignedRequest seal(JsonObject plaintext) {
    String body = new JsonObject().put("data", cipher.encrypt(plaintext.encode())).encode();
    Map<String, String> headers = new HashMap<>();
    headers.put("appId", appId);
    headers.put("bizId", bizId);
    headers.put("timestamps", Long.toString(clock.millis()));
    // loginout has no URL parameters, so the signed parameters are exactly these headers
    headers.put("sign", signer.sign(headers, body));
    headers.put("Content-Type", CONTENT_TYPE);
    return new SignedRequest(body, headers);
  }
}
