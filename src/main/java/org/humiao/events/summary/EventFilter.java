package org.humiao.events.summary;

import org.humiao.events.ViolationEvent;
import org.humiao.regions.RegionScope;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which events a listing shows; a null field does not filter.
 *
 * @param minSeverity events of lower severity are left out (0 keeps all)
 * @param from earliest event time, inclusive
 * @param to latest event time, exclusive
 * @param regions the regions whose events show (a regulator key's scope)
 */
public record EventFilter(String platform, ViolationEvent.Kind kind, String category, int minSeverity, Instant from,
                          Instant to, RegionScope regions) implements Predicate<ViolationEvent> {
  public static final EventFilter ALL = new EventFilter(null, null, null, 0, null, null);

  /** A filter of every region. */
  public EventFilter(String platform, ViolationEvent.Kind kind, String category, int minSeverity, Instant from,
                     Instant to) {
    this(platform, kind, category, minSeverity, from, to, RegionScope.NATIONAL);
  }

  @Override
  public boolean test(ViolationEvent event) {
    return (platform == null || platform.equals(event.platform()))
        && (kind == null || kind == event.kind())
        && (category == null || category.equals(event.category()))
        && event.severity() >= minSeverity
        && (from == null || !event.time().isBefore(from))
        && (to == null || event.time().isBefore(to))
        && regions.contains(event.region());
  }
}
