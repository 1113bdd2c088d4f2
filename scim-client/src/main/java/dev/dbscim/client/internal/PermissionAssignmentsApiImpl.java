package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.PermissionAssignmentsApi;
import dev.dbscim.client.api.PrincipalName;
import dev.dbscim.client.api.WorkspacePermission;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link PermissionAssignmentsApi} over a {@link ScimTransport}.
 *
 * <p>Not public API; may change without notice.
 */
public final class PermissionAssignmentsApiImpl implements PermissionAssignmentsApi {
  private static final String ROOT = "/permissionassignments";

  private final ScimTransport transport;

  /**
   * Returns the API for the workspace the transport's endpoint points at. It derives its own transport with
   * {@code transport.withBasePath("/api/2.0/preview")}, so the given transport may have any base path, such as the
   * workspace SCIM root; only its endpoint, client and settings are used. Calls then go to
   * {@code /api/2.0/preview/permissionassignments...}.
   *
   * @param transport the workspace client's transport (any base path)
   */
  public PermissionAssignmentsApiImpl(ScimTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport").withBasePath("/api/2.0/preview");
  }

  @Override
  public List<PermissionAssignment> list(RequestOptions options) {
    return AssignmentWire.assignments(transport.send(ScimRequest.of("GET", ROOT, OperationClass.LIST)
        .withOptions(options)));
  }

  @Override
  public PermissionAssignment assign(long principalId, Set<WorkspacePermission> permissions,
      RequestOptions options) {
    String path = ROOT + "/principals/" + AssignmentWire.positive(principalId, "principalId");
    List<String> values = AssignmentWire.permissionValues(permissions);
    ScimRequest request = ScimRequest.of("PUT", path, OperationClass.REPLACE)
        .withBody(AssignmentWire.permissionsBody(values))
        .withOptions(options);
    return AssignmentWire.assignment(transport.send(request), principalId, values);
  }

  @Override
  public PermissionAssignment assign(String principalId, Set<WorkspacePermission> permissions,
      RequestOptions options) {
    return assign(AssignmentWire.principalId(principalId), permissions, options);
  }

  @Override
  public List<PermissionAssignment> assignByName(PrincipalName principal, Set<WorkspacePermission> permissions,
      RequestOptions options) {
    Objects.requireNonNull(principal, "principal");
    List<String> values = AssignmentWire.permissionValues(permissions);
    ObjectNode entry = JsonNodeFactory.instance.objectNode().put(principal.kind().wireKey(), principal.name());
    AssignmentWire.addPermissions(entry, values);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("permission_assignments").add(entry);
    ScimRequest request = ScimRequest.of("POST", ROOT, OperationClass.CREATE).withBody(body).withOptions(options);
    return AssignmentWire.assignments(transport.send(request));
  }

  @Override
  public void remove(long principalId, RequestOptions options) {
    String path = ROOT + "/principals/" + AssignmentWire.positive(principalId, "principalId");
    transport.send(ScimRequest.of("DELETE", path, OperationClass.DELETE).withOptions(options));
  }

  @Override
  public void remove(String principalId, RequestOptions options) {
    remove(AssignmentWire.principalId(principalId), options);
  }
}
