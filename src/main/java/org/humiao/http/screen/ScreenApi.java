package org.humiao.http.screen;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.RecordingPool;
import org.humiao.http.guard.KeyCharsInFlight;
import org.humiao.http.guard.RateLimiter;
import org.humiao.moderation.lists.PlatformLists;

/**
 * The screening routes, mounted together: single and batch screening, the lexicon version and
 * its reload. Screening is charged to the key's rate by the characters it screens, and one key
 * screens at most {@link ScreenLimits#charsInFlightPerKey()} characters at once, so a key sending
 * the costliest texts cannot take the pool from the others.
 *
 * @param recording the pool screening runs on; it holds an answer until its events are journaled
 * @param rate the per-key token buckets, charged by characters screened
 * @param moderation what the platform's own moderation adds to screening
 */
public record ScreenApi(EngineSlot engine, RecordingPool recording, ScreeningEvents events, MeterRegistry registry,
                        RateLimiter rate, ScreenLimits limits, Moderation moderation) {

  public void mount(Vertx vertx, Mount mount) {
    TextScreener screener = new TextScreener(new DecisionMetrics(registry), events, moderation);
    KeyCharsInFlight share = new KeyCharsInFlight(limits.charsInFlightPerKey());
    RecordingPool loop = recording.onEventLoop("screening", limits.maxInFlight());
    mount.route(HttpMethod.POST, "/v1/text/screen", Access.PLATFORM_BODY, new ScreeningRoute(engine, recording, loop,
        limits.timeout(), new SingleScreen(screener, rate, share, new EventLoopScreening(limits.eventLoopMaxChars(), moderation),
            new ScreeningThreads(registry))));
    mount.route(HttpMethod.POST, "/v1/text/screen/batch", Access.PLATFORM_BODY,
        new ScreeningRoute(engine, recording, loop, limits.timeout(), new BatchScreen(screener, rate, share, limits)));
    LexiconRoutes lexicons = new LexiconRoutes(vertx, engine);
    mount.route(HttpMethod.GET, "/v1/lexicons", Access.ANY_KEY, lexicons::version);
    mount.route(HttpMethod.POST, "/v1/admin/lexicons/reload", Access.ADMIN, lexicons::reload);
  }
}
