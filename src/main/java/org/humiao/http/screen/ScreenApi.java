package org.humiao.http.screen;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.RecordingPool;

/**
 * The screening routes, mounted together: single and batch screening, the lexicon version and
 * its reload.
 *
 * @param recording the pool screening runs on; it holds an answer until its events are journaled
 * @param maxBatchItems the most texts one batch may carry
 */
public record ScreenApi(EngineSlot engine, RecordingPool recording, ScreeningEvents events, MeterRegistry registry,
                        int maxBatchItems) {

  public void mount(Vertx vertx, Mount mount) {
    TextScreener screener = new TextScreener(new DecisionMetrics(registry), events);
    mount.route(HttpMethod.POST, "/v1/text/screen", Access.PLATFORM_BODY,
        new ScreeningRoute(engine, recording, new SingleScreen(screener)));
    mount.route(HttpMethod.POST, "/v1/text/screen/batch", Access.PLATFORM_BODY,
        new ScreeningRoute(engine, recording, new BatchScreen(screener, maxBatchItems)));
    LexiconRoutes lexicons = new LexiconRoutes(vertx, engine);
    mount.route(HttpMethod.GET, "/v1/lexicons", Access.ANY_KEY, lexicons::version);
    mount.route(HttpMethod.POST, "/v1/admin/lexicons/reload", Access.ADMIN, lexicons::reload);
  }
}
