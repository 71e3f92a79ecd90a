package org.humiao.http.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.Responses;
import org.humiao.http.guard.Authenticator;
import org.humiao.regions.Region;
import org.humiao.regions.RegionScope;
import org.humiao.regions.RegionTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /v1/regulator/regions}: the divisions of the key's scope (a regulator key's division
 * and those under it; the whole table for other keys), with names and parents, for the console to
 * name the regions of its drill-down. Each scope's answer is encoded once and kept: the table never
 * changes while the service runs, and all scopes together hold each division about three times.
 */
final class RegionNames {
  private static final String NATIONAL = "";

  private final RegionTable table;
  private final Map<String, Buffer> answers = new ConcurrentHashMap<>();

  RegionNames(RegionTable table) {
    this.table = table;
  }

  void handle(RoutingContext ctx) {
    RegionScope scope = Authenticator.key(ctx).scope();
    String cacheKey = scope.national() ? NATIONAL : scope.code();
    Responses.json(ctx, 200, answers.computeIfAbsent(cacheKey, k -> encode(scope)));
  }

  private Buffer encode(RegionScope scope) {
    JsonArray regions = new JsonArray();
    for (Region r : table.within(scope)) {
      regions.add(new JsonObject().put("code", r.code()).put("name", r.name()).put("parent", r.parent()));
    }
    return new JsonObject().put("region", scope.code()).put("regions", regions).toBuffer();
  }
}
