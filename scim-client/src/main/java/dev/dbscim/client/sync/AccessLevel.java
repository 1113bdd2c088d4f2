package dev.dbscim.client.sync;

/**
 * A principal's effective access to one workspace. On an account target it comes from workspace assignments (direct,
 * or through any group, nested at any depth); on a workspace target from the {@code workspace-access} and
 * {@code databricks-sql-access} entitlements and the {@code admins} group. A deactivated principal has none.
 */
public enum AccessLevel {
  /** No access. */
  NONE,
  /** Uses the workspace (assignment {@code USER}, or an access entitlement). */
  USER,
  /** Administers the workspace (assignment {@code ADMIN}, or member of {@code admins}). */
  ADMIN
}
