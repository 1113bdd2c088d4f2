package dev.dbscim.client.sync;

/**
 * Which principals in Databricks a sync considers its own when they are not (or no longer) in the directory, and so
 * may deactivate, delete or remove from managed groups and workspaces. Principals in the directory are always managed;
 * the built-in groups ({@code users}, {@code admins}, {@code account users}) and {@link SyncOptions#protectedNames()
 * protected} principals never are.
 */
public enum Ownership {
  /**
   * Principals that carry an {@code externalId}: those an identity provider or this engine provisioned (the engine
   * stamps one on every principal it creates or adopts, see {@link SyncOptions#stampExternalIds()}). Principals created
   * by hand, without an {@code externalId}, are left alone. The default.
   */
  EXTERNAL_ID,
  /** Every principal in the target except the built-in groups and protected principals. */
  ALL
}
