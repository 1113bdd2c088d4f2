package dev.dbscim.client.sync;

import java.util.Objects;

/**
 * The most removals (deactivations plus deletions of users, service principals and groups) a plan may carry before
 * {@link SyncEngine#apply(SyncPlan)} refuses it, like Entra ID's accidental-deletion prevention: a plan is refused when
 * its removals exceed {@link #maxRemovals()}, or exceed {@link #maxPercent()} percent of the managed principals that
 * exist (the percentage is checked only from {@link #PERCENT_RULE_MINIMUM} removals on, so a small directory can still
 * lose a few, and not at all when it is 100). A refused plan is applied only after {@link SyncPlan#allowRemovalsAboveThreshold()}.
 *
 * <pre>{@code
 * DeletionThreshold strict = DeletionThreshold.of(50, 5.0);   // at most 50 removals and at most 5%
 * }</pre>
 */
public final class DeletionThreshold {
  /** Removals below this count are never refused by the percentage rule. */
  public static final int PERCENT_RULE_MINIMUM = 10;

  private static final DeletionThreshold DEFAULT = new DeletionThreshold(500, 20.0);
  private static final DeletionThreshold NONE = new DeletionThreshold(Integer.MAX_VALUE, 100.0);

  private final int maxRemovals;
  private final double maxPercent;

  private DeletionThreshold(int maxRemovals, double maxPercent) {
    this.maxRemovals = maxRemovals;
    this.maxPercent = maxPercent;
  }

  /**
   * Returns the default threshold: at most 500 removals (Entra ID's default) and at most 20% of the managed principals.
   *
   * @return the default threshold
   */
  public static DeletionThreshold defaults() {
    return DEFAULT;
  }

  /**
   * Returns a threshold that never refuses a plan.
   *
   * @return the threshold
   */
  public static DeletionThreshold none() {
    return NONE;
  }

  /**
   * Returns a threshold.
   *
   * @param maxRemovals the most removals allowed, at least 0
   * @param maxPercent the most removals allowed as a percentage of the managed principals, 0 to 100
   * @return the threshold
   * @throws IllegalArgumentException when a value is out of range
   */
  public static DeletionThreshold of(int maxRemovals, double maxPercent) {
    if (maxRemovals < 0) {
      throw new IllegalArgumentException("maxRemovals must be at least 0: " + maxRemovals);
    }
    if (!(maxPercent >= 0 && maxPercent <= 100)) {
      throw new IllegalArgumentException("maxPercent must be between 0 and 100: " + maxPercent);
    }
    return new DeletionThreshold(maxRemovals, maxPercent);
  }

  /**
   * Returns the most removals allowed.
   *
   * @return the absolute limit
   */
  public int maxRemovals() {
    return maxRemovals;
  }

  /**
   * Returns the most removals allowed as a percentage of the managed principals.
   *
   * @return the percentage limit
   */
  public double maxPercent() {
    return maxPercent;
  }

  /**
   * Returns whether a plan with these counts goes over the threshold.
   *
   * @param removals the plan's deactivations and deletions
   * @param managedPrincipals the managed principals that exist before the plan
   * @return whether the plan would be refused
   */
  public boolean isExceededBy(int removals, int managedPrincipals) {
    if (removals > maxRemovals) {
      return true;
    }
    return maxPercent < 100 && removals >= PERCENT_RULE_MINIMUM
        && removals * 100.0 > maxPercent * Math.max(managedPrincipals, 1);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DeletionThreshold)) {
      return false;
    }
    DeletionThreshold that = (DeletionThreshold) other;
    return maxRemovals == that.maxRemovals && Double.compare(maxPercent, that.maxPercent) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRemovals, maxPercent);
  }

  @Override
  public String toString() {
    return "DeletionThreshold{maxRemovals=" + maxRemovals + ", maxPercent=" + maxPercent + "}";
  }
}
