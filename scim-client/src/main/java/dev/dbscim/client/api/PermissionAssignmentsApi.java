package dev.dbscim.client.api;

import dev.dbscim.client.RequestOptions;
import java.util.List;
import java.util.Set;

/**
 * Grants principals access to the current workspace: the workspace-level permission-assignment API below
 * {@code /api/2.0/preview/permissionassignments} (used by Terraform and by UCX to bring account groups into a
 * workspace). Thread-safe. This is a preview API that the official SDKs do not cover.
 *
 * <pre>{@code
 * workspace.permissionAssignments().assign(accountGroupId, EnumSet.of(WorkspacePermission.USER));
 * }</pre>
 *
 * <p>Principal ids are the principals' SCIM ids, which Databricks issues as decimal numbers. Each method that takes
 * one comes with a {@code long} and a {@code String} form; the string form accepts only decimal digits. Each method
 * also has a form with trailing {@link RequestOptions}.
 *
 * <p>Errors are the {@code dev.dbscim.client.error} exceptions, among them {@code ScimBadRequestException} (400),
 * {@code ScimNotFoundException} (404), {@code ScimForbiddenException} (403) and {@code ScimClientException} when no
 * usable answer arrived.
 */
public interface PermissionAssignmentsApi {

  /**
   * Returns every permission assignment of the workspace ({@code GET /api/2.0/preview/permissionassignments}), all
   * at once; there is no paging.
   *
   * @return the assignments in the order sent; empty when the answer has none
   */
  default List<PermissionAssignment> list() {
    return list(RequestOptions.defaults());
  }

  /**
   * Returns every permission assignment of the workspace, as {@link #list()}, with per-call options.
   *
   * @param options the per-call options
   * @return the assignments; empty when the answer has none
   */
  List<PermissionAssignment> list(RequestOptions options);

  /**
   * Sets a principal's permissions on the workspace ({@code PUT
   * /api/2.0/preview/permissionassignments/principals/{id}} with {@code {"permissions":["USER"]}}, permissions in the
   * order ADMIN, USER).
   *
   * <p>A 400 answer is thrown as {@code ScimBadRequestException}. UCX, when it brings an account group into a
   * workspace, reads a 400 on this call as "already assigned" and a 404 as "group gone"; the SDK does not guess, so
   * callers that want UCX's behaviour catch those exceptions.
   *
   * @param principalId the SCIM id of the account user, group or service principal
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @return the assignment the service answered with; when it answers without a body, the assignment as sent
   * @throws IllegalArgumentException for a non-positive id or unusable permissions
   */
  default PermissionAssignment assign(long principalId, Set<WorkspacePermission> permissions) {
    return assign(principalId, permissions, RequestOptions.defaults());
  }

  /**
   * Sets a principal's permissions on the workspace, as {@link #assign(long, Set)}, with per-call options.
   *
   * @param principalId the SCIM id of the principal
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @param options the per-call options
   * @return the assignment
   * @throws IllegalArgumentException for a non-positive id or unusable permissions
   */
  PermissionAssignment assign(long principalId, Set<WorkspacePermission> permissions, RequestOptions options);

  /**
   * Sets a principal's permissions on the workspace, as {@link #assign(long, Set)}, for an id given as text.
   *
   * @param principalId the SCIM id of the principal, decimal digits only
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @return the assignment
   * @throws IllegalArgumentException when the id is not a positive decimal number, or for unusable permissions
   */
  default PermissionAssignment assign(String principalId, Set<WorkspacePermission> permissions) {
    return assign(principalId, permissions, RequestOptions.defaults());
  }

  /**
   * Sets a principal's permissions on the workspace, as {@link #assign(String, Set)}, with per-call options.
   *
   * @param principalId the SCIM id of the principal, decimal digits only
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @param options the per-call options
   * @return the assignment
   * @throws IllegalArgumentException when the id is not a positive decimal number, or for unusable permissions
   */
  PermissionAssignment assign(String principalId, Set<WorkspacePermission> permissions, RequestOptions options);

  /**
   * Sets a principal's permissions on the workspace, naming the principal instead of giving its id ({@code POST
   * /api/2.0/preview/permissionassignments} with
   * {@code {"permission_assignments":[{"user_name":"ada@example.com","permissions":["USER"]}]}}).
   *
   * <p>The service answers per entry; an entry that failed carries {@link PermissionAssignment#error()} instead of
   * raising an exception, so check it. Being a POST, the call is retried only when the service surely did not act
   * on it (see {@code RetryPolicy}).
   *
   * @param principal the user, group or service principal
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @return the assignments the service answered with, normally one; empty when the answer has none
   * @throws IllegalArgumentException for unusable permissions
   */
  default List<PermissionAssignment> assignByName(PrincipalName principal, Set<WorkspacePermission> permissions) {
    return assignByName(principal, permissions, RequestOptions.defaults());
  }

  /**
   * Sets a principal's permissions by name, as {@link #assignByName(PrincipalName, Set)}, with per-call options.
   *
   * @param principal the user, group or service principal
   * @param permissions the permissions, not empty and without {@link WorkspacePermission#UNKNOWN}
   * @param options the per-call options
   * @return the assignments the service answered with
   * @throws IllegalArgumentException for unusable permissions
   */
  List<PermissionAssignment> assignByName(PrincipalName principal, Set<WorkspacePermission> permissions,
      RequestOptions options);

  /**
   * Removes a principal's permissions on the workspace ({@code DELETE
   * /api/2.0/preview/permissionassignments/principals/{id}}).
   *
   * <p>A 404 is thrown as {@code ScimNotFoundException}, not ignored; callers that want "remove if present" catch
   * it. Note that a retried DELETE whose first attempt succeeded can also end in 404.
   *
   * @param principalId the SCIM id of the principal
   * @throws IllegalArgumentException for a non-positive id
   */
  default void remove(long principalId) {
    remove(principalId, RequestOptions.defaults());
  }

  /**
   * Removes a principal's permissions on the workspace, as {@link #remove(long)}, with per-call options.
   *
   * @param principalId the SCIM id of the principal
   * @param options the per-call options
   * @throws IllegalArgumentException for a non-positive id
   */
  void remove(long principalId, RequestOptions options);

  /**
   * Removes a principal's permissions on the workspace, as {@link #remove(long)}, for an id given as text.
   *
   * @param principalId the SCIM id of the principal, decimal digits only
   * @throws IllegalArgumentException when the id is not a positive decimal number
   */
  default void remove(String principalId) {
    remove(principalId, RequestOptions.defaults());
  }

  /**
   * Removes a principal's permissions on the workspace, as {@link #remove(String)}, with per-call options.
   *
   * @param principalId the SCIM id of the principal, decimal digits only
   * @param options the per-call options
   * @throws IllegalArgumentException when the id is not a positive decimal number
   */
  void remove(String principalId, RequestOptions options);
}
