package org.humiao.http.regulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.ViolationSummaries;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The columns of the events export and an event's cells in them. */
public final class EventCsv {
  public static final List<String> HEADER = List.of("id", "time", "platform", "kind", "category", "severity", "rule", "user",
      "region", "mandatoryReport", "summary", "dataId");

  private EventCsv() {}

  static List<String> cells(JournalEntry entry) {
    ViolationEvent e = entry.event();
    return List.of(e.id(),
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.time().atZone(ViolationSummaries.ZONE)),
        e.platform(), e.kind().id(), e.category(), Integer.toString(e.severity()), text(e.rule()), text(e.user()),
        text(e.region()), Boolean.toString(e.mandatoryReport()), summary(e.evidence()), text(e.dataId()));
  }

  /**
   * A text event by its masked text and matched terms (what a reviewer reads; the raw text is
   * never journaled); any other event by its evidence's plain fields, {@code name=value; …}.
   */
  static String summary(JsonObject evidence) {
    String masked = evidence.getValue("masked") instanceof String s ? s : null;
    if (masked != null) {
      List<String> terms = new ArrayList<>();
      JsonArray found = evidence.getValue("terms") instanceof JsonArray a ? a : new JsonArray();
      found.forEach(t -> {
        if (t instanceof JsonObject term && term.getValue("term") instanceof String s) {
          terms.add(s);
        }
      });
      return terms.isEmpty() ? masked : masked + " [" + String.join(", ", terms) + "]";
    }
    StringJoiner fields = new StringJoiner("; ");
    for (Map.Entry<String, Object> field : evidence) {
      if (!(field.getValue() instanceof JsonObject) && !(field.getValue() instanceof JsonArray)) {
        fields.add(field.getKey() + "=" + field.getValue());
      }
    }
    return fields.toString();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
