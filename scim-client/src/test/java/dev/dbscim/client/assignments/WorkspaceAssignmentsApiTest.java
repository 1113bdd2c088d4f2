package dev.dbscim.client.assignments;

import static dev.dbscim.client.assignments.AssignmentServers.body;
import static dev.dbscim.client.assignments.AssignmentServers.empty;
import static dev.dbscim.client.assignments.AssignmentServers.json;
import static dev.dbscim.client.assignments.AssignmentServers.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.PermissionLevel;
import dev.dbscim.client.api.WorkspaceAssignmentsApi;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.ScimBadRequestException;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.internal.WorkspaceAssignmentsApiImpl;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class WorkspaceAssignmentsApiTest {
  static final String ROOT = "/api/2.0/accounts/acc-123/workspaces/111/permissionassignments";

  MockWebServer server;
  WorkspaceAssignmentsApi api;

  @BeforeEach
  void start() throws IOException {
    server = AssignmentServers.start();
    api = new WorkspaceAssignmentsApiImpl(
        AssignmentServers.transport(server, "/api/2.0/accounts/acc-123/scim/v2"), "acc-123");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void assign_user_sendsObservedPutBytes() throws Exception {
    server.enqueue(json(200, "{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":55,"
        + "\"display_name\":\"Ada\",\"user_name\":\"ada@example.com\"}}"));

    PermissionAssignment assigned = api.assign(111L, 55L, EnumSet.of(WorkspacePermission.USER));

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo(ROOT + "/principals/55");
    assertThat(body(request)).isEqualTo("{\"permissions\":[\"USER\"]}");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + AssignmentServers.TOKEN);
    assertThat(assigned.permissions()).containsExactly(WorkspacePermission.USER);
    assertThat(assigned.principal()).contains(AssignedPrincipal.builder().principalId(55).displayName("Ada")
        .userName("ada@example.com").build());
  }

  @Test
  void assign_adminAndUser_sendsAdminFirst() throws Exception {
    server.enqueue(json(200, "{\"permissions\":[\"ADMIN\",\"USER\"],\"principal\":{\"principal_id\":7}}"));

    api.assign(111L, 7L, new java.util.LinkedHashSet<>(List.of(WorkspacePermission.USER, WorkspacePermission.ADMIN)));

    assertThat(body(take(server))).isEqualTo("{\"permissions\":[\"ADMIN\",\"USER\"]}");
  }

  @Test
  void assign_stringId_sendsSameRequestAsLong() throws Exception {
    server.enqueue(json(200, "{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":9007199254740993}}"));

    PermissionAssignment assigned = api.assign(111L, "9007199254740993", Set.of(WorkspacePermission.USER),
        RequestOptions.builder().putHeader("X-Trace", "t1").build());

    RecordedRequest request = take(server);
    assertThat(request.getTarget()).isEqualTo(ROOT + "/principals/9007199254740993");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t1");
    assertThat(assigned.principal().get().principalId().getAsLong()).isEqualTo(9007199254740993L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12a", "-5", "+5", " 5", "5 ", "0", "000", "1.0", "99999999999999999999",
      "\uff15", "5/../6"})
  void assign_principalIdNotPositiveDecimal_throwsWithoutRequest(String principalId) {
    assertThatThrownBy(() -> api.assign(111L, principalId, Set.of(WorkspacePermission.USER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("principalId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void assign_nonPositiveLongIds_throwWithoutRequest() {
    assertThatThrownBy(() -> api.assign(0L, 5L, Set.of(WorkspacePermission.USER)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workspaceId");
    assertThatThrownBy(() -> api.assign(111L, -5L, Set.of(WorkspacePermission.USER)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principalId");
    assertThatThrownBy(() -> api.list(-1L)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void assign_emptyOrUnknownPermissions_throwWithoutRequest() {
    assertThatThrownBy(() -> api.assign(111L, 5L, Collections.emptySet()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> api.assign(111L, 5L, EnumSet.of(WorkspacePermission.USER, WorkspacePermission.UNKNOWN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void assign_answerWithoutBody_returnsAssignmentAsSent() {
    server.enqueue(empty(200));

    PermissionAssignment assigned = api.assign(111L, 55L, EnumSet.of(WorkspacePermission.ADMIN));

    assertThat(assigned.rawPermissions()).containsExactly("ADMIN");
    assertThat(assigned.principal()).contains(AssignedPrincipal.of(55L));
  }

  @Test
  void assign_badRequest_throwsScimBadRequestException() {
    server.enqueue(json(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Principal is invalid\"}"));

    assertThatThrownBy(() -> api.assign(111L, 55L, EnumSet.of(WorkspacePermission.USER)))
        .isInstanceOf(ScimBadRequestException.class)
        .hasMessageContaining("PUT /workspaces/111/permissionassignments/principals/55")
        .hasMessageContaining("Principal is invalid");
  }

  @Test
  void assign_answerNotJsonObject_throwsScimClientException() {
    server.enqueue(json(200, "[\"USER\"]"));

    assertThatThrownBy(() -> api.assign(111L, 55L, EnumSet.of(WorkspacePermission.USER)))
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("PermissionAssignment");
  }

  @Test
  void list_userGroupAndServicePrincipal_parsesEachKind() throws Exception {
    server.enqueue(json(200, "{\"permission_assignments\":["
        + "{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":1,\"display_name\":\"Ada\","
        + "\"user_name\":\"ada@example.com\"}},"
        + "{\"permissions\":[\"ADMIN\"],\"principal\":{\"principal_id\":345,\"display_name\":\"Data Eng\","
        + "\"group_name\":\"data-eng\"}},"
        + "{\"permissions\":[\"USER\",\"SUPERUSER\"],\"principal\":{\"principal_id\":9,\"display_name\":\"etl\","
        + "\"service_principal_name\":\"6f2c-app\"},\"error\":\"partially applied\",\"x_new\":{\"a\":1}}"
        + "],\"next_token\":\"ignored\"}"));

    List<PermissionAssignment> assignments = api.list(111L);

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(ROOT);
    assertThat(request.getBody() == null || request.getBody().size() == 0).isTrue();
    assertThat(assignments).hasSize(3);
    assertThat(assignments.get(0).principal().get().userName()).contains("ada@example.com");
    assertThat(assignments.get(0).principal().get().groupName()).isEmpty();
    assertThat(assignments.get(1).principal().get().groupName()).contains("data-eng");
    assertThat(assignments.get(1).hasPermission(WorkspacePermission.ADMIN)).isTrue();
    PermissionAssignment servicePrincipal = assignments.get(2);
    assertThat(servicePrincipal.principal().get().servicePrincipalName()).contains("6f2c-app");
    assertThat(servicePrincipal.permissions())
        .containsExactly(WorkspacePermission.USER, WorkspacePermission.UNKNOWN);
    assertThat(servicePrincipal.rawPermissions()).containsExactly("USER", "SUPERUSER");
    assertThat(servicePrincipal.error()).contains("partially applied");
    assertThat(servicePrincipal.additionalAttributes()).containsOnlyKeys("x_new");
  }

  @Test
  void list_answerWithoutKey_returnsEmptyList() {
    server.enqueue(json(200, "{}"));
    server.enqueue(empty(200));

    assertThat(api.list(111L)).isEmpty();
    assertThat(api.list(111L, RequestOptions.defaults())).isEmpty();
  }

  @Test
  void permissions_levels_parsesDescriptions() throws Exception {
    server.enqueue(json(200, "{\"permissions\":[{\"permission_level\":\"USER\",\"description\":\"Can use\"},"
        + "{\"permission_level\":\"ADMIN\",\"description\":\"Can manage\"}]}"));

    List<PermissionLevel> levels = api.permissions(111L);

    assertThat(take(server).getTarget()).isEqualTo(ROOT + "/permissions");
    assertThat(levels).containsExactly(PermissionLevel.of(WorkspacePermission.USER, "Can use"),
        PermissionLevel.of(WorkspacePermission.ADMIN, "Can manage"));
  }

  @Test
  void remove_principal_sendsDeleteWithoutBody() throws Exception {
    server.enqueue(json(200, "{}"));

    api.remove(111L, 55L);

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo(ROOT + "/principals/55");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
  }

  @Test
  void remove_notFound_throwsScimNotFoundException() {
    server.enqueue(json(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"No assignment\"}"));

    assertThatThrownBy(() -> api.remove(111L, "55"))
        .isInstanceOf(ScimNotFoundException.class)
        .hasMessageContaining("DELETE /workspaces/111/permissionassignments/principals/55");
  }

  @Test
  void constructor_accountIdWithReservedCharacters_isEncodedAsOneSegment() throws Exception {
    WorkspaceAssignmentsApi odd = new WorkspaceAssignmentsApiImpl(AssignmentServers.transport(server, ""), "a/b c");
    server.enqueue(json(200, "{}"));

    odd.list(5L);

    assertThat(take(server).getTarget())
        .isEqualTo("/api/2.0/accounts/a%2Fb%20c/workspaces/5/permissionassignments");
  }
}
