package org.humiao.minor.store;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finding keys by pattern with SCAN, for what is rare and may walk the whole key space (a
 * data-rights request): the stores that erase a user's keys share it.
 */
public final class RedisScan {
  private RedisScan() {
  }

  private static final String PAGE = "1000";

  /** One SCAN answer: the next cursor ("0": done) and the keys found. */
  private record Page(String cursor, List<String> keys) {}

  /** Every key matching {@code pattern}, each request sent (and awaited) by {@code send}. */
  public static List<String> keys(Function<Request, Response> send, String pattern) {
    return pages(cursor -> {
      Response page = send.apply(
          Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(PAGE));
      List<String> keys = new ArrayList<>();
      page.get(1).forEach(k -> keys.add(k.toString()));
      return new Page(page.get(0).toString(), keys);
    });
  }

  /** Every key matching {@code pattern}, on a blocking client. */
  public static List<String> keys(BlockingRedis redis, String pattern) {
    return pages(cursor -> {
      Reply page = redis.call(List.of("SCAN", cursor, "MATCH", pattern, "COUNT", PAGE));
      List<String> keys = new ArrayList<>();
      page.get(1).forEach(k -> keys.add(k.toString()));
      return new Page(page.get(0).toString(), keys);
    });
  }

  private static List<String> pages(Function<String, Page> scan) {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Page page = scan.apply(cursor);
      keys.addAll(page.keys());
      cursor = page.cursor();
    } while (!"0".equals(cursor));
    return keys;
  }

  /** A literal for a SCAN pattern: glob's special characters escaped. */
  public static String glob(String literal) {
    return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
  }
}
