package dev.dbscim.client.migrate;

/** Whether a workspace's workspace-level SCIM connector can be shut down once provisioning moves to the account. */
public enum ConnectorVerdict {
  /**
   * The workspace is identity-federated and every identity its connector provisions exists at account level with its
   * external id and reaches the workspace through an assignment: the connector can be shut down.
   */
  SHUT_DOWN,
  /** Federated, but some provisioned identities are not at account level yet: apply the plan, then shut it down. */
  APPLY_FIRST,
  /**
   * Federated, but the connector provisions workspace-local groups: move them to account groups with
   * {@link WorkspaceGroupMigration} first, or the connector keeps recreating them.
   */
  MIGRATE_LOCAL_GROUPS_FIRST,
  /**
   * The workspace is not identity-federated: account principals cannot be assigned to it, so its connector must keep
   * running until identity federation is enabled.
   */
  KEEP_RUNNING
}
