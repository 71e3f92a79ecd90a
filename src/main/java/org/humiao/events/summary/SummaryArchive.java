package org.humiao.events.summary;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;
import org.humiao.events.journal.JournalArchive;
import org.humiao.events.journal.JournalEntry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The summaries' counts of events whose journal segments retention deleted, kept in
 * {@code events/summary-archive.json}: one count per {@link SummaryCell}, and the journal offset
 * they cover up to. Loaded into the summaries on open, before the journal replays what it still
 * holds from that offset on, so a summary counts the same after retention as before.
 *
 * <p>The file is replaced atomically ({@link PrivateFiles#replace}) before the journal deletes the
 * segments it now covers, so a crash between the two leaves segments that the journal skips and
 * deletes on its next open, never events counted twice or not at all.
 */
public final class SummaryArchive implements JournalArchive {
  public static final String FILE = "summary-archive.json";
  private static final int VERSION = 1;

  private final Path file;
  /** Owned by the retention thread after open. */
  private Map<SummaryCell, Long> counts;
  private volatile long coveredEnd;

  private SummaryArchive(Path file, Map<SummaryCell, Long> counts, long coveredEnd) {
    this.file = file;
    this.counts = counts;
    this.coveredEnd = coveredEnd;
  }

  /** Reads the archive in {@code eventsDirectory}, if there is one, and adds its counts to {@code summaries}. */
  public static SummaryArchive open(Path eventsDirectory, ViolationSummaries summaries) throws IOException {
    Path file = eventsDirectory.resolve(FILE);
    if (!Files.exists(file)) {
      return new SummaryArchive(file, new HashMap<>(), 0);
    }
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    if (json.getInteger("version", 0) != VERSION) {
      throw new IOException(file + ": unknown version " + json.getValue("version"));
    }
    Map<SummaryCell, Long> counts = new HashMap<>();
    JsonArray cells = json.getJsonArray("cells");
    for (int i = 0; i < cells.size(); i++) {
      JsonObject cell = cells.getJsonObject(i);
      counts.merge(SummaryCell.fromJson(cell), cell.getLong("events"), Long::sum);
    }
    counts.forEach(summaries::add);
    return new SummaryArchive(file, counts, json.getLong("coveredEnd"));
  }

  @Override
  public long coveredEnd() {
    return coveredEnd;
  }

  /** Counts the entries into a copy, writes it, and only then lets the journal delete their segments. */
  @Override
  public void cover(Iterator<JournalEntry> entries, long end) throws IOException {
    Map<SummaryCell, Long> grown = new HashMap<>(counts);
    entries.forEachRemaining(entry -> grown.merge(SummaryCell.of(entry.event()), 1L, Long::sum));
    JsonArray cells = new JsonArray();
    grown.forEach((cell, events) -> cells.add(cell.toJson(events)));
    byte[] bytes = new JsonObject().put("version", VERSION).put("coveredEnd", end).put("cells", cells)
        .encode().getBytes(StandardCharsets.UTF_8);
    PrivateFiles.replace(file, channel -> PrivateFiles.writeFully(channel, ByteBuffer.wrap(bytes)));
    counts = grown;
    coveredEnd = end;
  }
}
