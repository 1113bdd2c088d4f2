package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static dev.dbscim.testkit.Http.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimGroupsTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private String userId(String userName, String displayName) {
    return scim.state().seed(User.builder().userName(userName).displayName(displayName).build()).id().get();
  }

  @Test
  void post_accountGroupWithMember_returnsTheRealShape() {
    String ada = userId("ada@example.com", "Ada Lovelace");

    Http.Reply reply = account(scim, "POST", "/Groups",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"dummies\","
            + "\"members\":[{\"value\":\"" + ada + "\"}]}");

    assertThat(reply.status).isEqualTo(201);
    JsonNode group = reply.json;
    assertThat(group.get("meta").toString()).isEqualTo("{\"resourceType\":\"Group\"}");
    assertThat(group.get("groups").toString()).isEqualTo("[]");
    assertThat(group.get("members").toString()).isEqualTo(
        "[{\"display\":\"Ada Lovelace\",\"value\":\"" + ada + "\",\"$ref\":\"Users/" + ada + "\"}]");
    assertThat(scim.state().members(group.get("id").asText())).containsExactly(ada);
  }

  @Test
  void post_workspaceGroup_isWorkspaceLocal() {
    Http.Reply reply = workspace(scim, 0, "POST", "/Groups",
        "{\"displayName\":\"dummies\",\"entitlements\":[{\"value\":\"allow-cluster-create\"}]}");

    assertThat(reply.status).isEqualTo(201);
    assertThat(reply.json.get("meta").get("resourceType").asText()).isEqualTo("WorkspaceGroup");
    assertThat(reply.json.get("entitlements").toString()).isEqualTo("[{\"value\":\"allow-cluster-create\"}]");
    assertThat(account(scim, "GET", "/Groups/" + reply.json.get("id").asText(), null).status).isEqualTo(404);
  }

  @Test
  void post_duplicateGroupName_returns409WithTheRealBody() {
    account(scim, "POST", "/Groups", "{\"displayName\":\"admins\"}");

    Http.Reply reply = account(scim, "POST", "/Groups", "{\"displayName\":\"admins\"}");

    assertThat(reply.status).isEqualTo(409);
    assertThat(reply.json.toString()).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
        + "\"detail\":\"Group with name admins already exists.\",\"status\":\"409\"}");
  }

  @Test
  void members_ofEachKind_carryTheirRef() {
    String ada = userId("ada@example.com", "Ada");
    String sp = scim.state().seed(ServicePrincipal.builder().displayName("etl").build()).id().get();
    String child = scim.state().seed(Group.builder().displayName("child").build()).id().get();

    Group parent = scim.state().seed(Group.builder().displayName("parent")
        .addMembers(ComplexValue.of(ada), ComplexValue.of(sp), ComplexValue.of(child)).build());

    JsonNode members = account(scim, "GET", "/Groups/" + parent.id().get(), null).json.get("members");
    assertThat(members.get(0).get("$ref").asText()).isEqualTo("Users/" + ada);
    assertThat(members.get(1).get("$ref").asText()).isEqualTo("ServicePrincipals/" + sp);
    assertThat(members.get(1).get("display").asText()).isEqualTo("etl");
    assertThat(members.get(2).get("$ref").asText()).isEqualTo("Groups/" + child);
  }

  @Test
  void groups_onNestedMember_showDirectAndIndirect() {
    String ada = userId("ada@example.com", "Ada");
    String inner = scim.state().seed(Group.builder().displayName("inner").addMembers(ComplexValue.of(ada)).build())
        .id().get();
    String outer = scim.state().seed(Group.builder().displayName("outer").addMembers(ComplexValue.of(inner)).build())
        .id().get();

    JsonNode groups = account(scim, "GET", "/Users/" + ada, null).json.get("groups");
    JsonNode innerGroups = account(scim, "GET", "/Groups/" + inner, null).json.get("groups");

    String everyone = scim.state().groupByName("account users").get().id().get();
    assertThat(groups.toString()).isEqualTo(
        "[{\"display\":\"account users\",\"type\":\"direct\",\"value\":\"" + everyone
            + "\",\"$ref\":\"Groups/" + everyone + "\"},"
            + "{\"display\":\"inner\",\"type\":\"direct\",\"value\":\"" + inner + "\",\"$ref\":\"Groups/" + inner
            + "\"},"
            + "{\"display\":\"outer\",\"type\":\"indirect\",\"value\":\"" + outer + "\",\"$ref\":\"Groups/" + outer
            + "\"}]");
    assertThat(innerGroups.get(0).get("value").asText()).isEqualTo(outer);
    assertThat(innerGroups.get(0).get("type").asText()).isEqualTo("direct");
  }

  @Test
  void list_accountGroups_omitsMembersButGetByIdHasThem() {
    String ada = userId("ada@example.com", "Ada");
    String id = scim.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(ada)).build())
        .id().get();

    JsonNode listed = account(scim, "GET", "/Groups", null).json.get("Resources").get(0);

    assertThat(listed.has("members")).isFalse();
    assertThat(account(scim, "GET", "/Groups/" + id, null).json.get("members")).hasSize(1);
  }

  @Test
  void list_accountGroupsWithLegacyOption_includesMembers() {
    try (FakeScimServer legacy = FakeScimServer.builder().accountGroupListIncludesMembers(true).build().start()) {
      String ada = legacy.state().seed(User.builder().userName("ada@example.com").build()).id().get();
      legacy.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(ada)).build());

      JsonNode listed = account(legacy, "GET", "/Groups?filter=displayName%20eq%20%22eng%22", null)
          .json.get("Resources").get(0);

      assertThat(listed.get("members")).hasSize(1);
    }
  }

  @Test
  void list_workspaceGroups_includeMembers() {
    String group = workspace(scim, 0, "POST", "/Groups",
        "{\"displayName\":\"local\",\"members\":[{\"value\":\"" + scim.workspace(0).userId() + "\"}]}")
        .json.get("id").asText();

    JsonNode listed = workspace(scim, 0, "GET", "/Groups?filter=displayName+eq+local", null).json.get("Resources");

    assertThat(listed.get(0).get("id").asText()).isEqualTo(group);
    assertThat(listed.get(0).get("members")).hasSize(1);
  }

  @Test
  void patch_addingAnAncestorAsMember_isRefusedAsACycle() {
    String inner = scim.state().seed(Group.builder().displayName("inner").build()).id().get();
    String outer = scim.state().seed(Group.builder().displayName("outer").addMembers(ComplexValue.of(inner)).build())
        .id().get();

    Http.Reply reply = account(scim, "PATCH", "/Groups/" + inner,
        "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + outer + "\"}]}]}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(scim.state().members(inner)).isEmpty();
  }

  @Test
  void post_groupWithUnknownMember_returns404AndCreatesNothing() {
    Http.Reply reply = account(scim, "POST", "/Groups", "{\"displayName\":\"eng\",\"members\":[{\"value\":\"77\"}]}");

    assertThat(reply.status).isEqualTo(404);
    assertThat(scim.state().groupByName("eng")).isEmpty();
  }

  @Test
  void delete_accountUser_removesItFromEveryGroupAndWorkspace() {
    String ada = userId("ada@example.com", "Ada");
    String eng = scim.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(ada)).build())
        .id().get();
    scim.state().assign(1001, ada, "USER");
    String local = workspace(scim, 0, "POST", "/Groups",
        "{\"displayName\":\"local\",\"members\":[{\"value\":\"" + ada + "\"}]}").json.get("id").asText();

    assertThat(account(scim, "DELETE", "/Users/" + ada, null).status).isEqualTo(204);

    assertThat(scim.state().members(eng)).isEmpty();
    assertThat(scim.state().members(local)).isEmpty();
    assertThat(workspace(scim, 0, "GET", "/Users/" + ada, null).status).isEqualTo(404);
    assertThat(Http.send("GET", scim.url().resolve("/api/2.0/accounts/" + scim.accountId()
        + "/workspaces/1001/permissionassignments"), scim.accountToken(), null).text).doesNotContain(ada);
  }

  @Test
  void delete_group_removesItFromItsParentsAndMembersLoseIt() {
    String ada = userId("ada@example.com", "Ada");
    String inner = scim.state().seed(Group.builder().displayName("inner").addMembers(ComplexValue.of(ada)).build())
        .id().get();
    String outer = scim.state().seed(Group.builder().displayName("outer").addMembers(ComplexValue.of(inner)).build())
        .id().get();

    assertThat(account(scim, "DELETE", "/Groups/" + inner, null).status).isEqualTo(204);

    assertThat(scim.state().members(outer)).isEmpty();
    assertThat(account(scim, "GET", "/Users/" + ada, null).json.get("groups").findValuesAsText("display"))
        .containsExactly("account users");
  }

  @Test
  void put_group_replacesMembersAndRenames() {
    String ada = userId("ada@example.com", "Ada");
    String bob = userId("bob@example.com", "Bob");
    String id = scim.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(ada)).build())
        .id().get();

    Http.Reply reply = account(scim, "PUT", "/Groups/" + id,
        "{\"displayName\":\"engineering\",\"members\":[{\"value\":\"" + bob + "\"}]}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("displayName").asText()).isEqualTo("engineering");
    assertThat(scim.state().members(id)).containsExactly(bob);
    assertThat(scim.state().groupByName("eng")).isEmpty();
  }
}
