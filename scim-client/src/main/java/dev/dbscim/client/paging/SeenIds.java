package dev.dbscim.client.paging;

/**
 * The ids one iteration of a {@link PagedIterable} has yielded, for its de-duplication: a set of strings in one array,
 * probed linearly, with each id's hash code kept beside it. Compared with a {@code HashSet}, adding an id allocates no
 * node, a lookup compares stored hash codes before it reads another id, and growing re-slots the stored hash codes
 * without reading the ids again; the answers are the same ({@link String#equals}). Not thread-safe.
 */
final class SeenIds {
  /** Slots (a power of two) are at most half full, so a probe ends after a few slots. */
  private String[] ids;
  private int[] hashes;
  private int size;
  private int shift;

  SeenIds() {
    allocate(4);
  }

  /**
   * Adds an id.
   *
   * @param id the id
   * @return whether the id was not there yet
   */
  boolean add(String id) {
    int hash = id.hashCode();
    int mask = ids.length - 1;
    for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
      String present = ids[slot];
      if (present == null) {
        ids[slot] = id;
        hashes[slot] = hash;
        if (++size > ids.length >>> 1) {
          grow();
        }
        return true;
      }
      if (hashes[slot] == hash && present.equals(id)) {
        return false;
      }
    }
  }

  /** Returns the number of ids. */
  int size() {
    return size;
  }

  /** Fibonacci hashing: the top bits of the hash times 2^32 / phi, so neighbouring hash codes land far apart. */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  private void allocate(int bits) {
    ids = new String[1 << bits];
    hashes = new int[1 << bits];
    shift = 32 - bits;
  }

  private void grow() {
    String[] oldIds = ids;
    int[] oldHashes = hashes;
    allocate(32 - shift + 1);
    int mask = ids.length - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null) {
        int slot = slot(oldHashes[i]);
        while (ids[slot] != null) {
          slot = (slot + 1) & mask;
        }
        ids[slot] = oldIds[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
