package dev.dbscim.client.sync;

/**
 * Thrown by {@link SyncEngine#apply(SyncPlan)} before anything is sent when a plan removes more principals than its
 * {@link DeletionThreshold} allows and {@link SyncPlan#allowRemovalsAboveThreshold()} was not called.
 */
public final class DeletionThresholdExceededException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The plan's removals. */
  private final int removals;
  /** The managed principals the percentage is taken of. */
  private final int managedPrincipals;
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
        + threshold.maxPercent() + "%). Review the plan, then apply plan.allowRemovalsAboveThreshold() to proceed.");
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
