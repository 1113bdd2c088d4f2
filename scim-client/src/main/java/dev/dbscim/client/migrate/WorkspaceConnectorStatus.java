package dev.dbscim.client.migrate;

import java.util.List;
import org.immutables.value.Value;

/**
 * Where one workspace stands in a move from workspace-level to account-level provisioning: which identities its
 * connector provisions (those with an {@code externalId}), which are not yet covered at account level, and the
 * {@link ConnectorVerdict}. Immutable.
 */
@Value.Immutable
public abstract class WorkspaceConnectorStatus {
  WorkspaceConnectorStatus() {}

  static WorkspaceConnectorStatus of(long workspaceId, boolean federated, int provisioned, List<String> uncovered,
      List<String> localGroups, ConnectorVerdict verdict) {
    return ImmutableWorkspaceConnectorStatus.builder().workspaceId(workspaceId).federated(federated)
        .provisionedIdentities(provisioned).uncovered(uncovered).localGroups(localGroups).verdict(verdict).build();
  }

  /**
   * Returns the workspace id.
   *
   * @return the id
   */
  public abstract long workspaceId();

  /**
   * Returns whether the workspace is identity-federated (as configured, or as detected from its account-level
   * permission assignments).
   *
   * @return whether federated
   */
  public abstract boolean federated();

  /**
   * Returns how many users, service principals and groups of the workspace carry an {@code externalId}, that is,
   * were provisioned by its connector.
   *
   * @return the count
   */
  public abstract int provisionedIdentities();

  /**
   * Returns the provisioned identities not yet at account level with their {@code externalId}, or (federated) not
   * reaching the workspace through an assignment, as {@code user:<userName>}, {@code service-principal:<id>},
   * {@code group:<name>}.
   *
   * @return the uncovered identities
   */
  public abstract List<String> uncovered();

  /**
   * Returns the provisioned workspace-local groups still in the workspace.
   *
   * @return the group names
   */
  public abstract List<String> localGroups();

  /**
   * Returns whether the workspace's connector can be shut down.
   *
   * @return the verdict
   */
  public abstract ConnectorVerdict verdict();

  /**
   * Returns one line for people.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    int provisioned = provisionedIdentities();
    out.append("workspace ").append(workspaceId()).append(federated() ? " (federated)" : " (not federated)")
        .append(": ").append(provisioned).append(" provisioned identit").append(provisioned == 1 ? "y" : "ies")
        .append("; ");
    switch (verdict()) {
      case SHUT_DOWN:
        out.append("its workspace-level SCIM connector can be shut down");
        break;
      case APPLY_FIRST:
        out.append(uncovered().size())
            .append(" not yet at account level: apply the plan, then shut the connector down");
        break;
      case MIGRATE_LOCAL_GROUPS_FIRST:
        out.append("local group(s) ").append(localGroups())
            .append(" remain: migrate them with WorkspaceGroupMigration before shutting the connector down");
        break;
      default:
        out.append("keep its workspace-level SCIM connector running (no identity federation)");
        break;
    }
    return out.toString();
  }
}
