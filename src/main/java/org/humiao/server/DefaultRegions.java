package org.humiao.server;

import org.humiao.events.ViolationEvent;
import org.humiao.keys.KeyRing;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gives an event that names no region its platform's default (the region of the platform's keys,
 * {@link KeyRing#platformRegion}) before it is journaled, so screening and minor-mode events alike
 * reach the regulator of the platform's area. The key ring is asked per event: a changed keys.json
 * applies at once.
 */
final class DefaultRegions implements Consumer<ViolationEvent> {
  private final Supplier<KeyRing> keys;
  private final Consumer<ViolationEvent> sink;

  DefaultRegions(Supplier<KeyRing> keys, Consumer<ViolationEvent> sink) {
    this.keys = keys;
    this.sink = sink;
  }

  @Override
  public void accept(ViolationEvent event) {
    sink.accept(event.region() != null ? event
        : keys.get().platformRegion(event.platform()).map(event::withRegion).orElse(event));
  }
}
