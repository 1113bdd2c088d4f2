package dev.dbscim.testkit.internal;

import dev.dbscim.testkit.internal.FakeStore.Kind;
import java.util.List;

/**
 * Told by {@link FakeStore} when principals appear in a scope or their workspace assignment changes, while the store's
 * lock is held; implementations may call back into the store. {@link FakeBuiltins} keeps the built-in groups with it.
 */
public interface FakeStoreListener {
  /** A listener that ignores everything. */
  FakeStoreListener NONE = new FakeStoreListener() {
    @Override
    public void created(long scope, Kind kind, String id, long home) {}

    @Override
    public void assigned(long workspaceId, String id, Kind kind, List<String> permissions) {}

    @Override
    public void deleting(Kind kind, String id) {}
  };

  /**
   * Called after a principal was created by a POST (or seeding) in {@code scope}.
   *
   * @param scope {@link FakeStore#ACCOUNT} or the workspace the POST went to
   * @param kind the kind
   * @param id the new id
   * @param home where it lives: {@link FakeStore#ACCOUNT} or a workspace id (workspace-local)
   */
  void created(long scope, Kind kind, String id, long home);

  /**
   * Called after an account principal's direct assignment to a workspace was set or removed.
   *
   * @param workspaceId the workspace
   * @param id the principal id
   * @param kind the kind
   * @param permissions the permissions now held; empty when the assignment was removed
   */
  void assigned(long workspaceId, String id, Kind kind, List<String> permissions);

  /**
   * Called before a principal is deleted through a SCIM DELETE; may refuse by throwing a {@link FakeFailure}.
   *
   * @param kind the kind
   * @param id the id
   */
  void deleting(Kind kind, String id);
}
