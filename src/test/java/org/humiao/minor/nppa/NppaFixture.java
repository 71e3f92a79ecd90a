package org.humiao.minor.nppa;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Shared credentials, clock and wiring for the NPPA tests. */
final class NppaFixture {

  static final String APP_ID = "a0298befcc6340dcac218d5016669df3";
  static final String BIZ_ID = "1101999999";
  static final String SECRET_KEY = "bbd3322487be9f3b2af1e7d1d3734f41";
  /** The pi of the public test case for an authenticated user. */
  static final String TEST_PI = "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u";

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
  /** Ten seconds before "now": inside the NPPA's 180-second window. */
  static final Instant RECENT = CLOCK.instant().minusSeconds(10);

  /** Every pause the retry policy asked for; nothing actually sleeps. */
  final List<Duration> sleeps = new ArrayList<>();

  private NppaFixture() {
  }

  static NppaFixture create() {
    return new NppaFixture();
  }

  static BehaviourRecord login(int i) {
    return BehaviourRecord.authenticated("session-" + i, BehaviourType.LOGIN, RECENT, pi(i));
  }

  /** A distinct, well-formed 38-character pi per i. */
  static String pi(int i) {
    String digits = Integer.toString(i);
    return TEST_PI.substring(0, 38 - digits.length()) + digits;
  }

  static List<BehaviourRecord> logins(int count) {
    List<BehaviourRecord> records = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      records.add(login(i));
    }
    return records;
  }

  static FakeNppaServer server() throws java.io.IOException {
    return FakeNppaServer.start(APP_ID, BIZ_ID, SECRET_KEY, CLOCK);
  }

  static LoginoutRequestFactory requests(String secretKey) {
    return new LoginoutRequestFactory(APP_ID, BIZ_ID, new BodyCipher(java.util.HexFormat.of().parseHex(secretKey), new SecureRandom()),
        new RequestSigner(secretKey), CLOCK);
  }

  static NppaHttpTransport transport(URI endpoint) {
    return new NppaHttpTransport(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), endpoint, Duration.ofSeconds(5));
  }

  BatchDelivery delivery(URI endpoint, int maxAttempts) {
    return delivery(endpoint, maxAttempts, SECRET_KEY);
  }

  BatchDelivery delivery(URI endpoint, int maxAttempts, String secretKey) {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));
    return new BatchDelivery(requests(secretKey), transport(endpoint), maxAttempts, backoff, sleeps::add);
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
