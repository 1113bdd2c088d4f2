package dev.dbscim.client.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where one workspace stands in a move from workspace-level to account-level provisioning: which identities its
 * connector provisions (those with an {@code externalId}), which are not yet covered at account level, and the
 * {@link ConnectorVerdict}. Immutable.
 */
public final class WorkspaceConnectorStatus {
  private final long workspaceId;
  private final boolean federated;
  private final int provisioned;
  private final List<String> uncovered;
  private final List<String> localGroups;
  private final ConnectorVerdict verdict;

  WorkspaceConnectorStatus(long workspaceId, boolean federated, int provisioned, List<String> uncovered,
      List<String> localGroups, ConnectorVerdict verdict) {
    this.workspaceId = workspaceId;
    this.federated = federated;
    this.provisioned = provisioned;
    this.uncovered = Collections.unmodifiableList(new ArrayList<>(uncovered));
    this.localGroups = Collections.unmodifiableList(new ArrayList<>(localGroups));
    this.verdict = Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Returns the workspace id.
   *
   * @return the id
   */
  public long workspaceId() {
    return workspaceId;
  }

  /**
   * Returns whether the workspace is identity-federated (as configured, or as detected from its account-level
   * permission assignments).
   *
   * @return whether federated
   */
  public boolean federated() {
    return federated;
  }

  /**
   * Returns how many users, service principals and groups of the workspace carry an {@code externalId}, that is,
   * were provisioned by its connector.
   *
   * @return the count
   */
  public int provisionedIdentities() {
    return provisioned;
  }

  /**
   * Returns the provisioned identities not yet at account level with their {@code externalId}, or (federated) not
   * reaching the workspace through an assignment, as {@code user:<userName>}, {@code service-principal:<id>},
   * {@code group:<name>}.
   *
   * @return the uncovered identities
   */
  public List<String> uncovered() {
    return uncovered;
  }

  /**
   * Returns the provisioned workspace-local groups still in the workspace.
   *
   * @return the group names
   */
  public List<String> localGroups() {
    return localGroups;
  }

  /**
   * Returns whether the workspace's connector can be shut down.
   *
   * @return the verdict
   */
  public ConnectorVerdict verdict() {
    return verdict;
  }

  /**
   * Returns one line for people.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("workspace ").append(workspaceId).append(federated ? " (federated)" : " (not federated)").append(": ")
        .append(provisioned).append(" provisioned identit").append(provisioned == 1 ? "y" : "ies").append("; ");
    switch (verdict) {
      case SHUT_DOWN:
        out.append("its workspace-level SCIM connector can be shut down");
        break;
      case APPLY_FIRST:
        out.append(uncovered.size()).append(" not yet at account level: apply the plan, then shut the connector down");
        break;
      case MIGRATE_LOCAL_GROUPS_FIRST:
        out.append("local group(s) ").append(localGroups)
            .append(" remain: migrate them with WorkspaceGroupMigration before shutting the connector down");
        break;
      default:
        out.append("keep its workspace-level SCIM connector running (no identity federation)");
        break;
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof WorkspaceConnectorStatus)) {
      return false;
    }
    WorkspaceConnectorStatus that = (WorkspaceConnectorStatus) other;
    return workspaceId == that.workspaceId && federated == that.federated && provisioned == that.provisioned
        && uncovered.equals(that.uncovered) && localGroups.equals(that.localGroups) && verdict == that.verdict;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspaceId, federated, provisioned, uncovered, localGroups, verdict);
  }

  @Override
  public String toString() {
    return "WorkspaceConnectorStatus{workspaceId=" + workspaceId + ", federated=" + federated + ", verdict=" + verdict
        + ", uncovered=" + uncovered.size() + ", localGroups=" + localGroups + "}";
  }
}
