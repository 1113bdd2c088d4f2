package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimAssignmentsTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private URI account(String suffix) {
    return scim.url().resolve(
        "/api/2.0/accounts/" + scim.accountId() + "/workspaces/1001/permissionassignments" + suffix);
  }

  private URI workspace(String suffix) {
    return scim.workspace(0).url().resolve("/api/2.0/preview/permissionassignments" + suffix);
  }

  @Test
  void put_groupAssignment_returnsThePermissionAssignmentWithOnlyTheGroupName() {
    String eng = scim.state().seed(Group.builder().displayName("data-eng").build()).id().get();

    Http.Reply reply = Http.send("PUT", account("/principals/" + eng), scim.accountToken(), "{\"permissions\":[\"USER\"]}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.toString()).isEqualTo("{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":" + eng
        + ",\"display_name\":\"data-eng\",\"group_name\":\"data-eng\"}}");
  }

  @Test
  void put_servicePrincipal_namesItByApplicationId() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("etl").build());

    Http.Reply reply = Http.send("PUT", account("/principals/" + sp.id().get()), scim.accountToken(),
        "{\"permissions\":[\"ADMIN\"]}");

    assertThat(reply.json.get("principal").get("service_principal_name").asText())
        .isEqualTo(sp.applicationId().get());
    assertThat(reply.json.get("principal").has("user_name")).isFalse();
  }

  @Test
  void list_afterAssignments_showsTokenOwnersAndNewOnes() {
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();
    Http.send("PUT", account("/principals/" + ada), scim.accountToken(), "{\"permissions\":[\"USER\"]}");

    Http.Reply reply = Http.send("GET", account(""), scim.accountToken(), null);

    assertThat(reply.json.get("permission_assignments")).hasSize(3);
    assertThat(reply.json.get("permission_assignments").get(0).get("permissions").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(reply.json.get("permission_assignments").get(2).get("principal").get("user_name").asText())
        .isEqualTo("ada@example.com");
  }

  @Test
  void put_emptyPermissions_removesTheAssignment() {
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();
    scim.state().assign(1001, ada, "USER");

    Http.send("PUT", account("/principals/" + ada), scim.accountToken(), "{\"permissions\":[]}");

    assertThat(Http.workspace(scim, 0, "GET", "/Users/" + ada, null).status).isEqualTo(404);
  }

  @Test
  void delete_assignment_unassignsAndSecondDeleteIs404() {
    String ada = scim.state().seed(User.builder().userName("ada@example.com").build()).id().get();
    scim.state().assign(1001, ada, "USER");

    assertThat(Http.send("DELETE", account("/principals/" + ada), scim.accountToken(), null).status).isEqualTo(200);
    assertThat(Http.send("DELETE", account("/principals/" + ada), scim.accountToken(), null).status).isEqualTo(404);
  }

  @Test
  void get_permissions_listsTheLevels() {
    Http.Reply reply = Http.send("GET", account("/permissions"), scim.accountToken(), null);

    assertThat(reply.json.get("permissions").findValuesAsText("permission_level")).containsExactly("USER", "ADMIN");
  }

  @Test
  void put_unknownPrincipalOrWorkspace_returns404() {
    assertThat(Http.send("PUT", account("/principals/99"), scim.accountToken(), "{\"permissions\":[\"USER\"]}").status)
        .isEqualTo(404);
    assertThat(Http.send("GET", scim.url().resolve("/api/2.0/accounts/" + scim.accountId()
        + "/workspaces/4242/permissionassignments"), scim.accountToken(), null).status).isEqualTo(404);
  }

  @Test
  void workspaceApi_putPostListDelete() {
    String eng = scim.state().seed(Group.builder().displayName("eng").build()).id().get();
    scim.state().seed(User.builder().userName("ada@example.com").build());
    String admin = scim.workspace(0).adminToken();

    Http.Reply put = Http.send("PUT", workspace("/principals/" + eng), admin, "{\"permissions\":[\"USER\"]}");
    Http.Reply post = Http.send("POST", workspace(""), admin,
        "{\"permission_assignments\":[{\"user_name\":\"ada@example.com\",\"permissions\":[\"USER\"]}]}");
    Http.Reply list = Http.send("GET", workspace(""), admin, null);
    Http.Reply delete = Http.send("DELETE", workspace("/principals/" + eng), admin, null);

    assertThat(put.json.get("principal").get("group_name").asText()).isEqualTo("eng");
    assertThat(post.json.get("permission_assignments").get(0).get("principal").get("user_name").asText())
        .isEqualTo("ada@example.com");
    assertThat(list.json.get("permission_assignments")).hasSize(4);
    assertThat(delete.status).isEqualTo(200);
    assertThat(Http.workspace(scim, 0, "GET", "/Groups/" + eng, null).status).isEqualTo(404);
  }

  @Test
  void workspaceApi_plainUser_isRefused() {
    Http.Reply reply = Http.send("GET", workspace(""), scim.workspace(0).userToken(), null);

    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.json.get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
  }
}
