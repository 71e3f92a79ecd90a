package org.humiao.http.docs;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.StrictPage;
import org.humiao.http.Webjar;

/**
 * The API page at {@code /docs}: Swagger UI reading {@code /openapi.yaml}, all of it served by the
 * service under {@link StrictPage}'s policy (no CDN, no inline script). Our page and its
 * initializer come from {@code humiao-docs/}; Swagger UI's script and style from its webjar.
 */
public final class DocsApi {
  private static final String PAGE_ROOT = "humiao-docs";

  public void mount(Mount mount) {
    // our index.html and init.js first; what is not ours (the bundle, its CSS) from the webjar
    mount.route(HttpMethod.GET, "/docs/*", Access.PUBLIC, StrictPage::headers, StrictPage.files(PAGE_ROOT),
        StrictPage.files(Webjar.root("org.webjars", "swagger-ui", "")));
  }
}
