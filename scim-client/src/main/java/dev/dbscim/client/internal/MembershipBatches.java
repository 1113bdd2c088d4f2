package dev.dbscim.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits member ids into the batches that group membership helpers send as one PATCH each.
 *
 * <p>Not public API; may change without notice.
 */
public final class MembershipBatches {
  /** The default batch size: 20 members per PATCH, as databrickslabs/ucx sends. */
  public static final int DEFAULT_BATCH_SIZE = 20;

  /** The largest batch size accepted; Databricks documents no limit, so this only guards against absurd values. */
  public static final int MAX_BATCH_SIZE = 1000;

  private MembershipBatches() {}

  /**
   * Returns the ids in batches of at most {@code batchSize}, in order, with repeated ids left out.
   *
   * @param memberIds the ids
   * @param batchSize the largest batch
   * @return the batches; empty for no ids
   * @throws IllegalArgumentException when an id is blank
   * @throws NullPointerException when an id is null
   */
  public static List<List<String>> split(Collection<String> memberIds, int batchSize) {
    Objects.requireNonNull(memberIds, "memberIds");
    checkBatchSize(batchSize);
    Set<String> unique = new LinkedHashSet<>();
    for (String id : memberIds) {
      Objects.requireNonNull(id, "member id");
      if (id.trim().isEmpty()) {
        throw new IllegalArgumentException("member ids must not be blank");
      }
      unique.add(id);
    }
    List<List<String>> batches = new ArrayList<>();
    List<String> current = new ArrayList<>(Math.min(batchSize, unique.size()));
    for (String id : unique) {
      current.add(id);
      if (current.size() == batchSize) {
        batches.add(Collections.unmodifiableList(current));
        current = new ArrayList<>(batchSize);
      }
    }
    if (!current.isEmpty()) {
      batches.add(Collections.unmodifiableList(current));
    }
    return Collections.unmodifiableList(batches);
  }

  /**
   * Returns the batch size after checking it.
   *
   * @param batchSize the batch size
   * @return the batch size
   * @throws IllegalArgumentException when it is not between 1 and {@value #MAX_BATCH_SIZE}
   */
  public static int checkBatchSize(int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("memberBatchSize must be between 1 and " + MAX_BATCH_SIZE + ": " + batchSize);
    }
    return batchSize;
  }
}
