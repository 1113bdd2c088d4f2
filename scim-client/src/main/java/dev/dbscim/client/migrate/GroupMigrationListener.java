package dev.dbscim.client.migrate;

import dev.dbscim.client.sync.SyncProgress;

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
   * @param progress the progress in groups, including this one: done of the groups the run works on (those with
   *     steps left), failed or blocked so far, and the time left, at least the rename pacing still ahead
   *     ({@link GroupMigrationOptions#renamesPerMinute()}) and otherwise the groups left at the rate so far
   */
  void onGroupDone(GroupMigrationResult result, SyncProgress progress);

  /**
   * Returns a listener that does nothing.
   *
   * @return the listener
   */
  static GroupMigrationListener none() {
    return (result, progress) -> { };
  }
}
