package dev.dbscim.client.sync;

import org.immutables.value.Value;

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
@Value.Immutable
public abstract class DeletionThreshold {
  /** Removals below this count are never refused by the percentage rule. */
  public static final int PERCENT_RULE_MINIMUM = 10;

  private static final DeletionThreshold DEFAULT = of(500, 20.0);
  private static final DeletionThreshold NONE = of(Integer.MAX_VALUE, 100.0);

  DeletionThreshold() {}

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
    return ImmutableDeletionThreshold.of(maxRemovals, maxPercent);
  }

  /**
   * Returns the most removals allowed.
   *
   * @return the absolute limit
   */
  @Value.Parameter
  public abstract int maxRemovals();

  /**
   * Returns the most removals allowed as a percentage of the managed principals.
   *
   * @return the percentage limit
   */
  @Value.Parameter
  public abstract double maxPercent();

  /**
   * Returns whether a plan with these counts goes over the threshold.
   *
   * @param removals the plan's deactivations and deletions
   * @param managedPrincipals the managed principals that exist before the plan
   * @return whether the plan would be refused
   */
  public boolean isExceededBy(int removals, int managedPrincipals) {
    if (removals > maxRemovals()) {
      return true;
    }
    return maxPercent() < 100 && removals >= PERCENT_RULE_MINIMUM
        && removals * 100.0 > maxPercent() * Math.max(managedPrincipals, 1);
  }

  @Value.Check
  void checkRanges() {
    if (maxRemovals() < 0) {
      throw new IllegalArgumentException("maxRemovals must be at least 0: " + maxRemovals());
    }
    if (!(maxPercent() >= 0 && maxPercent() <= 100)) {
      throw new IllegalArgumentException("maxPercent must be between 0 and 100: " + maxPercent());
    }
  }
}
