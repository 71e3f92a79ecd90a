package org.humiao.http.console;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.StrictPage;
import org.humiao.http.Webjar;
import org.humiao.regions.RegionTable;

/**
 * The regulators' console (监管控制台) at {@code /dashboard}: our static page from the classpath
 * ({@code humiao-dashboard/}) and ECharts from its webjar, both under {@link StrictPage}'s policy,
 * and the division names the page labels its region drill-down with. The page holds no data; its
 * script asks for a key and reads the API with it, so the files need no key and nothing on them can leak.
 *
 * @param regions the GB/T 2260 table whose names {@code GET /v1/regulator/regions} serves
 */
public record ConsoleApi(RegionTable regions) {
  private static final String PAGE_ROOT = "humiao-dashboard";

  public void mount(Mount mount) {
    // our files first; what is not ours (dist/echarts.min.js, the library's LICENSE) from the webjar
    mount.route(HttpMethod.GET, "/dashboard/*", Access.PUBLIC, StrictPage::headers, StrictPage.files(PAGE_ROOT),
        StrictPage.files(Webjar.root("org.webjars.npm", "echarts", "")));
    mount.route(HttpMethod.GET, "/v1/regulator/regions", Access.ANY_KEY, new RegionNames(regions)::handle);
  }
}
