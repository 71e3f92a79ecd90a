package org.humiao.minor.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Lua script of {@code src/main/resources/redis/}, with its SHA-1 computed here: Redis names a
 * script by the SHA-1 of its text, so EVALSHA needs no SCRIPT LOAD round trip first, and EVAL (on
 * NOSCRIPT, after a restart or a SCRIPT FLUSH) both runs and caches it.
 */
public record RedisScript(String name, String source, String sha) {

  public static RedisScript load(String name) {
    String resource = "/redis/" + name + ".lua";
    try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + resource);
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new RedisScript(name, source, sha1(source));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + resource, e);
    }
  }

  /** Runs the script by its SHA-1, and by its text when Redis does not have it cached (NOSCRIPT). */
  public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return redis.send(evalSha(keys, args)).recover(e -> noScript(e) ? redis.send(eval(keys, args)) : Future.failedFuture(e));
  }

  /**
   * Waits at most {@code timeout} for a Redis answer; a failure or no answer in time is a
   * {@link StateUnavailableException}, never an answer.
   */
  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateUnavailableException("interrupted while waiting for Redis", e);
    } catch (ExecutionException e) {
      throw new StateUnavailableException("Redis failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StateUnavailableException("Redis did not answer within " + timeout, e);
    }
  }

  private static boolean noScript(Throwable e) {
    return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
  }

  Request evalSha(List<String> keys, List<String> args) {
    return request(Command.EVALSHA, sha, keys, args);
  }

  Request eval(List<String> keys, List<String> args) {
    return request(Command.EVAL, source, keys, args);
  }

  private static Request request(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-1 in this JVM", e);
    }
  }
}
