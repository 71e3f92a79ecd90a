package org.humiao.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window of ids answers as a map of the last {@code capacity} distinct ids would, in arrays. */
class RecentIdsTest {
  /** What the window must do: a map in insertion order that forgets its eldest past the capacity. */
  private static Map<String, Long> model(int capacity) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  @Test
  void answersAsTheLastDistinctIdsWouldThroughManyEvictions() {
    Random random = new Random(20261207);
    // UUIDs as events carry them, their uppercase spellings (other ids), and ids of other shapes
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
      ids.add(uuid);
      ids.add(uuid.toUpperCase(Locale.ROOT));
      ids.add("e" + i);
      ids.add(uuid.replace('-', '_'));
    }
    ids.add(new UUID(0, 0).toString());
    for (int capacity : new int[] {1, 7, 64}) {
      RecentIds window = new RecentIds(capacity);
      Map<String, Long> expected = model(capacity);
      for (int step = 0; step < 20_000; step++) {
        String id = ids.get(random.nextInt(ids.size()));
        switch (random.nextInt(3)) {
          case 0 -> assertEquals(expected.putIfAbsent(id, -1L) == null, window.add(id), id);
          case 1 -> {
            expected.putIfAbsent(id, (long) step);
            window.remember(id, step);
          }
          default -> assertEquals(expected.getOrDefault(id, -1L), window.positionOf(id), id);
        }
      }
      for (String id : ids) {
        assertEquals(expected.getOrDefault(id, -1L), window.positionOf(id), "capacity " + capacity + ": " + id);
      }
    }
  }

  @Test
  void aUuidAndItsUppercaseSpellingAreTwoIds() {
    String id = UUID.randomUUID().toString();
    RecentIds window = new RecentIds(4);
    window.remember(id, 3);
    assertEquals(-1, window.positionOf(id.toUpperCase(Locale.ROOT)));
    assertTrue(window.add(id.toUpperCase(Locale.ROOT)));
    assertFalse(window.add(id));
    assertEquals(3, window.positionOf(id));
  }
}
