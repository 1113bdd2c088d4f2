package dev.dbscim.client.migrate;

/**
 * Hears about each group a {@link WorkspaceGroupMigration} run finishes, on the thread that applies, so it needs no
 * locking of its own; it should return quickly. Set it with {@link WorkspaceGroupMigration.Builder#listener}.
 *
 * <pre>{@code
 * GroupMigrationListener printer = (result, progress) -> System.err.println(result.name() + " " + progress);
 * }</pre>
 */
@FunctionalInterface
public interface GroupMigrationListener {
  /**
   * Called when the work of a group in this run ends: after its last step, a failure, or being blocked by a failed
   * member group.
   *
   * @param result the group's result
   * @param progress the progress including this group
   */
  void onGroupDone(GroupMigrationResult result, GroupMigrationProgress progress);

  /**
   * Returns a listener that does nothing.
   *
   * @return the listener
   */
  static GroupMigrationListener none() {
    return (result, progress) -> { };
  }
}
