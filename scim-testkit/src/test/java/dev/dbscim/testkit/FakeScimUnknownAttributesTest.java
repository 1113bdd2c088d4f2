package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static dev.dbscim.testkit.Http.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Databricks' Users, Groups and ServicePrincipals have a fixed attribute set; the fake keeps only those attributes
 * (and their documented sub-attributes) unless {@link FakeScimServer.Builder#unknownAttributesKept(boolean)} is on.
 */
@Timeout(10)
class FakeScimUnknownAttributesTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String USER_WITH_EXTRAS = "{\"userName\":\"ada@example.com\",\"displayName\":\"Ada\","
      + "\"dispalyName\":\"typo\",\"addresses\":[{\"locality\":\"London\"}],\"nickName\":\"ada\","
      + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"middleName\":\"Augusta\"},"
      + "\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\",\"primary\":true,\"verified\":true}],"
      + "\"externalId\":\"e-1\",\"active\":true,\"" + ENTERPRISE + "\":{\"department\":\"R&D\"}}";

  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  @Test
  void post_userWithUnknownAttributes_storesAndReturnsOnlyDatabricksAttributes() {
    Http.Reply created = account(scim, "POST", "/Users", USER_WITH_EXTRAS);
    Http.Reply read = account(scim, "GET", "/Users/" + created.json.get("id").asText(), null);

    assertThat(created.status).isEqualTo(201);
    for (JsonNode user : new JsonNode[] {created.json, read.json}) {
      assertThat(names(user)).containsExactlyInAnyOrder(
          "schemas", "id", "userName", "displayName", "name", "emails", "externalId", "active", "groups");
      assertThat(names(user.get("name"))).containsExactly("givenName", "familyName");
      assertThat(names(user.get("emails").get(0))).containsExactly("value", "type", "primary");
      assertThat(user.get("displayName").asText()).isEqualTo("Ada");
    }
  }

  @Test
  void post_mixedCaseKnownAttributes_areKeptUnderTheirSchemaNames() {
    Http.Reply created = account(scim, "POST", "/Users",
        "{\"userName\":\"ada@example.com\",\"DisplayName\":\"Ada\",\"NAME\":{\"GivenName\":\"Ada\"}}");

    assertThat(created.json.get("displayName").asText()).isEqualTo("Ada");
    assertThat(created.json.get("name").get("givenName").asText()).isEqualTo("Ada");
  }

  @Test
  void put_userWithUnknownAttributes_dropsThem() {
    String id = account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    Http.Reply replaced = account(scim, "PUT", "/Users/" + id,
        "{\"userName\":\"ada@example.com\",\"displayName\":\"Ada\",\"title\":\"Countess\","
            + "\"name\":{\"familyName\":\"Lovelace\",\"honorificPrefix\":\"Lady\"}}");

    assertThat(replaced.status).isEqualTo(200);
    assertThat(replaced.json.has("title")).isFalse();
    assertThat(names(replaced.json.get("name"))).containsExactly("familyName");
    assertThat(replaced.json.get("displayName").asText()).isEqualTo("Ada");
  }

  @Test
  void patch_addOfUnknownAttributes_isIgnoredWhileKnownOnesApply() {
    String id = account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();

    Http.Reply patched = account(scim, "PATCH", "/Users/" + id, "{\"Operations\":["
        + "{\"op\":\"add\",\"path\":\"addresses\",\"value\":[{\"locality\":\"London\"}]},"
        + "{\"op\":\"replace\",\"path\":\"name.middleName\",\"value\":\"Augusta\"},"
        + "{\"op\":\"add\",\"value\":{\"displayName\":\"Ada\",\"preferredLanguage\":\"en\"}}]}");
    Http.Reply read = account(scim, "GET", "/Users/" + id, null);

    assertThat(patched.status).isEqualTo(200);
    for (JsonNode user : new JsonNode[] {patched.json, read.json}) {
      assertThat(user.has("addresses")).isFalse();
      assertThat(user.has("preferredLanguage")).isFalse();
      assertThat(user.path("name").has("middleName")).isFalse();
      assertThat(user.get("displayName").asText()).isEqualTo("Ada");
    }
  }

  @Test
  void post_groupAndServicePrincipal_keepOnlyTheirOwnAttributes() {
    Http.Reply group = account(scim, "POST", "/Groups",
        "{\"displayName\":\"eng\",\"externalId\":\"g-1\",\"description\":\"x\",\"active\":true,\"userName\":\"u\"}");
    Http.Reply servicePrincipal = account(scim, "POST", "/ServicePrincipals",
        "{\"displayName\":\"bot\",\"externalId\":\"s-1\",\"userName\":\"u\",\"name\":{\"givenName\":\"b\"},"
            + "\"owner\":\"me\"}");

    assertThat(names(group.json)).containsExactlyInAnyOrder(
        "schemas", "id", "displayName", "externalId", "groups", "meta");
    assertThat(names(servicePrincipal.json)).containsExactlyInAnyOrder(
        "schemas", "id", "displayName", "externalId", "applicationId", "active", "groups");
  }

  @Test
  void post_workspaceUserWithUnknownAttributes_dropsThem() {
    Http.Reply created = workspace(scim, 0, "POST", "/Users",
        "{\"userName\":\"ada@example.com\",\"addresses\":[{\"locality\":\"London\"}],\"" + ENTERPRISE
            + "\":{\"department\":\"R&D\"}}");

    assertThat(created.status).isEqualTo(201);
    assertThat(created.json.has("addresses")).isFalse();
    assertThat(created.json.has(ENTERPRISE)).isFalse();
  }

  @Test
  void post_modelWithAdditionalAttributes_readsBackWithoutThem() {
    User sent = User.builder().userName("ada@example.com")
        .putAdditionalAttributes("addresses", JsonNodeFactory.instance.arrayNode().add("London"))
        .build();

    Http.Reply reply = Http.account(scim, "POST", "/Users", ScimJson.write(sent));
    User created = ScimJson.read(reply.text, User.class);

    assertThat(created.additionalAttributes()).isEmpty();
    assertThat(scim.state().userByName("ada@example.com").orElseThrow().additionalAttributes()).isEmpty();
  }

  @Test
  void unknownAttributesKept_echoesEveryAttributeAsBefore() {
    try (FakeScimServer keeping = FakeScimServer.builder().unknownAttributesKept(true).build().start()) {
      Http.Reply created = Http.send("POST", Http.accountUri(keeping, "/Users"), keeping.accountToken(),
          USER_WITH_EXTRAS);

      assertThat(created.json.get("addresses").get(0).get("locality").asText()).isEqualTo("London");
      assertThat(created.json.get("dispalyName").asText()).isEqualTo("typo");
      assertThat(created.json.get(ENTERPRISE).get("department").asText()).isEqualTo("R&D");
      assertThat(created.json.get("name").get("middleName").asText()).isEqualTo("Augusta");
      assertThat(created.json.get("emails").get(0).get("verified").asBoolean()).isTrue();
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
