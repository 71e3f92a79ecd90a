package org.humiao.moderation.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The table {@code src/test/resources/lists/bad-entries.jsonl}: changes to a list (a PUT's
 * {@code put}, a PATCH's {@code add} and {@code remove} on {@code existing} entries) and exactly
 * which entries each refuses, by array and index, under a limit of 5 entries of 64 characters.
 * A change with no problem must apply and hold its entries.
 */
class ListEditTablesTest {
  private static final Path TABLE = Path.of("src/test/resources/lists/bad-entries.jsonl");
  private static final ListLimits LIMITS = new ListLimits(5, 64);
  private static final Comparator<List<Object>> ORDER =
      Comparator.comparing((List<Object> p) -> (String) p.get(0)).thenComparing(p -> (Integer) p.get(1));

  @TestFactory
  Stream<DynamicTest> eachChangeRefusesExactlyItsBadEntries() throws IOException {
    return Files.readAllLines(TABLE, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(JsonObject::new)
        .map(row -> DynamicTest.dynamicTest(row.getString("case"), () -> check(row)));
  }

  private static void check(JsonObject row) {
    ListKind kind = ListKind.byId(row.getString("list")).orElseThrow();
    List<List<Object>> expected = row.getJsonArray("problems").stream()
        .map(p -> ((JsonArray) p).getList()).map(p -> List.<Object>of(p.get(0), p.get(1))).sorted(ORDER).toList();
    PlatformEntries existing = PlatformEntries.none("p");
    if (row.containsKey("existing")) {
      existing = ListEdit.replace(kind, row.getJsonArray("existing"), LIMITS).applyTo(existing);
    }
    PlatformEntries before = existing;
    if (expected.isEmpty()) {
      PlatformEntries after = edit(row, kind).applyTo(before);
      assertEquals(before.version() + 1, after.version());
      assertEquals(row.getJsonArray("put").size(), kind == ListKind.BLOCK ? after.block().size() : after.allow().size());
      return;
    }
    InvalidEntriesException refused = assertThrows(InvalidEntriesException.class, () -> edit(row, kind).applyTo(before));
    List<List<Object>> found = refused.problems().stream()
        .map(p -> List.<Object>of(p.field(), p.index())).sorted(ORDER).toList();
    assertEquals(expected, found, refused.getMessage());
  }

  private static ListEdit edit(JsonObject row, ListKind kind) {
    return row.containsKey("put") ? ListEdit.replace(kind, row.getJsonArray("put"), LIMITS)
        : ListEdit.patch(kind, row.getJsonArray("add", new JsonArray()), row.getJsonArray("remove", new JsonArray()), LIMITS);
  }
}
