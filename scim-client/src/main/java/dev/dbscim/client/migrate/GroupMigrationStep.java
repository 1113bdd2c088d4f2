package dev.dbscim.client.migrate;

/**
 * The steps that move one workspace-local group to an account group, in the order a {@link WorkspaceGroupMigration}
 * runs them. Each step is checked before the next one starts.
 */
public enum GroupMigrationStep {
  /** Creates the account group with the local group's name and members (one POST, so it never exists half-filled). */
  CREATE_ACCOUNT_GROUP,
  /** Adds the local group's missing members to an existing account group of that name (never removes any). */
  ADD_MEMBERS,
  /** Renames the local group to the rename prefix plus its name, then waits until workspace lists show the new name. */
  RENAME_LOCAL_GROUP,
  /** Assigns the account group to the workspace with the local group's workspace permission. */
  ASSIGN_ACCOUNT_GROUP,
  /**
   * Moves the renamed local group's permissions (on jobs, clusters, notebooks, warehouses, table ACLs...) to the
   * account group with the permission migration API, {@link GroupMigrationOptions#permissionBatchSize()} at a time,
   * until the API answers 0. Planned for every renamed local group that still exists, because only that API can tell
   * whether permissions are left: on a group an earlier run finished, it costs one request that moves nothing.
   */
  MIGRATE_PERMISSIONS,
  /**
   * Checks that the account group is visible in the workspace with every member and that the permission migration API
   * moves nothing more (so the local group holds no permission it could take away), then deletes the renamed local
   * group; refused when a permission may remain. Planned only when {@link GroupMigrationOptions#dangerouslyDeleteLocalGroups()} is set.
   */
  DELETE_LOCAL_GROUP
}
