package dev.dbscim.client.sync;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.GroupsApi;
import dev.dbscim.client.api.ServicePrincipalsApi;
import dev.dbscim.client.api.UsersApi;
import dev.dbscim.client.api.WorkspaceAssignmentsApi;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a sync provisions: the account (recommended; workspaces with identity federation then get principals through
 * workspace assignments), or one workspace without identity federation.
 *
 * <pre>{@code
 * SyncTarget account = SyncTarget.account(accountClient);
 * SyncTarget workspace = SyncTarget.workspace(workspaceClient);
 * }</pre>
 */
public final class SyncTarget {
  /** The level a target provisions at. */
  public enum Kind {
    /** Account-level SCIM, with workspace assignments. */
    ACCOUNT,
    /** Workspace-level SCIM of a workspace without identity federation. */
    WORKSPACE
  }

  private final Kind kind;
  private final String description;
  private final UsersApi users;
  private final GroupsApi groups;
  private final ServicePrincipalsApi servicePrincipals;
  private final WorkspaceAssignmentsApi workspaceAssignments;
  /** The client of a workspace target, which also reads its objects; null on an account target. */
  private final ScimWorkspaceClient workspaceClient;

  private SyncTarget(Kind kind, String description, UsersApi users, GroupsApi groups,
      ServicePrincipalsApi servicePrincipals, WorkspaceAssignmentsApi workspaceAssignments,
      ScimWorkspaceClient workspaceClient) {
    this.kind = kind;
    this.description = description;
    this.users = users;
    this.groups = groups;
    this.servicePrincipals = servicePrincipals;
    this.workspaceAssignments = workspaceAssignments;
    this.workspaceClient = workspaceClient;
  }

  /**
   * Returns the account target of a client; directory workspace assignments are applied through it.
   *
   * @param client the account client, which the caller keeps and closes
   * @return the target
   */
  public static SyncTarget account(ScimAccountClient client) {
    Objects.requireNonNull(client, "client");
    return new SyncTarget(Kind.ACCOUNT, "account " + client.accountId() + " at " + host(client.config().endpoint()),
        client.users(), client.groups(), client.servicePrincipals(), client.workspaceAssignments(), null);
  }

  /**
   * Returns the workspace target of a client. Only workspace-local groups are managed there; directory workspace
   * assignments do not apply (the plan warns about them).
   *
   * @param client the workspace client, which the caller keeps and closes
   * @return the target
   */
  public static SyncTarget workspace(ScimWorkspaceClient client) {
    Objects.requireNonNull(client, "client");
    return new SyncTarget(Kind.WORKSPACE, "workspace at " + host(client.config().endpoint()), client.users(),
        client.groups(), client.servicePrincipals(), null, client);
  }

  private static String host(java.net.URI endpoint) {
    return endpoint.getScheme() + "://" + endpoint.getAuthority();
  }

  /**
   * Returns the level this target provisions at.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns a description such as {@code account 0d5c... at https://accounts.cloud.databricks.com}, recorded in plans
   * so that a plan is applied only to the target it was made for.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  UsersApi users() {
    return users;
  }

  GroupsApi groups() {
    return groups;
  }

  ServicePrincipalsApi servicePrincipals() {
    return servicePrincipals;
  }

  Optional<WorkspaceAssignmentsApi> workspaceAssignments() {
    return Optional.ofNullable(workspaceAssignments);
  }

  /** Returns the client of a workspace target; empty on an account target. */
  Optional<ScimWorkspaceClient> workspaceClient() {
    return Optional.ofNullable(workspaceClient);
  }

  @Override
  public String toString() {
    return "SyncTarget{" + description + "}";
  }
}
