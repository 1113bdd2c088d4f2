package dev.dbscim.client.sync;

import dev.dbscim.client.error.SyncException;

/**
 * Thrown by {@link SyncEngine#apply(SyncPlan)} before anything is sent when a plan removes more principals than its
 * {@link DeletionThreshold} allows and {@link SyncPlan#allowRemovalsAboveThreshold()} was not called.
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}.
 */
public final class DeletionThresholdExceededException extends SyncException {
  private static final long serialVersionUID = 1L;

  /** The plan's removal count. */
  private final int removals;
  /** The managed principal count the percentage is taken of. */
  private final int managedPrincipals;
  /** The threshold exceeded; not serialised. */
  private final transient DeletionThreshold threshold;

  /**
   * Creates the exception.
   *
   * @param removals the plan's removals
   * @param managedPrincipals the managed principals the percentage is taken of
   * @param threshold the threshold exceeded
   */
  public DeletionThresholdExceededException(int removals, int managedPrincipals, DeletionThreshold threshold) {
    super("The plan deactivates or deletes " + removals + " of " + managedPrincipals
        + " managed principals, above the deletion threshold (" + threshold.maxRemovals() + " or "
        + threshold.maxPercent() + "%). Review the plan, then apply plan.allowRemovalsAboveThreshold() to proceed.", null);
    this.removals = removals;
    this.managedPrincipals = managedPrincipals;
    this.threshold = threshold;
  }

  /**
   * Returns the plan's removal count.
   *
   * @return the removals
   */
  public int removals() {
    return removals;
  }

  /**
   * Returns the managed principal count the percentage is taken of.
   *
   * @return the managed principals
   */
  public int managedPrincipals() {
    return managedPrincipals;
  }

  /**
   * Returns the threshold that was exceeded.
   *
   * @return the threshold
   */
  public DeletionThreshold threshold() {
    return threshold;
  }
}
