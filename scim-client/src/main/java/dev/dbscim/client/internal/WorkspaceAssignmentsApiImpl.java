package dev.dbscim.client.internal;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.PermissionLevel;
import dev.dbscim.client.api.WorkspaceAssignmentsApi;
import dev.dbscim.client.api.WorkspacePermission;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link WorkspaceAssignmentsApi} over a {@link ScimTransport}.
 *
 * <p>Not public API; may change without notice.
 */
public final class WorkspaceAssignmentsApiImpl implements WorkspaceAssignmentsApi {
  private final ScimTransport transport;

  /**
   * Returns the API for one account. It derives its own transport with
   * {@code transport.withBasePath("/api/2.0/accounts/" + accountId)} (the id percent-encoded as a path segment), so
   * the given transport may have any base path, such as the account SCIM root; only its endpoint, client and
   * settings are used. Calls then go to {@code /workspaces/{workspace_id}/permissionassignments...} below that root.
   *
   * @param transport the account client's transport (any base path)
   * @param accountId the Databricks account id
   */
  public WorkspaceAssignmentsApiImpl(ScimTransport transport, String accountId) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(accountId, "accountId");
    this.transport = transport.withBasePath("/api/2.0/accounts/" + ScimRequest.pathSegment(accountId));
  }

  @Override
  public PermissionAssignment assign(long workspaceId, long principalId, Set<WorkspacePermission> permissions,
      RequestOptions options) {
    String path = principalPath(workspaceId, AssignmentWire.positive(principalId, "principalId"));
    List<String> values = AssignmentWire.permissionValues(permissions);
    ScimRequest request = ScimRequest.of("PUT", path, OperationClass.REPLACE)
        .withBody(AssignmentWire.permissionsBody(values))
        .withOptions(options);
    return AssignmentWire.assignment(transport.send(request), principalId, values);
  }

  @Override
  public PermissionAssignment assign(long workspaceId, String principalId, Set<WorkspacePermission> permissions,
      RequestOptions options) {
    return assign(workspaceId, AssignmentWire.principalId(principalId), permissions, options);
  }

  @Override
  public List<PermissionAssignment> list(long workspaceId, RequestOptions options) {
    ScimRequest request = ScimRequest.of("GET", assignmentsPath(workspaceId), OperationClass.LIST)
        .withOptions(options);
    return AssignmentWire.assignments(transport.send(request));
  }

  @Override
  public List<PermissionLevel> permissions(long workspaceId, RequestOptions options) {
    ScimRequest request = ScimRequest.of("GET", assignmentsPath(workspaceId) + "/permissions", OperationClass.GET)
        .withOptions(options);
    return AssignmentWire.permissionLevels(transport.send(request));
  }

  @Override
  public void remove(long workspaceId, long principalId, RequestOptions options) {
    String path = principalPath(workspaceId, AssignmentWire.positive(principalId, "principalId"));
    transport.send(ScimRequest.of("DELETE", path, OperationClass.DELETE).withOptions(options));
  }

  @Override
  public void remove(long workspaceId, String principalId, RequestOptions options) {
    remove(workspaceId, AssignmentWire.principalId(principalId), options);
  }

  private static String assignmentsPath(long workspaceId) {
    return "/workspaces/" + AssignmentWire.positive(workspaceId, "workspaceId") + "/permissionassignments";
  }

  private static String principalPath(long workspaceId, long principalId) {
    return assignmentsPath(workspaceId) + "/principals/" + principalId;
  }
}
