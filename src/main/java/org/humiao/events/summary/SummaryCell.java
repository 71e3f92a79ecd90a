package org.humiao.events.summary;

import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * What one counter of the summaries counts by, as values rather than dictionary ids: the form the
 * {@link SummaryArchive} keeps on disk, since ids are numbered afresh on every start.
 *
 * @param hour the Beijing hour of day; null in a cell archived before hours were kept
 */
record SummaryCell(LocalDate day, String platform, String category, ViolationEvent.Kind kind, String region,
                   int severity, boolean mandatoryReport, Integer hour) {

  static SummaryCell of(ViolationEvent event) {
    ZonedDateTime time = event.time().atZone(ViolationSummaries.ZONE);
    return new SummaryCell(time.toLocalDate(), event.platform(), event.category(), event.kind(), event.region(),
        event.severity(), event.mandatoryReport(), time.getHour());
  }

  JsonObject toJson(long events) {
    return new JsonObject().put("day", day.toString()).put("platform", platform).put("category", category)
        .put("kind", kind.id()).put("region", region).put("severity", severity)
        .put("mandatoryReport", mandatoryReport).put("hour", hour).put("events", events);
  }

  static SummaryCell fromJson(JsonObject json) {
    return new SummaryCell(LocalDate.parse(json.getString("day")), json.getString("platform"),
        json.getString("category"), ViolationEvent.Kind.byId(json.getString("kind")), json.getString("region"),
        json.getInteger("severity"), json.getBoolean("mandatoryReport"), json.getInteger("hour"));
  }
}
