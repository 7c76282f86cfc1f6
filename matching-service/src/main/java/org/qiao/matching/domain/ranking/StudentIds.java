package org.qiao.matching.domain.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The pseudonymous student ids of an index's slots and the id → slot lookup, without a String per
 * student. A regular id ({@code s} + 26 base-32 characters {@code [a-z2-7]}) packs into 18 bytes:
 * characters 1–12 and 13–24 as 60-bit numbers, 25–26 as a 10-bit number, each character mapped
 * order-preservingly ('2'..'7' → 0..5, 'a'..'z' → 6..31), so comparing the numbers compares the ids
 * as {@link String#compareTo} does. Any other id is kept as a String beside (marked by a negative
 * head) and compared as a String. The lookup is an open-addressing table of slot + 1 (linear
 * probing, deletion by backward shift): 4 bytes per entry at ≤ 75% load, instead of a HashMap's ~50
 * bytes per entry.
 *
 * <p>Not thread-safe: the owning index guards it.
 */
final class StudentIds {

  private static final long IRREGULAR = -1L;

  private long[] head;
  private long[] mid;
  private char[] tail;
  private final Map<Integer, String> irregularIds = new HashMap<>();
  private final Map<String, Integer> irregularSlots = new HashMap<>();
  private int[] table;
  private int bound;

  StudentIds(int capacity) {
    head = new long[capacity];
    mid = new long[capacity];
    tail = new char[capacity];
    table = new int[tableSizeFor(capacity)];
  }

  private static int tableSizeFor(int entries) {
    int size = 16;
    while (size * 3L / 4 < entries) {
      size <<= 1;
    }
    return size;
  }

  void grow(int capacity) {
    head = Arrays.copyOf(head, capacity);
    mid = Arrays.copyOf(mid, capacity);
    tail = Arrays.copyOf(tail, capacity);
  }

  static boolean regular(String id) {
    if (id.length() != 27 || id.charAt(0) != 's') {
      return false;
    }
    for (int i = 1; i < 27; i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
        return false;
      }
    }
    return true;
  }

  private static long digit(char c) {
    return c >= 'a' ? c - 'a' + 6 : c - '2';
  }

  private static char character(long d) {
    return (char) (d >= 6 ? 'a' + (d - 6) : '2' + d);
  }

  private static long pack(String id, int from, int count) {
    long v = 0;
    for (int i = from; i < from + count; i++) {
      v = (v << 5) | digit(id.charAt(i));
    }
    return v;
  }

  /** Stores the id of a slot (not yet findable: see {@link #bind}). */
  void set(int slot, String id) {
    if (regular(id)) {
      head[slot] = pack(id, 1, 12);
      mid[slot] = pack(id, 13, 12);
      tail[slot] = (char) pack(id, 25, 2);
    } else {
      head[slot] = IRREGULAR;
      mid[slot] = 0;
      tail[slot] = 0;
      irregularIds.put(slot, id);
    }
  }

  String id(int slot) {
    if (head[slot] == IRREGULAR) {
      return irregularIds.get(slot);
    }
    char[] c = new char[27];
    c[0] = 's';
    unpack(head[slot], c, 1, 12);
    unpack(mid[slot], c, 13, 12);
    unpack(tail[slot], c, 25, 2);
    return new String(c);
  }

  private static void unpack(long v, char[] c, int from, int count) {
    for (int i = from + count - 1; i >= from; i--) {
      c[i] = character(v & 31);
      v >>>= 5;
    }
  }

  /** Compares the ids of two slots as String.compareTo compares them. */
  int compare(int a, int b) {
    long ha = head[a];
    long hb = head[b];
    if (ha != IRREGULAR && hb != IRREGULAR) {
      if (ha != hb) {
        return ha < hb ? -1 : 1;
      }
      long ma = mid[a];
      long mb = mid[b];
      if (ma != mb) {
        return ma < mb ? -1 : 1;
      }
      return Character.compare(tail[a], tail[b]);
    }
    return id(a).compareTo(id(b));
  }

  private int home(long h, long m, char t) {
    long x = h * 0x9E3779B97F4A7C15L ^ m * 0xC2B2AE3D27D4EB4FL ^ t;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 32;
    return (int) x & (table.length - 1);
  }

  private int homeOf(int slot) {
    return home(head[slot], mid[slot], tail[slot]);
  }

  /** The slot bound to an id, -1 when none. */
  int find(String id) {
    if (!regular(id)) {
      Integer slot = irregularSlots.get(id);
      return slot == null ? -1 : slot;
    }
    long h = pack(id, 1, 12);
    long m = pack(id, 13, 12);
    char t = (char) pack(id, 25, 2);
    int mask = table.length - 1;
    for (int i = home(h, m, t); ; i = (i + 1) & mask) {
      int e = table[i];
      if (e == 0) {
        return -1;
      }
      int s = e - 1;
      if (head[s] == h && mid[s] == m && tail[s] == t) {
        return s;
      }
    }
  }

  /** Makes an id (stored for slot by {@link #set}) findable at slot; replaces an earlier slot. */
  void bind(int slot) {
    if (head[slot] == IRREGULAR) {
      irregularSlots.put(irregularIds.get(slot), slot);
      return;
    }
    if ((bound + 1) * 4L > table.length * 3L) {
      rehash(table.length * 2);
    }
    int mask = table.length - 1;
    for (int i = homeOf(slot); ; i = (i + 1) & mask) {
      int e = table[i];
      if (e == 0) {
        table[i] = slot + 1;
        bound++;
        return;
      }
      int s = e - 1;
      if (head[s] == head[slot] && mid[s] == mid[slot] && tail[s] == tail[slot]) {
        table[i] = slot + 1;
        return;
      }
    }
  }

  /** Makes the id of slot unfindable (the slot keeps its id columns until reused). */
  void unbind(int slot) {
    if (head[slot] == IRREGULAR) {
      String id = irregularIds.remove(slot);
      irregularSlots.remove(id);
      return;
    }
    int mask = table.length - 1;
    int i = homeOf(slot);
    while (table[i] != slot + 1) {
      if (table[i] == 0) {
        return;
      }
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the probe run into the hole unless their
    // home lies cyclically in (hole, position].
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int e = table[j];
      if (e == 0) {
        break;
      }
      int k = homeOf(e - 1);
      boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (!stays) {
        table[i] = e;
        i = j;
      }
    }
    table[i] = 0;
    bound--;
  }

  /** A replaced slot whose id moved to a newer slot: forget a kept String. */
  void retire(int slot) {
    if (head[slot] == IRREGULAR) {
      irregularIds.remove(slot);
    }
  }

  private void rehash(int size) {
    int[] old = table;
    table = new int[size];
    int mask = size - 1;
    for (int e : old) {
      if (e != 0) {
        int i = homeOf(e - 1);
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = e;
      }
    }
  }

  long bytes() {
    return 16L * 3 + 18L * head.length + 4L * table.length + 120L * irregularIds.size();
  }
}
