package dev.dbscim.client.migrate;

import dev.dbscim.client.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * Entitlements (such as {@code allow-cluster-create} or {@code databricks-sql-access}) of a workspace-local group that
 * a {@link WorkspaceToAccountMigration} cannot move: account groups hold no entitlements, since Databricks manages
 * them per workspace. They stay on the workspace's local group; once a {@link WorkspaceGroupMigration} has assigned
 * the account group to the workspace, grant them to it in that workspace (a workspace-level PATCH of the group's
 * {@code entitlements}, or a workspace-level sync that manages them) before the local group is deleted. Immutable.
 */
@Value.Immutable
@ValueStyle
public abstract class EntitlementsLeftBehind {
  EntitlementsLeftBehind() {}

  /**
   * Returns the workspace id.
   *
   * @return the id
   */
  public abstract long workspaceId();

  /**
   * Returns the name of the workspace-local group that holds the entitlements.
   *
   * @return the group name
   */
  public abstract String groupName();

  /**
   * Returns the entitlements, sorted.
   *
   * @return the entitlement values
   */
  public abstract List<String> entitlements();

  /**
   * Returns one line for people.
   *
   * @return the description
   */
  public final String describe() {
    return "workspace " + workspaceId() + ": group " + groupName() + " keeps " + String.join(", ", entitlements())
        + " in the workspace (account groups hold no entitlements): after migrating the group, grant them to the "
        + "account group in that workspace, or keep a workspace-level sync that manages them";
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EntitlementsLeftBehind}; the migration is the only caller. */
  static final class Builder extends ImmutableEntitlementsLeftBehind.Builder {}
}
