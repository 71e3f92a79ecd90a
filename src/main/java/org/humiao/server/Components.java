package org.humiao.server;

import org.humiao.http.RecordingPool;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.RateLimiter;
import org.humiao.http.regulator.EventStream;
import org.humiao.http.screen.EngineSlot;
import org.humiao.http.screen.ScreeningEvents;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import org.humiao.config.Settings;
import org.humiao.keys.KeyRingWatcher;
import org.humiao.minor.MinorMode;
import org.humiao.moderation.review.ReviewQueue;
import org.humiao.pileon.PileOnTracker;
import org.humiao.server.metrics.EventLoopLag;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** What the routes and the server instances share across the service's life: built once by {@link HttpService}. */
record Components(
    Settings settings,
    KeyRingWatcher keys,
    EngineSlot engine,
    WorkerPool screeningPool,
    WorkerPool regulatorReads,
    PrometheusMeterRegistry registry,
    Buffer openApi,
    ServiceState state,
    RecordingPool recording,
    ScreeningEvents screeningEvents,
    MinorMode minorMode,
    RecordingPool minorRecording,
    EventStream streams,
    Optional<PileOnTracker> pileOn,
    RateLimiter rateLimiter,
    AtomicInteger openConnections,
    Clock clock,
    ReviewQueue reviews,
    EventLoopLag loopLag) {}
