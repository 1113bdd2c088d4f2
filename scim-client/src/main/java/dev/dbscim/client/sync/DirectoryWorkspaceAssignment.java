package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspacePermission;
import org.immutables.value.Value;

/**
 * A permission on one workspace for exactly one directory principal: a user, a service principal or a group, named by
 * its directory identity.
 *
 * <pre>{@code
 * DirectoryWorkspaceAssignment a = DirectoryWorkspaceAssignment.ofGroup(1001L, "data-eng", WorkspacePermission.USER);
 * }</pre>
 */
@Value.Immutable
public abstract class DirectoryWorkspaceAssignment {
  DirectoryWorkspaceAssignment() {}

  /**
   * Returns an assignment for a principal of the given kind.
   *
   * @param workspaceId the workspace id (validation checks it is positive)
   * @param principalKind the kind of principal
   * @param principalName the principal's directory identity: user name, application id or group display name
   * @param permission {@link WorkspacePermission#USER} or {@link WorkspacePermission#ADMIN}
   * @return the assignment
   * @throws IllegalArgumentException when the permission is {@link WorkspacePermission#UNKNOWN}
   */
  public static DirectoryWorkspaceAssignment of(
      long workspaceId, PrincipalKind principalKind, String principalName, WorkspacePermission permission) {
    return ImmutableDirectoryWorkspaceAssignment.of(workspaceId, principalKind, principalName, permission);
  }

  /**
   * Returns an assignment for a user.
   *
   * @param workspaceId the workspace id
   * @param userName the user's user name
   * @param permission {@link WorkspacePermission#USER} or {@link WorkspacePermission#ADMIN}
   * @return the assignment
   */
  public static DirectoryWorkspaceAssignment ofUser(long workspaceId, String userName, WorkspacePermission permission) {
    return of(workspaceId, PrincipalKind.USER, userName, permission);
  }

  /**
   * Returns an assignment for a service principal.
   *
   * @param workspaceId the workspace id
   * @param applicationId the service principal's application id
   * @param permission {@link WorkspacePermission#USER} or {@link WorkspacePermission#ADMIN}
   * @return the assignment
   */
  public static DirectoryWorkspaceAssignment ofServicePrincipal(
      long workspaceId, String applicationId, WorkspacePermission permission) {
    return of(workspaceId, PrincipalKind.SERVICE_PRINCIPAL, applicationId, permission);
  }

  /**
   * Returns an assignment for a group.
   *
   * @param workspaceId the workspace id
   * @param displayName the group's display name
   * @param permission {@link WorkspacePermission#USER} or {@link WorkspacePermission#ADMIN}
   * @return the assignment
   */
  public static DirectoryWorkspaceAssignment ofGroup(long workspaceId, String displayName, WorkspacePermission permission) {
    return of(workspaceId, PrincipalKind.GROUP, displayName, permission);
  }

  /**
   * Returns the workspace id.
   *
   * @return the workspace id
   */
  @Value.Parameter
  public abstract long workspaceId();

  /**
   * Returns the kind of the assigned principal.
   *
   * @return the principal kind
   */
  @Value.Parameter
  public abstract PrincipalKind principalKind();

  /**
   * Returns the assigned principal's directory identity: a user name, an application id or a group display name,
   * depending on {@link #principalKind()}.
   *
   * @return the principal's name
   */
  @Value.Parameter
  public abstract String principalName();

  /**
   * Returns the permission granted.
   *
   * @return {@link WorkspacePermission#USER} or {@link WorkspacePermission#ADMIN}
   */
  @Value.Parameter
  public abstract WorkspacePermission permission();

  @Value.Check
  final void check() {
    if (permission() == WorkspacePermission.UNKNOWN) {
      throw new IllegalArgumentException("permission must be USER or ADMIN");
    }
  }

  @Override
  public String toString() {
    return "DirectoryWorkspaceAssignment{workspaceId=" + workspaceId() + ", " + principalKind() + "=" + principalName()
        + ", permission=" + permission() + "}";
  }
}
