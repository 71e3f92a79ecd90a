package org.humiao.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.callbacks.AlertSender;

import java.util.function.ToDoubleFunction;

/**
 * The platforms' pile-on callbacks, watched: alerts by what became of them
 * ({@code humiao_pileon_callback_alerts_total{outcome=delivered|dropped}}), failed attempts
 * ({@code humiao_pileon_callback_failed_attempts_total}), alerts pending in the outbox and the age
 * of the oldest of them (from its surge), which grows while a receiver is down.
 */
public final class CallbackMetrics {
  private CallbackMetrics() {}

  public static void register(MeterRegistry registry, AlertSender sender) {
    alerts(registry, sender, "delivered", AlertSender::delivered);
    alerts(registry, sender, "dropped", AlertSender::dropped);
    FunctionCounter.builder("humiao.pileon.callback.failed.attempts", sender, AlertSender::failedAttempts)
        .description("pile-on alert deliveries that failed (no answer, or not 2xx) and will be tried again")
        .register(registry);
    Gauge.builder("humiao.pileon.callback.pending", sender, AlertSender::pending)
        .description("pile-on alerts in the outbox, not yet delivered")
        .register(registry);
    Gauge.builder("humiao.pileon.callback.oldest.age.seconds", sender, AlertSender::oldestAgeSeconds)
        .description("seconds since the surge of the oldest pile-on alert not yet delivered; 0 when none waits")
        .register(registry);
  }

  private static void alerts(MeterRegistry registry, AlertSender sender, String outcome,
      ToDoubleFunction<AlertSender> count) {
    FunctionCounter.builder("humiao.pileon.callback.alerts", sender, count).tag("outcome", outcome)
        .description("pile-on alerts by what became of them: delivered (2xx), or dropped (no callback any more, "
            + "past callbackGiveUpHours, or not queued)")
        .register(registry);
  }
}
