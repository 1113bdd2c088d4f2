package dev.dbscim.testkit;

import static dev.dbscim.testkit.ObjectsHttp.accountGroup;
import static dev.dbscim.testkit.ObjectsHttp.accountUser;
import static dev.dbscim.testkit.ObjectsHttp.admin;
import static dev.dbscim.testkit.ObjectsHttp.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.model.Group;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakePermissionMigrationTest {
  private static final String PATH = "/api/2.0/permissionmigration";

  @FakeScim final FakeScimServer scim = FakeScimServer.create();
  private FakeWorkspace workspace;
  private final List<String> jobs = new ArrayList<>();

  @BeforeEach
  void seed() {
    workspace = scim.workspace(0);
    accountUser(scim, "ann@example.com", 1001);
    scim.state().seed(1001, Group.builder().displayName("db-temp-data-eng").build());
    accountGroup(scim, "data-eng", 1001);
    for (int i = 0; i < 5; i++) {
      String job = Long.toString(workspace.addJob("ann@example.com", "job " + i, false));
      workspace.grant("jobs", job, FakePrincipal.group("db-temp-data-eng"), i == 0 ? "CAN_MANAGE" : "CAN_VIEW");
      jobs.add(job);
    }
    workspace.grant("directories", "77", FakePrincipal.group("db-temp-data-eng"), "CAN_READ");
  }

  private static String body(long workspaceId, String from, String to, Integer size) {
    return "{\"workspace_id\":" + workspaceId + ",\"from_workspace_group_name\":\"" + from + "\","
        + "\"to_account_group_name\":\"" + to + "\"" + (size == null ? "" : ",\"size\":" + size) + "}";
  }

  @Test
  void migrate_inBatchesOfSize_movesEveryGrantThenAnswersZero() {
    List<Long> answers = new ArrayList<>();
    for (int call = 0; call < 5; call++) {
      Http.Reply reply = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "data-eng", 2));
      assertThat(reply.status).isEqualTo(200);
      answers.add(reply.json.get("permissions_migrated").asLong());
    }

    assertThat(answers).containsExactly(2L, 2L, 2L, 0L, 0L);
    for (String job : jobs) {
      FakeObjectPermissions permissions = workspace.permissions("jobs", job);
      assertThat(permissions.levelOf(FakePrincipal.group("db-temp-data-eng"))).isEmpty();
      assertThat(permissions.levelOf(FakePrincipal.group("data-eng")))
          .contains(job.equals(jobs.get(0)) ? "CAN_MANAGE" : "CAN_VIEW");
      assertThat(permissions.owner()).contains(FakePrincipal.user("ann@example.com"));
    }
    assertThat(workspace.permissions("directories", "77").grants())
        .containsOnlyKeys(FakePrincipal.group("data-eng"));
  }

  @Test
  void migrate_withoutSize_movesEverything() {
    Http.Reply reply = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "data-eng", null));

    assertThat(reply.json.toString()).isEqualTo("{\"permissions_migrated\":6}");
  }

  @Test
  void migrate_firstCallWhenTheAccountGroupHasPermissions_is400() {
    workspace.grant("jobs", jobs.get(1), FakePrincipal.group("data-eng"), "CAN_VIEW");

    Http.Reply reply = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "data-eng", 100));

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("error_code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(reply.json.get("message").asText()).isEqualTo("Account group data-eng already has permissions");
  }

  @Test
  void migrate_fromAnAccountGroup_isNotAWorkspaceLocalGroup() {
    accountGroup(scim, "analysts", 1001);

    Http.Reply reply = admin(workspace, "POST", PATH, body(1001, "analysts", "data-eng", 10));

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("message").asText()).isEqualTo("Workspace group analysts is not a workspace local group");
  }

  @Test
  void migrate_refusals_unassignedTargetWrongWorkspaceMissingFieldsAndNonAdmin() {
    scim.state().seed(Group.builder().displayName("unassigned").build());

    Http.Reply unassigned = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "unassigned", 10));
    Http.Reply missingTarget = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "nope", 10));
    Http.Reply missingSource = admin(workspace, "POST", PATH, body(1001, "nope", "data-eng", 10));
    Http.Reply wrongWorkspace = admin(workspace, "POST", PATH, body(9999, "db-temp-data-eng", "data-eng", 10));
    Http.Reply noName = admin(workspace, "POST", PATH, "{\"workspace_id\":1001,\"to_account_group_name\":\"x\"}");
    Http.Reply badSize = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "data-eng", 0));
    Http.Reply plainUser = call(workspace, workspace.userToken(), "POST", PATH,
        body(1001, "db-temp-data-eng", "data-eng", 10));
    Http.Reply get = admin(workspace, "GET", PATH, null);

    assertThat(unassigned.status).isEqualTo(400);
    assertThat(missingTarget.status).isEqualTo(404);
    assertThat(missingSource.status).isEqualTo(404);
    assertThat(wrongWorkspace.status).isEqualTo(400);
    assertThat(noName.status).isEqualTo(400);
    assertThat(noName.json.get("message").asText()).isEqualTo("Missing required field: from_workspace_group_name");
    assertThat(badSize.status).isEqualTo(400);
    assertThat(plainUser.status).isEqualTo(403);
    assertThat(get.status).isEqualTo(405);
    assertThat(workspace.permissions("jobs", jobs.get(0)).levelOf(FakePrincipal.group("db-temp-data-eng")))
        .contains("CAN_MANAGE");
  }

  @Test
  void migrate_whenBothGroupsHoldAGrant_keepsTheHigherLevelAndCountsIt() {
    admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "data-eng", 1));
    workspace.grant("jobs", jobs.get(1), FakePrincipal.group("data-eng"), "CAN_MANAGE_RUN");

    Http.Reply reply = admin(workspace, "POST", PATH, body(1001, "db-temp-data-eng", "data-eng", 1));

    assertThat(reply.json.get("permissions_migrated").asLong()).isEqualTo(1);
    assertThat(workspace.permissions("jobs", jobs.get(1)).levelOf(FakePrincipal.group("data-eng")))
        .contains("CAN_MANAGE_RUN");
  }
}
