package org.qiao.matching.domain.ranking;

import java.util.Arrays;

/**
 * A set of slots (the dense numbers an index gives its entries), stored the cheaper way for its
 * density: a bitset when more than one slot in {@value #DENSE_SHARE} has it (a bit per slot costs
 * less than an int per member then), otherwise a sorted array of slots. Slots are only ever added
 * in increasing order (the build numbers entries in order, later entries are appended), so the
 * array stays sorted without inserting in the middle.
 *
 * <p>Not thread-safe: the owning index guards it with its lock.
 */
final class SlotSet {

  /** A set becomes a bitset once it holds more than one slot in this many. */
  static final int DENSE_SHARE = 32;

  private long[] words; // non-null when dense
  private int[] slots; // sorted, when sparse
  private int size;

  SlotSet() {
    slots = new int[4];
  }

  static int wordsFor(int slotCount) {
    return (slotCount + 63) >>> 6;
  }

  /** Adds a slot larger than every slot added before. */
  void append(int slot) {
    if (words != null) {
      if ((slot >>> 6) >= words.length) {
        words = Arrays.copyOf(words, Math.max(wordsFor(slot + 1), words.length + words.length / 2));
      }
      words[slot >>> 6] |= 1L << slot;
      size++;
      return;
    }
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, size + (size >> 1) + 4);
    }
    slots[size++] = slot;
  }

  /** An empty set sized for count members among slotCount slots (filled by {@link #append}). */
  static SlotSet presized(int count, int slotCount) {
    SlotSet set = new SlotSet();
    if ((long) count * DENSE_SHARE > slotCount) {
      set.slots = null;
      set.words = new long[wordsFor(slotCount)];
    } else {
      set.slots = new int[Math.max(count, 1)];
    }
    return set;
  }

  /** After appends past the build: a set that grew popular becomes a bitset (cheaper, faster). */
  void densifyIfWorth(int slotCount) {
    if (words == null && size > 1024 && (long) size * DENSE_SHARE > slotCount) {
      long[] dense = new long[wordsFor(slotCount) + (slotCount >>> 7)];
      for (int i = 0; i < size; i++) {
        dense[slots[i] >>> 6] |= 1L << slots[i];
      }
      words = dense;
      slots = null;
    }
  }

  boolean contains(int slot) {
    if (words != null) {
      int w = slot >>> 6;
      return w < words.length && (words[w] & (1L << slot)) != 0;
    }
    return Arrays.binarySearch(slots, 0, size, slot) >= 0;
  }

  /** Members ever added (dead slots included; the index filters them by its live set). */
  int size() {
    return size;
  }

  boolean dense() {
    return words != null;
  }

  long[] words() {
    return words;
  }

  int[] slots() {
    return slots;
  }

  long bytes() {
    return 16 + (words != null ? 16 + 8L * words.length : 16 + 4L * slots.length);
  }

  /**
   * Reads a set one 64-slot word at a time, in increasing word order, without materialising a
   * sparse set: the cursor walks its sorted array alongside the scan.
   */
  static final class Cursor {
    private static final int[] NO_SLOTS = new int[0];
    private long[] words;
    private int[] slots;
    private int size;
    private int position;

    Cursor(SlotSet set) {
      reset(set);
    }

    void reset(SlotSet set) {
      position = 0;
      if (set == null) {
        words = null;
        slots = NO_SLOTS;
        size = 0;
      } else {
        words = set.words;
        slots = set.slots;
        size = set.size;
      }
    }

    /** The members among slots [64w, 64w+64) as bits; w never decreases between calls. */
    long word(int w) {
      if (words != null) {
        return w < words.length ? words[w] : 0L;
      }
      int p = position;
      int[] s = slots;
      int n = size;
      while (p < n && (s[p] >>> 6) < w) {
        p++;
      }
      long bits = 0L;
      while (p < n && (s[p] >>> 6) == w) {
        bits |= 1L << s[p];
        p++;
      }
      position = p;
      return bits;
    }

    /** Positions a sparse cursor at word w by binary search (for jumps over skipped ranges). */
    void seek(int w) {
      if (words != null || slots == null) {
        return;
      }
      int target = w << 6;
      int lo = position;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (slots[mid] < target) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      position = lo;
    }
  }
}
