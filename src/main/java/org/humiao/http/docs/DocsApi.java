package org.humiao.http.docs;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.StrictPage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API page at {@code /docs}: Swagger UI reading {@code /openapi.yaml}, all of it served by the
 * service under {@link StrictPage}'s policy (no CDN, no inline script). Our page and its
 * initializer come from {@code humiao-docs/}; Swagger UI's script and style from its webjar.
 */
public final class DocsApi {
  private static final String PAGE_ROOT = "humiao-docs";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  public void mount(Mount mount) {
    // our index.html and init.js first; what is not ours (the bundle, its CSS) from the webjar
    mount.route(HttpMethod.GET, "/docs/*", Access.PUBLIC, StrictPage::headers, StrictPage.files(PAGE_ROOT),
        StrictPage.files("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion()));
  }

  /** The webjar's version, from its own Maven metadata: the pom names it once. */
  private static String swaggerUiVersion() {
    try (InputStream in = DocsApi.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath (" + WEBJAR_POM + ")");
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
