package org.humiao.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import org.humiao.config.Settings;
import org.humiao.keys.KeyRingWatcher;

/** What the routes share across the service's life: built once by {@link HttpService}. */
record Components(
    Settings settings,
    KeyRingWatcher keys,
    EngineSlot engine,
    ScreeningPool pool,
    PrometheusMeterRegistry registry,
    Buffer openApi) {}
