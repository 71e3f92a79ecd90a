package org.humiao.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code humiao_build_info{version,lexicon} 1}: which build and which lexicon version each
 * instance runs, the Prometheus convention for facts that are labels. The lexicon changes on a
 * reload, so the gauge is re-registered under the new label when {@link #refresh()} sees it.
 */
public final class BuildInfoMetrics {
  private static final String NAME = "humiao.build.info";

  private final MeterRegistry registry;
  private final String version;
  private final Supplier<String> lexicon;
  private final AtomicReference<Gauge> current = new AtomicReference<>();

  public BuildInfoMetrics(MeterRegistry registry, String version, Supplier<String> lexicon) {
    this.registry = registry;
    this.version = version;
    this.lexicon = lexicon;
  }

  /** Call before each scrape: cheap when the lexicon has not changed. */
  public void refresh() {
    String now = lexicon.get();
    Gauge gauge = current.get();
    if (gauge != null && now.equals(gauge.getId().getTag("lexicon"))) {
      return;
    }
    Gauge next = Gauge.builder(NAME, () -> 1)
        .description("the build's version and the lexicon version in force (always 1)")
        .tag("version", version)
        .tag("lexicon", now)
        .register(registry);
    if (current.compareAndSet(gauge, next) && gauge != null) {
      registry.remove(gauge);
    }
  }
}
