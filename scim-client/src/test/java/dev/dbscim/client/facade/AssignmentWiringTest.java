package dev.dbscim.client.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AssignmentWiringTest {
  FacadeServer server;

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void accountWorkspaceAssignments_assign_putsBelowAccountRoot() throws Exception {
    server.json(200, "{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":55,\"group_name\":\"data-eng\"}}");
    try (ScimAccountClient account = server.accountBuilder().build()) {
      PermissionAssignment assigned = account.workspaceAssignments().assign(111L, 55L,
          EnumSet.of(WorkspacePermission.USER));

      RecordedRequest request = server.take();
      assertThat(request.getMethod() + " " + request.getTarget())
          .isEqualTo("PUT /api/2.0/accounts/acc-123/workspaces/111/permissionassignments/principals/55");
      assertThat(request.getBody().utf8()).isEqualTo("{\"permissions\":[\"USER\"]}");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FacadeServer.TOKEN);
      assertThat(assigned.permissions()).contains(WorkspacePermission.USER);
    }
  }

  @Test
  void workspacePermissionAssignments_list_getsPreviewPath() throws Exception {
    server.json(200, "{\"permission_assignments\":[{\"permissions\":[\"ADMIN\"],"
        + "\"principal\":{\"principal_id\":345}}]}");
    try (ScimWorkspaceClient workspace = server.workspaceBuilder().build()) {
      List<PermissionAssignment> assignments = workspace.permissionAssignments().list();

      RecordedRequest request = server.take();
      assertThat(request.getMethod() + " " + request.getTarget())
          .isEqualTo("GET /api/2.0/preview/permissionassignments");
      assertThat(assignments).hasSize(1);
    }
  }
}
