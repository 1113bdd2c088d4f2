package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspacePermission;
import java.util.Objects;

/**
 * A permission on one workspace for exactly one directory principal: a user, a service principal or a group, named by
 * its directory identity.
 *
 * <pre>{@code
 * DirectoryWorkspaceAssignment a = DirectoryWorkspaceAssignment.ofGroup(1001L, "data-eng", WorkspacePermission.USER);
 * }</pre>
 */
public final class DirectoryWorkspaceAssignment {
  private final long workspaceId;
  private final PrincipalKind principalKind;
  private final String principalName;
  private final WorkspacePermission permission;

  private DirectoryWorkspaceAssignment(
      long workspaceId, PrincipalKind principalKind, String principalName, WorkspacePermission permission) {
    this.workspaceId = workspaceId;
    this.principalKind = Objects.requireNonNull(principalKind, "principalKind");
    this.principalName = Objects.requireNonNull(principalName, "principalName");
    this.permission = Objects.requireNonNull(permission, "permission");
    if (permission == WorkspacePermission.UNKNOWN) {
      throw new IllegalArgumentException("permission must be USER or ADMIN");
    }
  }

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
    return new DirectoryWorkspaceAssignment(workspaceId, principalKind, principalName, permission);
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
  public long workspaceId() {
    return workspaceId;
  }

  /**
   * Returns the kind of the assigned principal.
   *
   * @return the principal kind
   */
  public PrincipalKind principalKind() {
    return principalKind;
  }

  /**
   * Returns the assigned principal's directory identity: a user name, an application id or a group display name,
   * depending on {@link #principalKind()}.
   *
   * @return the principal's name
   */
  public String principalName() {
    return principalName;
  }

  /**
   * Returns the permission granted.
   *
   * @return {@link WorkspacePermission#USER} or {@link WorkspacePermission#ADMIN}
   */
  public WorkspacePermission permission() {
    return permission;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DirectoryWorkspaceAssignment)) {
      return false;
    }
    DirectoryWorkspaceAssignment that = (DirectoryWorkspaceAssignment) other;
    return workspaceId == that.workspaceId
        && principalKind == that.principalKind
        && principalName.equals(that.principalName)
        && permission == that.permission;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspaceId, principalKind, principalName, permission);
  }

  @Override
  public String toString() {
    return "DirectoryWorkspaceAssignment{workspaceId=" + workspaceId + ", " + principalKind + "=" + principalName
        + ", permission=" + permission + "}";
  }
}
