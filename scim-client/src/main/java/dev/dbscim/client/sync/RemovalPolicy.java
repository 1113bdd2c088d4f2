package dev.dbscim.client.sync;

/**
 * What a sync does with managed principals that the directory no longer has. Every removal counts toward the
 * {@link DeletionThreshold}.
 */
public enum RemovalPolicy {
  /**
   * Deactivates users and service principals ({@code active: false}), which keeps them, their workspace assignments
   * and what they own, and can be undone; groups are kept and the plan warns about them. The default.
   */
  DEACTIVATE,
  /**
   * Deletes users, service principals and groups. Deleting a user removes them from every workspace; their tokens,
   * jobs, clusters and shared dashboards stop working. Deleting a group drops the access its members had through it.
   */
  DELETE,
  /** Leaves them alone; the plan only reports them. */
  KEEP
}
