package org.humiao.http.regulator;

import io.vertx.ext.web.handler.StaticHandler;
import org.humiao.http.StrictPage;

/**
 * The regulators' dashboard: static files from the classpath ({@code humiao-dashboard/}), served
 * under {@link StrictPage}'s Content-Security-Policy. The page holds no data; its script asks for
 * a key and reads the API with it, so the files need no key and nothing on them can leak.
 */
final class Dashboard {
  private static final String WEBROOT = "humiao-dashboard";

  private Dashboard() {}

  static StaticHandler assets() {
    return StrictPage.files(WEBROOT);
  }
}
