package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static dev.dbscim.testkit.Http.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class FakeScimPatchTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();
  private String ada;
  private String bob;
  private String group;

  @BeforeEach
  void seed() {
    ada = scim.state().seed(User.builder().userName("ada@example.com").displayName("Ada").build()).id().get();
    bob = scim.state().seed(User.builder().userName("bob@example.com").displayName("Bob").build()).id().get();
    group = scim.state().seed(Group.builder().displayName("eng").addMembers(ComplexValue.of(bob)).build()).id().get();
  }

  private Http.Reply patchGroup(String operations) {
    return account(scim, "PATCH", "/Groups/" + group, "{\"Operations\":[" + operations + "]}");
  }

  private Http.Reply patchUser(String operations) {
    return account(scim, "PATCH", "/Users/" + ada,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}");
  }

  @Test
  void patch_addMembersWithPathAndArray_returns200WithTheGroup() {
    Http.Reply reply = patchGroup("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("members")).hasSize(2);
    assertThat(scim.state().members(group)).containsExactly(bob, ada);
  }

  @Test
  void patch_addMembersWithoutPath_addsThem() {
    patchGroup("{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"" + ada + "\"}]}}");

    assertThat(scim.state().members(group)).containsExactly(bob, ada);
  }

  @Test
  void patch_entraCapitalisedAddWithNullRef_addsMember() {
    Http.Reply reply =
        patchGroup("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + ada + "\"}]}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(scim.state().members(group)).containsExactly(bob, ada);
  }

  @Test
  void patch_filteredRemoveOfMember_removesIt() {
    patchGroup("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + bob + "\\\"]\"}");

    assertThat(scim.state().members(group)).isEmpty();
    assertThat(account(scim, "GET", "/Users/" + bob, null).json.get("groups").findValuesAsText("value"))
        .doesNotContain(group);
  }

  @Test
  void patch_entraRemoveWithValueArray_removesMember() {
    patchGroup("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}");

    assertThat(scim.state().members(group)).isEmpty();
  }

  @Test
  void patch_oktaReplaceMembers_pushesTheFullList() {
    patchGroup("{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\",\"display\":\"x\"}]}");

    assertThat(scim.state().members(group)).containsExactly(ada);
  }

  @Test
  void patch_oktaPathlessRenameWithId_ignoresTheId() {
    Http.Reply reply = patchGroup("{\"op\":\"replace\",\"value\":{\"id\":\"" + group + "\",\"displayName\":\"eng2\"}}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("id").asText()).isEqualTo(group);
    assertThat(reply.json.get("displayName").asText()).isEqualTo("eng2");
  }

  @Test
  void patch_ucxRenameWithoutSchemas_renames() {
    Http.Reply reply = account(scim, "PATCH", "/Groups/" + group,
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"db-temp-eng\"}]}");

    assertThat(reply.json.get("displayName").asText()).isEqualTo("db-temp-eng");
    assertThat(scim.state().groupByName("db-temp-eng")).isPresent();
  }

  @Test
  void patch_renameOntoAnExistingName_returns409() {
    scim.state().seed(Group.builder().displayName("ops").build());

    Http.Reply reply = patchGroup("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"ops\"}");

    assertThat(reply.status).isEqualTo(409);
    assertThat(reply.json.get("detail").asText()).isEqualTo("Group with name ops already exists.");
  }

  @Test
  void patch_addOnScalar_renamesTheUser() {
    Http.Reply reply = patchUser("{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"Ada L.\"}");

    assertThat(reply.json.get("displayName").asText()).isEqualTo("Ada L.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"false\"", "\"False\"", "false", "[{\"value\":\"false\"}]"})
  void patch_activeInEveryForm_deactivates(String value) {
    Http.Reply reply = patchUser("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + value + "}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("active").isBoolean()).isTrue();
    assertThat(reply.json.get("active").asBoolean()).isFalse();
  }

  @Test
  void patch_oktaPathlessDeactivation_deactivates() {
    Http.Reply reply = patchUser("{\"op\":\"replace\",\"value\":{\"active\":false}}");

    assertThat(reply.json.get("active").asBoolean()).isFalse();
  }

  @Test
  void patch_entraPathlessDottedKeys_setSubAttributes() {
    Http.Reply reply = patchUser("{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Augusta\",\"displayName\":\"A\"}}");

    assertThat(reply.json.get("name").get("givenName").asText()).isEqualTo("Augusta");
  }

  @Test
  void patch_userNameAndEmails_areIgnored() {
    Http.Reply reply = patchUser("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"eve@example.com\"},"
        + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"eve@example.com\"}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("userName").asText()).isEqualTo("ada@example.com");
    assertThat(reply.json.get("emails").get(0).get("value").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void patch_pathlessAccountRoles_addsRole() {
    Http.Reply reply = patchUser("{\"op\":\"add\",\"value\":{\"roles\":[{\"value\":\"account_admin\"}]}}");

    assertThat(reply.json.get("roles").toString()).isEqualTo("[{\"value\":\"account_admin\"}]");
    assertThat(account(scim, "GET", "/Users/" + ada, null).json.get("roles")).hasSize(1);
  }

  @Test
  void patch_bareStringMember_returns400InvalidSyntaxWithTheRealDetail() {
    Http.Reply reply = patchGroup("{\"op\":\"add\",\"path\":\"members\",\"value\":\"" + ada + "\"}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("scimType").asText()).isEqualTo("invalidSyntax");
    assertThat(reply.json.get("detail").asText())
        .isEqualTo("Request is unparsable, syntactically incorrect, or violates schema.");
    assertThat(scim.state().members(group)).containsExactly(bob);
  }

  @Test
  void patch_entitlementsAtAccountLevel_returns400() {
    Http.Reply reply = patchUser("{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"workspace-access\"}]}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("detail").asText()).isEqualTo("entitlements can only be managed at the workspace level");
  }

  @Test
  void patch_entitlementsInWorkspace_addAndFilteredRemove() {
    String path = "/Users/" + scim.workspace(0).userId();

    Http.Reply added = workspace(scim, 0, "PATCH", path, "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\","
        + "\"value\":[{\"value\":\"allow-cluster-create\"},{\"value\":\"databricks-sql-access\"}]}]}");
    Http.Reply removed = workspace(scim, 0, "PATCH", path, "{\"Operations\":[{\"op\":\"remove\","
        + "\"path\":\"entitlements[value eq \\\"allow-cluster-create\\\"]\"}]}");

    assertThat(added.json.get("entitlements")).hasSize(2);
    assertThat(removed.json.get("entitlements").toString()).isEqualTo("[{\"value\":\"databricks-sql-access\"}]");
    assertThat(account(scim, "GET", path, null).json.has("entitlements")).isFalse();
  }

  @Test
  void patch_removeEntitlementsFromPrincipalWithout_returns400InvalidPath() {
    Http.Reply reply = workspace(scim, 0, "PATCH", "/Users/" + scim.workspace(0).userId(),
        "{\"Operations\":[{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"workspace-access\\\"]\"}]}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("scimType").asText()).isEqualTo("invalidPath");
    assertThat(reply.json.get("detail").asText())
        .isEqualTo("No such attribute with the name : entitlements in the current resource");
  }

  @Test
  void patch_unknownOp_returns400InvalidSyntax() {
    Http.Reply reply = patchUser("{\"op\":\"move\",\"path\":\"displayName\",\"value\":\"x\"}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("scimType").asText()).isEqualTo("invalidSyntax");
  }

  @Test
  void patch_failureOfPatchApplier_mapsItsScimType() {
    Http.Reply reply = patchUser("{\"op\":\"replace\",\"path\":\"roles[value eq \\\"nope\\\"].value\",\"value\":\"x\"}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("scimType").asText()).isEqualTo("noTarget");
    assertThat(reply.json.get("status").asText()).isEqualTo("400");
  }

  @Test
  void patch_readsTheJavaSdkBodyWithOperationsFirst() {
    Http.Reply reply = account(scim, "PATCH", "/Groups/" + group,
        "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]},"
            + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + bob + "\\\"]\"}],"
            + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(scim.state().members(group)).containsExactly(ada);
    JsonNode adaGroups = account(scim, "GET", "/Users/" + ada, null).json.get("groups");
    assertThat(adaGroups.findValuesAsText("value")).contains(group);
  }
}
