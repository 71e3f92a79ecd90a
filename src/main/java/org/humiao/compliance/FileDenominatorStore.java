package org.humiao.compliance;

import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The embedded profile's denominators: one small file per denominator and Beijing day in {@code
 * DATA_DIR/compliance/} ({@code screened-2026-12-07.json}, {@code sessions-2026-12-07.json}: {@code
 * {"platform\tregion": count}}), replaced atomically
 * ({@link PrivateFiles#replace}) with the day's whole counts on each flush that touches the day. A
 * day holds one count per platform and region, so a file stays small and a flush rewrites only
 * today's (and, around midnight, yesterday's). All days are read on open and kept in memory.
 */
public final class FileDenominatorStore implements DenominatorStore {
  static final String DIR = "compliance";
  private static final String SUFFIX = ".json";

  private final Path dir;
  private final Denominator denominator;
  /** {@code screened-}, {@code sessions-}: a day's file name is this, the day and {@link #SUFFIX}. */
  private final String prefix;
  private final NavigableMap<LocalDate, Map<String, Long>> days = new TreeMap<>();

  private FileDenominatorStore(Path dir, Denominator denominator) {
    this.dir = dir;
    this.denominator = denominator;
    this.prefix = denominator.id + "-";
  }

  /** Opens the counts of {@code denominator} under {@code dataDir}, creating the directory (0700) if it is not there. */
  public static FileDenominatorStore open(Path dataDir, Denominator denominator) throws IOException {
    FileDenominatorStore store = new FileDenominatorStore(PrivateFiles.createDirectories(dataDir.resolve(DIR)), denominator);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(store.dir, store.prefix + "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        LocalDate day;
        try {
          day = LocalDate.parse(name.substring(store.prefix.length(), name.length() - SUFFIX.length()));
        } catch (DateTimeParseException e) {
          continue; // not one of ours
        }
        Map<String, Long> counts = new HashMap<>();
        new JsonObject(Files.readString(file, StandardCharsets.UTF_8))
            .forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        store.days.put(day, counts);
      }
    }
    return store;
  }

  @Override
  public Denominator denominator() {
    return denominator;
  }

  @Override
  public synchronized void add(Map<TallyKey, Long> counts) {
    LocalDate day = DenominatorStore.day(counts);
    if (day == null) {
      return;
    }
    Map<String, Long> next = new HashMap<>(days.getOrDefault(day, Map.of()));
    counts.forEach((key, n) -> next.merge(key.field(), n, Long::sum));
    write(day, next);
    // in memory only once on disk: a failed write leaves the counts as they were, for the next flush to retry
    days.put(day, next);
  }

  private void write(LocalDate day, Map<String, Long> counts) {
    byte[] json = new JsonObject(new HashMap<>(counts)).encode().getBytes(StandardCharsets.UTF_8);
    try {
      PrivateFiles.replace(dir.resolve(prefix + day + SUFFIX), channel -> PrivateFiles.writeFully(channel, ByteBuffer.wrap(json)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + denominator.id + " counts of " + day, e);
    }
  }

  @Override
  public synchronized Map<TallyKey, Long> read(LocalDate from, LocalDate to) {
    Map<TallyKey, Long> answer = new HashMap<>();
    days.subMap(from, true, to, true).forEach((day, counts) ->
        counts.forEach((field, n) -> answer.put(TallyKey.of(day, field), n)));
    return answer;
  }

  @Override
  public void close() {
    // every count is on disk once add returns; nothing is held open
  }
}
