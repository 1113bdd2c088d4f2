package dev.dbscim.client.assignments;

import static dev.dbscim.client.assignments.AssignmentServers.body;
import static dev.dbscim.client.assignments.AssignmentServers.json;
import static dev.dbscim.client.assignments.AssignmentServers.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.PermissionAssignmentsApi;
import dev.dbscim.client.api.PrincipalName;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.ScimBadRequestException;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.internal.PermissionAssignmentsApiImpl;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PermissionAssignmentsApiTest {
  static final String ROOT = "/api/2.0/preview/permissionassignments";

  MockWebServer server;
  PermissionAssignmentsApi api;

  @BeforeEach
  void start() throws IOException {
    server = AssignmentServers.start();
    api = new PermissionAssignmentsApiImpl(AssignmentServers.transport(server, "/api/2.0/preview/scim/v2"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void list_terraformShape_parsesPrincipalIds() throws Exception {
    server.enqueue(json(200, "{\"permission_assignments\":[{\"permissions\":[\"USER\"],"
        + "\"principal\":{\"principal_id\":345}},{\"permissions\":[\"ADMIN\"],\"principal\":{\"principal_id\":\"346\"}}]}"));

    List<PermissionAssignment> assignments = api.list();

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(ROOT);
    assertThat(assignments).extracting(a -> a.principal().get().principalId().getAsLong())
        .containsExactly(345L, 346L);
    assertThat(assignments.get(1).permissions()).containsExactly(WorkspacePermission.ADMIN);
  }

  @Test
  void assign_accountGroup_sendsUcxReflectRequest() throws Exception {
    server.enqueue(json(200, "{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":777,"
        + "\"display_name\":\"data-eng\",\"group_name\":\"data-eng\"}}"));

    PermissionAssignment assigned = api.assign(777L, EnumSet.of(WorkspacePermission.USER));

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo(ROOT + "/principals/777");
    assertThat(body(request)).isEqualTo("{\"permissions\":[\"USER\"]}");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(assigned.principal().get().groupName()).contains("data-eng");
  }

  @Test
  void assign_alreadyAssigned400_throwsScimBadRequestException() {
    server.enqueue(json(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"already assigned\"}"));

    assertThatThrownBy(() -> api.assign("777", Set.of(WorkspacePermission.USER)))
        .isInstanceOf(ScimBadRequestException.class)
        .hasMessageContaining("PUT /permissionassignments/principals/777")
        .hasMessageContaining("already assigned");
  }

  @Test
  void assign_stringIdNotDecimal_throwsWithoutRequest() {
    assertThatThrownBy(() -> api.assign("grp-42", Set.of(WorkspacePermission.USER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("principalId");
    assertThatThrownBy(() -> api.remove("12 "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void assignByName_user_sendsTerraformBody() throws Exception {
    server.enqueue(json(200, "{\"permission_assignments\":[{\"permissions\":[\"USER\"],"
        + "\"principal\":{\"principal_id\":123,\"user_name\":\"a@b.com\"}}]}"));

    List<PermissionAssignment> assigned = api.assignByName(PrincipalName.user("a@b.com"),
        EnumSet.of(WorkspacePermission.USER));

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(ROOT);
    assertThat(body(request))
        .isEqualTo("{\"permission_assignments\":[{\"user_name\":\"a@b.com\",\"permissions\":[\"USER\"]}]}");
    assertThat(assigned).hasSize(1);
    assertThat(assigned.get(0).principal().get().principalId().getAsLong()).isEqualTo(123L);
  }

  @Test
  void assignByName_groupAndServicePrincipal_useTheirKeys() throws Exception {
    server.enqueue(json(200, "{\"permission_assignments\":[]}"));
    server.enqueue(json(200, "{\"permission_assignments\":[]}"));

    api.assignByName(PrincipalName.group("data eng"), EnumSet.of(WorkspacePermission.ADMIN));
    api.assignByName(PrincipalName.servicePrincipal("6f2c-app"), EnumSet.of(WorkspacePermission.USER),
        RequestOptions.defaults());

    assertThat(body(take(server)))
        .isEqualTo("{\"permission_assignments\":[{\"group_name\":\"data eng\",\"permissions\":[\"ADMIN\"]}]}");
    assertThat(body(take(server))).isEqualTo(
        "{\"permission_assignments\":[{\"service_principal_name\":\"6f2c-app\",\"permissions\":[\"USER\"]}]}");
  }

  @Test
  void assignByName_entryWithError_returnsItWithError() {
    server.enqueue(json(200, "{\"permission_assignments\":[{\"error\":\"User not found in account\","
        + "\"principal\":{\"user_name\":\"ghost@b.com\"}}]}"));

    List<PermissionAssignment> assigned = api.assignByName(PrincipalName.user("ghost@b.com"),
        EnumSet.of(WorkspacePermission.USER));

    assertThat(assigned).hasSize(1);
    assertThat(assigned.get(0).error()).contains("User not found in account");
    assertThat(assigned.get(0).principal().get().principalId()).isEmpty();
    assertThat(assigned.get(0).permissions()).isEmpty();
  }

  @Test
  void remove_principal_sendsDelete() throws Exception {
    server.enqueue(json(200, ""));

    api.remove(777L);

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo(ROOT + "/principals/777");
  }

  @Test
  void remove_notFound_throwsScimNotFoundException() {
    server.enqueue(json(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"gone\"}"));

    assertThatThrownBy(() -> api.remove(777L)).isInstanceOf(ScimNotFoundException.class);
  }
}
