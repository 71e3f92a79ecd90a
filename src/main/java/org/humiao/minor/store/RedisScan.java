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

  /** Every key matching {@code pattern}, each request sent (and awaited) by {@code send}. */
  public static List<String> keys(Function<Request, Response> send, String pattern) {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Response page = send.apply(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(1000));
      cursor = page.get(0).toString();
      page.get(1).forEach(k -> keys.add(k.toString()));
    } while (!"0".equals(cursor));
    return keys;
  }

  /** A literal for a SCAN pattern: glob's special characters escaped. */
  public static String glob(String literal) {
    return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
  }
}
