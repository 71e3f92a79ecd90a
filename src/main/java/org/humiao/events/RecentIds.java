package org.humiao.events;

/**
 * The last {@code capacity} event ids seen, with where each was first recorded, oldest forgotten
 * first. Duplicates are an event sent again (a retried request, a forwarder resending from its last
 * cursor), so they follow their original closely; a window far wider than that catches them
 * without remembering every id. Not thread-safe: one owner thread.
 *
 * <p>Held in arrays allocated once, with no object per id: an id in the canonical form
 * {@link ViolationEvent} gives its ids (a lowercase UUID) as its two longs, any other as its string.
 * A map held an entry, a boxed position and the id string for each of the last 100,000 events, which
 * every young collection copied until they were old enough to promote.
 */
public final class RecentIds {
  private static final long NOWHERE = -1;
  private static final int UUID_LENGTH = 36;

  // the window, oldest first from `next` once full: an id's UUID bits, or its string when it is none
  private final long[] high;
  private final long[] low;
  private final String[] other;
  private final long[] positions;
  /** Open addressing, linear probing: 1 + the window slot of the id, 0 for none. */
  private final int[] table;
  private final int mask;
  private int next;
  private int size;

  public RecentIds(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    high = new long[capacity];
    low = new long[capacity];
    other = new String[capacity];
    positions = new long[capacity];
    // at most half full, so probes stay short
    int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
    table = new int[tableSize];
    mask = tableSize - 1;
  }

  /** True the first time {@code id} is seen within the window. */
  public boolean add(String id) {
    Key key = Key.of(id);
    if (find(key) >= 0) {
      return false;
    }
    insert(key, NOWHERE);
    return true;
  }

  /** Where {@code id} was remembered, or -1 if it is not within the window. */
  public long positionOf(String id) {
    int slot = find(Key.of(id));
    return slot < 0 ? NOWHERE : positions[slot];
  }

  /** Remembers {@code id} at {@code position}, unless it is already known. */
  public void remember(String id, long position) {
    Key key = Key.of(id);
    if (find(key) < 0) {
      insert(key, position);
    }
  }

  /** An id as the window compares it: a UUID's bits, or else the string. */
  private record Key(long high, long low, String other) {
    static Key of(String id) {
      if (id.length() == UUID_LENGTH) {
        long h = 0;
        long l = 0;
        for (int i = 0; i < UUID_LENGTH; i++) {
          char c = id.charAt(i);
          if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') {
              return new Key(0, 0, id);
            }
            continue;
          }
          // lowercase only: an uppercase spelling is another id, and must not meet this one's bits
          int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
          if (digit < 0) {
            return new Key(0, 0, id);
          }
          if (i < 18) {
            h = h << 4 | digit;
          } else {
            l = l << 4 | digit;
          }
        }
        return new Key(h, l, null);
      }
      return new Key(0, 0, id);
    }

    int hash() {
      long bits = other == null ? high * 0x9E3779B97F4A7C15L ^ low : other.hashCode() * 0x9E3779B97F4A7C15L;
      return (int) (bits ^ bits >>> 32);
    }
  }

  private boolean holds(int slot, Key key) {
    return key.other() == null ? other[slot] == null && high[slot] == key.high() && low[slot] == key.low()
        : key.other().equals(other[slot]);
  }

  private Key keyAt(int slot) {
    return new Key(high[slot], low[slot], other[slot]);
  }

  /** The window slot holding {@code key}, or -1. */
  private int find(Key key) {
    for (int i = key.hash() & mask; table[i] != 0; i = (i + 1) & mask) {
      if (holds(table[i] - 1, key)) {
        return table[i] - 1;
      }
    }
    return -1;
  }

  private void insert(Key key, long position) {
    if (size == positions.length) {
      forget(next);
    } else {
      size++;
    }
    int slot = next;
    high[slot] = key.high();
    low[slot] = key.low();
    other[slot] = key.other();
    positions[slot] = position;
    int i = key.hash() & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = slot + 1;
    next = (next + 1) % positions.length;
  }

  /** Takes the oldest id out of the table, moving back the ids after it that probed past it. */
  private void forget(int slot) {
    int hole = keyAt(slot).hash() & mask;
    while (table[hole] != slot + 1) {
      hole = (hole + 1) & mask;
    }
    for (int i = (hole + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
      int home = keyAt(table[i] - 1).hash() & mask;
      // an id stays where it is unless its home lies cyclically outside (hole, i]
      boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (!stays) {
        table[hole] = table[i];
        hole = i;
      }
    }
    table[hole] = 0;
    other[slot] = null;
  }
}
