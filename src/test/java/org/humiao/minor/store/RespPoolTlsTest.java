package org.humiao.minor.store;

import org.humiao.testing.Loopback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A {@code rediss://} address: the minor-mode store's connections speak TLS to a redis-server that
 * only listens for TLS, and refuse a server whose certificate they do not trust or that names another host.
 */
class RespPoolTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  @TempDir
  static Path dir;
  private static Process redis;
  private static int port;
  private static SSLSocketFactory trusting;

  @BeforeAll
  static void startTlsRedis() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
    port = Loopback.freePort();
    redis = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", Integer.toString(port), "--bind", "127.0.0.1", "127.0.0.2",
        "--save", "", "--appendonly", "no", "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
        "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Loopback.listening("127.0.0.1", port)) {
      if (!redis.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server with TLS did not come up on port " + port);
      }
      Loopback.pause(50);
    }
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trusted.setCertificateEntry("redis", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    trusting = context.getSocketFactory();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (redis != null) {
      redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRedissAddressSpeaksTls() {
    try (RespPool pool = RespPool.open("rediss://127.0.0.1:" + port, TIMEOUT, trusting)) {
      assertEquals("PONG", pool.call(List.of("PING")).toString());
      assertEquals("护苗", pool.call(List.of("EVAL", "return ARGV[1]", "0", "护苗")).toString());
    }
  }

  @Test
  void anUntrustedCertificateOrAnotherHostIsRefused() {
    try (RespPool jvmTrust = RespPool.open("rediss://127.0.0.1:" + port, TIMEOUT)) {
      assertThrows(StateUnavailableException.class, () -> jvmTrust.call(List.of("PING")), "a self-signed certificate");
    }
    // the certificate names localhost and 127.0.0.1; 127.0.0.2 reaches the same server under another name
    try (RespPool otherName = RespPool.open("rediss://127.0.0.2:" + port, TIMEOUT, trusting)) {
      assertThrows(StateUnavailableException.class, () -> otherName.call(List.of("PING")), "the host is checked");
    }
  }

  @Test
  void aPlainAddressToATlsPortFailsWithinTheTimeout() {
    try (RespPool plain = RespPool.open("redis://127.0.0.1:" + port, TIMEOUT)) {
      assertThrows(StateUnavailableException.class, () -> plain.call(List.of("PING")));
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", command));
    }
  }
}
