package dev.dbscim.testkit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeBuiltinGroupsTest {
  private final FakeScimServer scim = FakeScimServer.builder().workspaces(1).nonFederatedWorkspaces(1)
      .accountId("acc-1").build().start();

  @AfterEach
  void close() {
    scim.close();
  }

  private TestHttp.Reply account(String method, String path, String body) {
    return TestHttp.send(method, scim.url().resolve("/api/2.0/accounts/acc-1/scim/v2" + path), scim.accountToken(),
        body);
  }

  private static TestHttp.Reply workspace(FakeWorkspace workspace, String method, String path, String body) {
    return TestHttp.send(method, workspace.url().resolve("/api/2.0/preview/scim/v2" + path), workspace.adminToken(),
        body);
  }

  private JsonNode workspaceGroup(FakeWorkspace workspace, String name) {
    JsonNode list = workspace(workspace, "GET", "/Groups?filter=displayName%20eq%20%22" + name + "%22", null).json;
    assertThat(list.get("totalResults").asInt()).as(name).isEqualTo(1);
    String id = list.get("Resources").get(0).get("id").asText();
    return workspace(workspace, "GET", "/Groups/" + id, null).json;
  }

  private String accountUsersId() {
    return scim.state().groupByName("account users").get().id().get();
  }

  private TestHttp.Reply assign(long workspaceId, String principalId, String permissions) {
    URI uri = scim.url().resolve("/api/2.0/accounts/acc-1/workspaces/" + workspaceId
        + "/permissionassignments/principals/" + principalId);
    return TestHttp.send("PUT", uri, scim.accountToken(), "{\"permissions\":" + permissions + "}");
  }

  @Test
  void accountUsers_holdsEveryAccountUserAndServicePrincipal_fromCreationToDeletion() {
    String ada = account("POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();
    String robot = scim.state().seed(ServicePrincipal.builder().displayName("robot").build()).id().get();

    assertThat(scim.state().group(accountUsersId()).orElseThrow().meta().get().resourceType()).hasValue("Group");
    assertThat(scim.state().members(accountUsersId()))
        .containsExactly(scim.workspace(0).adminUserId(), scim.workspace(0).userId(), ada, robot);

    account("DELETE", "/Users/" + ada, null);

    assertThat(scim.state().members(accountUsersId())).doesNotContain(ada).contains(robot);
  }

  @Test
  void accountUsers_excludesWorkspaceLocalPrincipals() {
    FakeWorkspace local = scim.workspace(1);
    String bob = workspace(local, "POST", "/Users", "{\"userName\":\"bob@example.com\"}").json.get("id").asText();

    assertThat(scim.state().members(accountUsersId())).doesNotContain(bob, local.adminUserId());
  }

  @Test
  void workspaceGroups_areWorkspaceLocalWithTheTokenOwners() {
    for (FakeWorkspace workspace : scim.workspaces()) {
      JsonNode users = workspaceGroup(workspace, "users");
      JsonNode admins = workspaceGroup(workspace, "admins");

      assertThat(users.get("meta").get("resourceType").asText()).isEqualTo("WorkspaceGroup");
      assertThat(admins.get("meta").get("resourceType").asText()).isEqualTo("WorkspaceGroup");
      assertThat(users.get("members").findValuesAsText("value"))
          .containsExactly(workspace.adminUserId(), workspace.userId());
      assertThat(admins.get("members").findValuesAsText("value")).containsExactly(workspace.adminUserId());
    }
  }

  @Test
  void me_ofTheAdmin_showsUsersAndAdminsDirect() {
    FakeWorkspace workspace = scim.workspace(0);

    JsonNode me = workspace(workspace, "GET", "/Me", null).json;

    assertThat(me.get("groups").findValuesAsText("display")).containsExactlyInAnyOrder("users", "admins");
    assertThat(me.get("groups").findValuesAsText("type")).containsOnly("direct");
  }

  @Test
  void federatedUsers_followDirectAssignmentsAndTheirPermission() {
    FakeWorkspace workspace = scim.workspace(0);
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();

    assign(workspace.id(), ada, "[\"USER\"]");
    assertThat(workspaceGroup(workspace, "users").get("members").findValuesAsText("value")).contains(ada);
    assertThat(workspaceGroup(workspace, "admins").get("members").findValuesAsText("value")).doesNotContain(ada);

    assign(workspace.id(), ada, "[\"ADMIN\"]");
    assertThat(workspaceGroup(workspace, "admins").get("members").findValuesAsText("value")).contains(ada);

    assign(workspace.id(), ada, "[\"USER\"]");
    assertThat(workspaceGroup(workspace, "admins").get("members").findValuesAsText("value")).doesNotContain(ada);

    URI delete = scim.url().resolve("/api/2.0/accounts/acc-1/workspaces/1001/permissionassignments/principals/" + ada);
    assertThat(TestHttp.send("DELETE", delete, scim.accountToken(), null).status).isEqualTo(200);
    assertThat(workspaceGroup(workspace, "users").get("members").findValuesAsText("value")).doesNotContain(ada);
  }

  @Test
  void federatedUsers_createdThroughTheWorkspace_joinUsersAndLeaveWhenDeletedThere() {
    FakeWorkspace workspace = scim.workspace(0);
    String ada = workspace(workspace, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    assertThat(workspaceGroup(workspace, "users").get("members").findValuesAsText("value")).contains(ada);
    assertThat(scim.state().members(accountUsersId())).contains(ada);

    workspace(workspace, "DELETE", "/Users/" + ada, null);

    assertThat(workspaceGroup(workspace, "users").get("members").findValuesAsText("value")).doesNotContain(ada);
    assertThat(scim.state().members(accountUsersId())).contains(ada);
  }

  @Test
  void assignedGroup_isNestedInUsers_soItsMembersAreIndirectMembers() {
    FakeWorkspace workspace = scim.workspace(0);
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();
    String eng = scim.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(ada)).build())
        .id().get();

    assign(workspace.id(), eng, "[\"USER\"]");

    assertThat(workspaceGroup(workspace, "users").get("members").findValuesAsText("value")).contains(eng);
    JsonNode adaInWorkspace = workspace(workspace, "GET", "/Users/" + ada, null).json;
    assertThat(adaInWorkspace.get("groups").toString()).contains("\"display\":\"users\",\"type\":\"indirect\"");
  }

  @Test
  void localUsers_joinUsersOnCreateAndLeaveOnDelete() {
    FakeWorkspace local = scim.workspace(1);
    String bob = workspace(local, "POST", "/Users", "{\"userName\":\"bob@example.com\"}").json.get("id").asText();
    String robot = workspace(local, "POST", "/ServicePrincipals", "{\"displayName\":\"robot\"}").json.get("id")
        .asText();

    assertThat(workspaceGroup(local, "users").get("members").findValuesAsText("value")).contains(bob, robot);

    workspace(local, "DELETE", "/Users/" + bob, null);

    assertThat(workspaceGroup(local, "users").get("members").findValuesAsText("value"))
        .doesNotContain(bob).contains(robot);
  }

  @Test
  void systemGroups_cannotBeDeleted() {
    FakeWorkspace workspace = scim.workspace(1);
    String users = workspaceGroup(workspace, "users").get("id").asText();

    TestHttp.Reply workspaceDelete = workspace(workspace, "DELETE", "/Groups/" + users, null);
    TestHttp.Reply accountDelete = account("DELETE", "/Groups/" + accountUsersId(), null);

    assertThat(workspaceDelete.status).isEqualTo(400);
    assertThat(workspaceDelete.json.get("status").asText()).isEqualTo("400");
    assertThat(accountDelete.status).isEqualTo(400);
    assertThat(workspaceGroup(workspace, "users").get("id").asText()).isEqualTo(users);
  }

  @Test
  void reset_recreatesTheSystemGroups() {
    String before = accountUsersId();
    account("POST", "/Users", "{\"userName\":\"ada@example.com\"}");

    scim.reset();

    assertThat(accountUsersId()).isEqualTo(before);
    assertThat(scim.state().members(before))
        .containsExactly(scim.workspace(0).adminUserId(), scim.workspace(0).userId());
    assertThat(workspaceGroup(scim.workspace(1), "admins").get("members").findValuesAsText("value"))
        .containsExactly(scim.workspace(1).adminUserId());
  }
}
