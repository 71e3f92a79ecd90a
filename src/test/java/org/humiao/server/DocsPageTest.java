package org.humiao.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.http.StrictPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API page at /docs: Swagger UI and its assets from the service itself, under the strict policy. */
class DocsPageTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());

  private static HttpResponse<Buffer> page(String path, String type) {
    HttpResponse<Buffer> r = app.client().get(path, null);
    assertEquals(200, r.statusCode(), path);
    assertEquals(StrictPage.CSP, r.getHeader("Content-Security-Policy"), path);
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), path);
    assertTrue(r.getHeader("Content-Type").startsWith(type), path + ": " + r.getHeader("Content-Type"));
    return r;
  }

  @Test
  void thePageAndEveryAssetItNamesAreServedHereUnderTheStrictPolicy() {
    for (String path : List.of("/docs", "/docs/", "/docs/index.html")) {
      String html = page(path, "text/html").bodyAsString();
      assertTrue(html.contains("id=\"swagger-ui\""), html);
      assertFalse(html.matches("(?s).*<script[^>]*>[^<]+</script>.*"), "no inline script");
      assertFalse(html.contains("style="), "no inline style");
    }
    List<String> assets = new ArrayList<>();
    Matcher m = ASSET.matcher(app.client().get("/docs/", null).bodyAsString());
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertEquals(List.of("/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/init.js"), assets,
        "same-origin assets only, no CDN");
    page("/docs/swagger-ui.css", "text/css");
    assertTrue(page("/docs/swagger-ui-bundle.js", "text/javascript").body().length() > 100_000,
        "the Swagger UI bundle from the webjar");
    String init = page("/docs/init.js", "text/javascript").bodyAsString();
    assertTrue(init.contains("url: '/openapi.yaml'"), init);
  }

  @Test
  void theContractItReadsIsServed() {
    HttpResponse<Buffer> r = app.client().get("/openapi.yaml", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("application/yaml"));
    assertTrue(r.bodyAsString().startsWith("openapi: 3.1"), r.bodyAsString().substring(0, 40));
  }

  @Test
  void aMissingAssetIsNotFound() {
    Client.assertError(app.client().get("/docs/nothing.js", null), 404, "not_found");
  }
}
