package org.humiao.minor.nppa;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Delivers one batch: sends it, sorts each record by the answer, and re-sends only the records
 * whose failure is retryable, after a backoff, until none is left or the attempts run out.
 * Each attempt is a new request (new {@code no} numbering, timestamp, IV and signature).
 */
public final class BatchDelivery {

  private final LoginoutRequestFactory requests;
  private final NppaHttpTransport transport;
  private final int maxAttempts;
  private final Backoff backoff;
  private final Sleeper sleeper;

  public BatchDelivery(LoginoutRequestFactory requests, NppaHttpTransport transport, int maxAttempts, Backoff backoff, Sleeper sleeper) {
    this.requests = requests;
    this.transport = transport;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  /** The production wiring: a secure IV source and jitter, real sleeping, HTTP/1.1 (the endpoint is plain http). */
  public static BatchDelivery forConfig(NppaConfig config, Clock clock) {
    SecureRandom random = new SecureRandom();
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.requestTimeout())
        .build();
    LoginoutRequestFactory requests = new LoginoutRequestFactory(
        config.appId(), config.bizId(), new BodyCipher(config.secretKeyBytes(), random), new RequestSigner(config.secretKeyHex()), clock);
    return new BatchDelivery(
        requests,
        new NppaHttpTransport(http, config.endpoint(), config.requestTimeout()),
        config.maxAttempts(),
        new Backoff(config.initialBackoff(), config.maxBackoff(), random),
        Sleeper.threadSleep());
  }

  /** @param batch 1..128 records */
  public DeliveryOutcome deliver(List<BehaviourRecord> batch) throws InterruptedException {
    List<BehaviourRecord> delivered = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    List<BehaviourRecord> pending = batch;
    for (int attempt = 1; ; attempt++) {
      List<Rejection> retryable = new ArrayList<>();
      exchange(pending, delivered, rejected, retryable);
      if (retryable.isEmpty() || attempt >= maxAttempts) {
        return new DeliveryOutcome(delivered, rejected, retryable, attempt);
      }
      sleeper.sleep(backoff.delayAfter(attempt));
      pending = retryable.stream().map(Rejection::record).toList();
    }
  }

  private void exchange(List<BehaviourRecord> pending, List<BehaviourRecord> delivered, List<Rejection> rejected, List<Rejection> retryable)
      throws InterruptedException {
    LoginoutResponse response;
    try {
      response = transport.post(requests.create(pending));
    } catch (IOException e) {
      pending.forEach(record -> retryable.add(new Rejection(record, Rejection.NO_ANSWER, e.toString())));
      return;
    }
    int code = response.errcode();
    if (code != NppaCode.OK.code() && code != NppaCode.BUS_COLL_PARTIAL_ERROR.code()) {
      // a verdict on the whole request: it applies to every record in it
      List<Rejection> target = NppaCode.isRetryable(code) ? retryable : rejected;
      pending.forEach(record -> target.add(new Rejection(record, code, response.errmsg())));
      return;
    }
    Map<Integer, LoginoutResponse.ItemResult> results = response.resultsByNo();
    for (int i = 0; i < pending.size(); i++) {
      BehaviourRecord record = pending.get(i);
      LoginoutResponse.ItemResult item = results.get(i + 1);
      if (item == null || item.errcode() == NppaCode.OK.code()) {
        delivered.add(record);
      } else {
        List<Rejection> target = NppaCode.isRetryable(item.errcode()) ? retryable : rejected;
        target.add(new Rejection(record, item.errcode(), item.errmsg()));
      }
    }
  }
}
