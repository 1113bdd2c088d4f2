package dev.dbscim.client.api;

import dev.dbscim.client.RequestOptions;
import java.util.List;
import java.util.Set;

/**
 * Assigns account principals (users, groups, service principals) to workspaces: the account-level workspace-assignment
 * API of identity federation, below {@code /api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments}.
 * Thread-safe. This is not a SCIM API, but it is how an account identity gains access to a workspace.
 *
 * <pre>{@code
 * PermissionAssignment assigned = account.workspaceAssignments()
 *     .assign(1234567890L, Long.parseLong(group.id().orElseThrow()), EnumSet.of(WorkspacePermission.USER));
 * }</pre>
 *
 * <p>Principal ids are the principals' SCIM ids, which Databricks issues as decimal numbers. Each method that takes
 * one comes with a {@code long} and a {@code String} form; the string form accepts only decimal digits. Ids must be
 * positive; so must workspace ids. Each method also has a form with trailing {@link RequestOptions}.
 *
 * <p>Errors are the {@code dev.dbscim.client.error} exceptions, among them {@code ScimNotFoundException} (404: no such
 * workspace or principal, or the workspace is not enabled for identity federation), {@code ScimBadRequestException}
 * (400), {@code ScimForbiddenException} (403) and {@code ScimClientException} when no usable answer arrived.
 */
public interface WorkspaceAssignmentsApi {

  /**
   * Sets a principal's permissions on a workspace, replacing those it had ({@code PUT
   * .../workspaces/{w}/permissionassignments/principals/{p}} with {@code {"permissions":["USER"]}}, permissions in
   * the order ADMIN, USER).
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the user, group or service principal
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN} (the service reads
   *     an empty list as "remove all"; use {@link #remove(long, long)} for that)
   * @return the assignment the service answered with; when it answers without a body, the assignment as sent
   * @throws IllegalArgumentException for a non-positive id or unusable permissions
   */
  default PermissionAssignment assign(long workspaceId, long principalId, Set<WorkspacePermission> permissions) {
    return assign(workspaceId, principalId, permissions, RequestOptions.defaults());
  }

  /**
   * Sets a principal's permissions on a workspace, as {@link #assign(long, long, Set)}, with per-call options.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @param options the per-call options
   * @return the assignment
   * @throws IllegalArgumentException for a non-positive id or unusable permissions
   */
  PermissionAssignment assign(long workspaceId, long principalId, Set<WorkspacePermission> permissions,
      RequestOptions options);

  /**
   * Sets a principal's permissions on a workspace, as {@link #assign(long, long, Set)}, for an id given as text.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal, decimal digits only
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @return the assignment
   * @throws IllegalArgumentException when the id is not a positive decimal number, or for unusable permissions
   */
  default PermissionAssignment assign(long workspaceId, String principalId, Set<WorkspacePermission> permissions) {
    return assign(workspaceId, principalId, permissions, RequestOptions.defaults());
  }

  /**
   * Sets a principal's permissions on a workspace, as {@link #assign(long, String, Set)}, with per-call options.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal, decimal digits only
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @param options the per-call options
   * @return the assignment
   * @throws IllegalArgumentException when the id is not a positive decimal number, or for unusable permissions
   */
  PermissionAssignment assign(long workspaceId, String principalId, Set<WorkspacePermission> permissions,
      RequestOptions options);

  /**
   * Returns every permission assignment of a workspace ({@code GET .../workspaces/{w}/permissionassignments}). The
   * service answers with all of them at once; there is no paging.
   *
   * @param workspaceId the workspace id
   * @return the assignments in the order sent; empty when the answer has none
   * @throws IllegalArgumentException for a non-positive id
   */
  default List<PermissionAssignment> list(long workspaceId) {
    return list(workspaceId, RequestOptions.defaults());
  }

  /**
   * Returns every permission assignment of a workspace, as {@link #list(long)}, with per-call options.
   *
   * @param workspaceId the workspace id
   * @param options the per-call options
   * @return the assignments; empty when the answer has none
   * @throws IllegalArgumentException for a non-positive id
   */
  List<PermissionAssignment> list(long workspaceId, RequestOptions options);

  /**
   * Returns the permissions that can be assigned on a workspace, with their descriptions ({@code GET
   * .../workspaces/{w}/permissionassignments/permissions}).
   *
   * @param workspaceId the workspace id
   * @return the permission levels; empty when the answer has none
   * @throws IllegalArgumentException for a non-positive id
   */
  default List<PermissionLevel> permissions(long workspaceId) {
    return permissions(workspaceId, RequestOptions.defaults());
  }

  /**
   * Returns the permissions that can be assigned on a workspace, as {@link #permissions(long)}, with per-call options.
   *
   * @param workspaceId the workspace id
   * @param options the per-call options
   * @return the permission levels; empty when the answer has none
   * @throws IllegalArgumentException for a non-positive id
   */
  List<PermissionLevel> permissions(long workspaceId, RequestOptions options);

  /**
   * Removes a principal's permissions on a workspace ({@code DELETE
   * .../workspaces/{w}/permissionassignments/principals/{p}}).
   *
   * <p>A 404 is thrown as {@code ScimNotFoundException}, not ignored: it also means a wrong workspace id or a
   * workspace without identity federation, which silence would hide. Callers that want "remove if present" (as UCX
   * does, treating 404 as already gone) catch it; note that a retried DELETE whose first attempt succeeded can also
   * end in 404.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal
   * @throws IllegalArgumentException for a non-positive id
   */
  default void remove(long workspaceId, long principalId) {
    remove(workspaceId, principalId, RequestOptions.defaults());
  }

  /**
   * Removes a principal's permissions on a workspace, as {@link #remove(long, long)}, with per-call options.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal
   * @param options the per-call options
   * @throws IllegalArgumentException for a non-positive id
   */
  void remove(long workspaceId, long principalId, RequestOptions options);

  /**
   * Removes a principal's permissions on a workspace, as {@link #remove(long, long)}, for an id given as text.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal, decimal digits only
   * @throws IllegalArgumentException when an id is not a positive decimal number
   */
  default void remove(long workspaceId, String principalId) {
    remove(workspaceId, principalId, RequestOptions.defaults());
  }

  /**
   * Removes a principal's permissions on a workspace, as {@link #remove(long, String)}, with per-call options.
   *
   * @param workspaceId the workspace id
   * @param principalId the SCIM id of the principal, decimal digits only
   * @param options the per-call options
   * @throws IllegalArgumentException when an id is not a positive decimal number
   */
  void remove(long workspaceId, String principalId, RequestOptions options);
}
