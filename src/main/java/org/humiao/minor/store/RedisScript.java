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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script of {@code src/main/resources/redis/}, with its SHA-1 computed here: Redis names a
 * script by the SHA-1 of its text, so EVALSHA needs no SCRIPT LOAD round trip first, and EVAL (on
 * NOSCRIPT, after a restart or a SCRIPT FLUSH) both runs and caches it. Functions several scripts
 * share live in {@code redis/lib/} and are put before the script's own text (Redis scripts cannot
 * call each other).
 */
public record RedisScript(String name, String source, String sha) {

  /** The script {@code redis/NAME.lua}, after the text of each {@code redis/lib/LIBRARY.lua} it uses. */
  public static RedisScript load(String name, String... libraries) {
    StringBuilder source = new StringBuilder();
    for (String library : libraries) {
      source.append(read("/redis/lib/" + library + ".lua")).append('\n');
    }
    String text = source.append(read("/redis/" + name + ".lua")).toString();
    return new RedisScript(name, text, sha1(text));
  }

  private static String read(String resource) {
    try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + resource, e);
    }
  }

  /** Runs the script by its SHA-1, and by its text when Redis does not know it (NOSCRIPT). */
  public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return redis.send(request(Command.EVALSHA, sha, keys, args)).recover(e -> noScript(e)
        ? redis.send(request(Command.EVAL, source, keys, args))
        : Future.failedFuture(e));
  }

  /** As {@link #run(Redis, List, List)}, on a blocking client: the answer, on the calling thread. */
  public Reply run(BlockingRedis redis, List<String> keys, List<String> args) {
    try {
      return redis.call(command("EVALSHA", sha, keys, args));
    } catch (StateUnavailableException e) {
      if (e.getCause() instanceof RespConnection.ErrorReply answer && noScript(answer)) {
        return redis.call(command("EVAL", source, keys, args));
      }
      throw e;
    }
  }

  private static boolean noScript(Throwable e) {
    return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
  }

  private static List<String> command(String command, String script, List<String> keys, List<String> args) {
    List<String> parts = new ArrayList<>(3 + keys.size() + args.size());
    parts.add(command);
    parts.add(script);
    parts.add(String.valueOf(keys.size()));
    parts.addAll(keys);
    parts.addAll(args);
    return parts;
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
