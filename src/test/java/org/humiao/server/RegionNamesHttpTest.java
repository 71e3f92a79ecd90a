package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.humiao.server.Client.ok;
import static org.humiao.server.CasesHttpTest.regulator;
import static org.humiao.server.Client.assertError;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code GET /v1/regulator/regions}, the names the console labels its drill-down with: a scoped
 * regulator key gets its division and those under it, any other key the whole shipped table.
 */
@ExtendWith(VertxExtension.class)
class RegionNamesHttpTest {
  /** Rows of src/main/resources/regions/gbt2260.tsv. */
  private static final int TABLE = 3217;

  @TempDir
  Path dir;

  @Test
  void aScopedKeyGetsItsDivisionAndThoseUnderItOthersTheWholeTable(Vertx vertx) throws Exception {
    try (LocalService service = new LocalService(dir, Map.of()); Client client = new Client(vertx, service.port())) {
      String city = regulator(service, "530500");
      String county = regulator(service, "513230");
      eventually(() -> client.get("/v1/regulator/regions", county).statusCode() == 200, "the new keys are loaded");

      JsonObject baoshan = ok(client.get("/v1/regulator/regions", city));
      assertEquals("530500", baoshan.getString("region"));
      assertEquals(List.of("530500 保山市 530000", "530502 隆阳区 530500", "530521 施甸县 530500", "530523 龙陵县 530500",
          "530524 昌宁县 530500", "530581 腾冲市 530500"), lines(baoshan.getJsonArray("regions")));
      assertEquals(List.of("513230 壤塘县 513200"), lines(ok(client.get("/v1/regulator/regions", county))
          .getJsonArray("regions")));

      for (String key : List.of(service.regulatorKey, service.platformKey, service.adminKey)) {
        JsonObject all = ok(client.get("/v1/regulator/regions", key));
        assertNull(all.getString("region"));
        assertEquals(TABLE, all.getJsonArray("regions").size());
        assertEquals("110000 北京市 null", lines(all.getJsonArray("regions")).get(0));
      }
      assertError(client.get("/v1/regulator/regions", null), 401, "unauthorized");
    }
  }

  private static List<String> lines(JsonArray regions) {
    return regions.stream().map(r -> (JsonObject) r)
        .map(r -> r.getString("code") + " " + r.getString("name") + " " + r.getString("parent")).toList();
  }
}
