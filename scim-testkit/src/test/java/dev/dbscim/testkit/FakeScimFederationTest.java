package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimFederationTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().workspaces(2).nonFederatedWorkspaces(1).build();

  private Http.Reply ws(int index, String method, String path, String body) {
    return Http.workspace(scim, index, method, path, body);
  }

  private URI assignments(long workspaceId, String suffix) {
    return scim.url().resolve(
        "/api/2.0/accounts/" + scim.accountId() + "/workspaces/" + workspaceId + "/permissionassignments" + suffix);
  }

  @Test
  void workspaces_haveDistinctHostsIdsAndTokens() {
    assertThat(scim.workspaces()).extracting(FakeWorkspace::id).containsExactly(1001L, 1002L, 1003L);
    assertThat(scim.workspaces()).extracting(FakeWorkspace::federated).containsExactly(true, true, false);
    assertThat(scim.workspace(0).url()).isNotEqualTo(scim.workspace(1).url()).isNotEqualTo(scim.url());
    assertThat(Http.send("GET", Http.workspaceUri(scim.workspace(1), "/Me"), scim.workspace(0).adminToken(), null)
        .status).isEqualTo(403);
  }

  @Test
  void post_userInFederatedWorkspace_createsAndAssignsTheAccountUser() {
    String id = ws(0, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    assertThat(account(scim, "GET", "/Users/" + id, null).status).isEqualTo(200);
    assertThat(Http.send("GET", assignments(1001, ""), scim.accountToken(), null).json.toString())
        .contains("{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":" + id
            + ",\"display_name\":\"ada@example.com\",\"user_name\":\"ada@example.com\"}}");
    assertThat(ws(1, "GET", "/Users/" + id, null).status).isEqualTo(404);
  }

  @Test
  void post_existingAccountUserInAnotherFederatedWorkspace_assignsIt() {
    String id = ws(0, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    Http.Reply reply = ws(1, "POST", "/Users", "{\"userName\":\"ada@example.com\"}");

    assertThat(reply.status).isEqualTo(201);
    assertThat(reply.json.get("id").asText()).isEqualTo(id);
    assertThat(scim.state().userCount()).isEqualTo(1);
  }

  @Test
  void post_userInNonFederatedWorkspace_isWorkspaceLocal() {
    String id = ws(2, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    assertThat(account(scim, "GET", "/Users/" + id, null).status).isEqualTo(404);
    assertThat(scim.state().localUserCount(1003)).isEqualTo(1);
  }

  @Test
  void accountUser_becomesVisibleThroughDirectOrGroupAssignment() {
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();
    String bob = scim.state().seed(User.builder().userName("bob@example.com").build()).id().get();
    String eng = scim.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(bob)).build())
        .id().get();
    assertThat(ws(0, "GET", "/Users/" + ada, null).status).isEqualTo(404);

    Http.Reply put = Http.send("PUT", assignments(1001, "/principals/" + ada), scim.accountToken(),
        "{\"permissions\":[\"USER\"]}");
    scim.state().assign(1001, eng, "USER");

    assertThat(put.status).isEqualTo(200);
    assertThat(ws(0, "GET", "/Users/" + ada, null).status).isEqualTo(200);
    JsonNode bobInWorkspace = ws(0, "GET", "/Users/" + bob, null).json;
    assertThat(bobInWorkspace.get("groups").get(0).get("value").asText()).isEqualTo(eng);
    JsonNode groups = ws(0, "GET", "/Groups?filter=displayName+eq+%22eng%22", null).json.get("Resources");
    assertThat(groups.get(0).get("meta").get("resourceType").asText()).isEqualTo("Group");
    assertThat(ws(1, "GET", "/Users/" + bob, null).status).isEqualTo(404);
  }

  @Test
  void assignment_toNonFederatedWorkspace_isRefused() {
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();

    Http.Reply reply = Http.send("PUT", assignments(1003, "/principals/" + ada), scim.accountToken(),
        "{\"permissions\":[\"USER\"]}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(Http.workspace(scim, 2, "GET", "/Users/" + ada, null).status).isEqualTo(404);
  }

  @Test
  void entitlements_arePerWorkspace() {
    String ada = ws(0, "POST", "/Users",
        "{\"userName\":\"ada@example.com\",\"entitlements\":[{\"value\":\"workspace-access\"}]}").json.get("id").asText();
    ws(1, "POST", "/Users", "{\"userName\":\"ada@example.com\"}");

    assertThat(ws(0, "GET", "/Users/" + ada, null).json.get("entitlements")).hasSize(1);
    assertThat(ws(1, "GET", "/Users/" + ada, null).json.has("entitlements")).isFalse();
  }

  @Test
  void delete_accountUserThroughFederatedWorkspace_onlyUnassignsIt() {
    String ada = ws(0, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    assertThat(ws(0, "DELETE", "/Users/" + ada, null).status).isEqualTo(204);

    assertThat(ws(0, "GET", "/Users/" + ada, null).status).isEqualTo(404);
    assertThat(account(scim, "GET", "/Users/" + ada, null).status).isEqualTo(200);
  }

  @Test
  void proxy_workspaceAdminCreatesAccountUsersButOnlyReadsGroups() {
    FakeWorkspace workspace = scim.workspace(0);
    URI users = workspace.url().resolve("/api/2.0/account/scim/v2/Users");
    URI groups = workspace.url().resolve("/api/2.0/account/scim/v2/Groups");
    scim.state().seed(Group.builder().displayName("eng").build());

    Http.Reply created = Http.send("POST", users, workspace.adminToken(), "{\"userName\":\"ada@example.com\"}");
    Http.Reply groupCreate = Http.send("POST", groups, workspace.adminToken(), "{\"displayName\":\"ops\"}");
    Http.Reply groupList = Http.send("GET", groups.resolve("Groups?attributes=id,displayName,externalId"),
        workspace.adminToken(), null);
    Http.Reply plainUser = Http.send("GET", groups, workspace.userToken(), null);

    assertThat(created.status).isEqualTo(201);
    assertThat(account(scim, "GET", "/Users/" + created.json.get("id").asText(), null).status).isEqualTo(200);
    assertThat(groupCreate.status).isEqualTo(403);
    assertThat(groupList.status).isEqualTo(200);
    assertThat(groupList.json.get("Resources").findValuesAsText("displayName")).containsExactly("account users", "eng");
    assertThat(plainUser.status).isEqualTo(403);
  }
}
