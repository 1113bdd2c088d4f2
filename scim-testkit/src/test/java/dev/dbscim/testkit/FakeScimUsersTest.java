package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static dev.dbscim.testkit.Http.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimUsersTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private static final String DOC_USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user@example.com\","
          + "\"displayName\":\"John Doe\",\"name\":{\"familyName\":\"Doe\",\"givenName\":\"John\"}}";

  @Test
  void post_accountUser_returns201WithTheDocumentedShape() {
    Http.Reply reply = account(scim, "POST", "/Users", DOC_USER);

    assertThat(reply.status).isEqualTo(201);
    JsonNode user = reply.json;
    assertThat(user.get("id").asText()).matches("[0-9]{16}");
    assertThat(user.get("schemas").toString()).isEqualTo("[\"urn:ietf:params:scim:schemas:core:2.0:User\"]");
    assertThat(user.get("userName").asText()).isEqualTo("user@example.com");
    assertThat(user.get("emails").toString())
        .isEqualTo("[{\"type\":\"work\",\"value\":\"user@example.com\",\"primary\":true}]");
    assertThat(user.get("displayName").asText()).isEqualTo("John Doe");
    assertThat(user.get("name").get("givenName").asText()).isEqualTo("John");
    assertThat(user.get("active").asBoolean()).isTrue();
    assertThat(user.has("meta")).isFalse();
    assertThat(user.get("groups").findValuesAsText("display")).containsExactly("account users");
    assertThat(reply.headers.firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void post_mixedCaseUserName_storesItLowerCase() {
    Http.Reply reply = account(scim, "POST", "/Users", "{\"userName\":\"Ada.Lovelace@Example.COM\"}");

    assertThat(reply.json.get("userName").asText()).isEqualTo("ada.lovelace@example.com");
    assertThat(scim.state().userByName("ADA.lovelace@example.com")).isPresent();
  }

  @Test
  void post_duplicateAccountUser_returns409WithTheAccountDetail() {
    account(scim, "POST", "/Users", DOC_USER);

    Http.Reply reply = account(scim, "POST", "/Users", "{\"userName\":\"USER@example.com\"}");

    assertThat(reply.status).isEqualTo(409);
    assertThat(reply.json.get("detail").asText()).isEqualTo("User with email user@example.com already exists in this account");
    assertThat(reply.json.get("status").isTextual()).isTrue();
    assertThat(reply.json.get("status").asText()).isEqualTo("409");
    assertThat(reply.json.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
  }

  @Test
  void post_duplicateWorkspaceUser_returns409WithTheWorkspaceDetail() {
    workspace(scim, 0, "POST", "/Users", DOC_USER);

    Http.Reply reply = workspace(scim, 0, "POST", "/Users", DOC_USER);

    assertThat(reply.status).isEqualTo(409);
    assertThat(reply.json.get("detail").asText()).isEqualTo("User with username user@example.com already exists.");
  }

  @Test
  void get_unknownId_returns404ScimError() {
    Http.Reply reply = account(scim, "GET", "/Users/42", null);

    assertThat(reply.status).isEqualTo(404);
    assertThat(reply.json.get("status").asText()).isEqualTo("404");
    assertThat(reply.json.get("detail").asText()).isEqualTo("User not found.");
  }

  @Test
  void put_changesAttributes_ignoresUserNameAndEmails() {
    String id = account(scim, "POST", "/Users", DOC_USER).json.get("id").asText();

    Http.Reply reply = account(scim, "PUT", "/Users/" + id,
        "{\"id\":\"" + id + "\",\"userName\":\"other@example.com\",\"displayName\":\"J. Doe\",\"active\":false,"
            + "\"emails\":[{\"value\":\"x@y.z\"}]}");

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("userName").asText()).isEqualTo("user@example.com");
    assertThat(reply.json.get("emails").get(0).get("value").asText()).isEqualTo("user@example.com");
    assertThat(reply.json.get("displayName").asText()).isEqualTo("J. Doe");
    assertThat(reply.json.get("active").asBoolean()).isFalse();
    assertThat(reply.json.has("name")).as("PUT drops omitted attributes").isFalse();
  }

  @Test
  void delete_existingUser_returns204ThenGetReturns404() {
    String id = account(scim, "POST", "/Users", DOC_USER).json.get("id").asText();

    Http.Reply deleted = account(scim, "DELETE", "/Users/" + id, null);

    assertThat(deleted.status).isEqualTo(204);
    assertThat(deleted.text).isEmpty();
    assertThat(account(scim, "GET", "/Users/" + id, null).status).isEqualTo(404);
    assertThat(account(scim, "DELETE", "/Users/" + id, null).status).isEqualTo(404);
  }

  @Test
  void post_entitlementsAtAccountLevel_returns400WithTheRealDetail() {
    Http.Reply reply = account(scim, "POST", "/Users",
        "{\"userName\":\"a@b.com\",\"entitlements\":[{\"value\":\"allow-cluster-create\"}]}");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("detail").asText()).isEqualTo("entitlements can only be managed at the workspace level");
    assertThat(reply.json.get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(scim.state().userByName("a@b.com")).isEmpty();
  }

  @Test
  void post_workspaceUserWithEntitlements_keepsThem() {
    Http.Reply reply = workspace(scim, 0, "POST", "/Users",
        "{\"active\":true,\"displayName\":\"A B\",\"entitlements\":[{\"value\":\"allow-cluster-create\"}],"
            + "\"name\":{\"familyName\":\"B\",\"givenName\":\"A\"},"
            + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a@b.com\"}");

    assertThat(reply.status).isEqualTo(201);
    assertThat(reply.json.get("entitlements").toString()).isEqualTo("[{\"value\":\"allow-cluster-create\"}]");
  }

  @Test
  void post_servicePrincipalWithoutApplicationId_generatesAUuid() {
    Http.Reply reply = account(scim, "POST", "/ServicePrincipals", "{\"displayName\":\"etl\"}");

    assertThat(reply.status).isEqualTo(201);
    assertThat(reply.json.get("applicationId").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(reply.json.get("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal");
    assertThat(reply.json.get("active").asBoolean()).isTrue();
  }

  @Test
  void post_duplicateApplicationId_returns409WithTheRealDetail() {
    String body = "{\"applicationId\":\"11111111-0000-0000-0000-111111111111\",\"displayName\":\"etl\"}";
    account(scim, "POST", "/ServicePrincipals", body);

    Http.Reply reply = account(scim, "POST", "/ServicePrincipals", body);

    assertThat(reply.status).isEqualTo(409);
    assertThat(reply.json.get("detail").asText())
        .isEqualTo("Service principal with application ID 11111111-0000-0000-0000-111111111111 already exists.");
  }

  @Test
  void post_anyJsonContentType_isAccepted() {
    Http.Reply scimJson = Http.send("POST", Http.accountUri(scim, "/Users"), scim.accountToken(),
        "{\"userName\":\"a@b.com\"}", "application/scim+json; charset=utf-8");
    Http.Reply textJson = Http.send("POST", Http.accountUri(scim, "/Users"), scim.accountToken(),
        "{\"userName\":\"c@d.com\"}", "text/json");

    assertThat(scimJson.status).isEqualTo(201);
    assertThat(textJson.status).isEqualTo(201);
  }

  @Test
  void post_unparsableBody_returns400InvalidSyntax() {
    Http.Reply reply = account(scim, "POST", "/Users", "{\"userName\":");

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.get("scimType").asText()).isEqualTo("invalidSyntax");
    assertThat(reply.json.get("detail").asText())
        .isEqualTo("Request is unparsable, syntactically incorrect, or violates schema.");
  }

  @Test
  void post_withPassword_neverEchoesOrStoresIt() {
    Http.Reply reply = account(scim, "POST", "/Users",
        "{\"userName\":\"okta@example.com\",\"password\":\"s3cret!\",\"groups\":[],\"locale\":\"en-US\"}");

    assertThat(reply.status).isEqualTo(201);
    assertThat(reply.text).doesNotContain("s3cret!").doesNotContain("locale");
    assertThat(account(scim, "GET", "/Users/" + reply.json.get("id").asText(), null).text).doesNotContain("s3cret!");
  }

  @Test
  void post_withPassword_whenUnknownAttributesKept_stillNeverEchoesIt() {
    try (FakeScimServer keeping = FakeScimServer.builder().unknownAttributesKept(true).build().start()) {
      Http.Reply reply = Http.send("POST", Http.accountUri(keeping, "/Users"), keeping.accountToken(),
          "{\"userName\":\"okta@example.com\",\"password\":\"s3cret!\",\"groups\":[],\"locale\":\"en-US\"}");

      assertThat(reply.status).isEqualTo(201);
      assertThat(reply.text).doesNotContain("s3cret!").contains("\"locale\":\"en-US\"");
    }
  }

  @Test
  void post_fromManyConnectionsAtOnce_createsEveryUserOnce() throws Exception {
    // A client of its own (no pooled connection from an earlier test's fake, whose port the OS may hand out again) and
    // 16 connections posting at once: enough to race the store, without 200 simultaneous connects on a loaded CI box.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService posters = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        HttpRequest request = HttpRequest.newBuilder(Http.accountUri(scim, "/Users"))
            .header("Authorization", "Bearer " + scim.accountToken())
            .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"u" + (i % 100) + "@example.com\"}"))
            .build();
        replies.add(posters.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()));
      }

      Map<Integer, Long> statuses = new TreeMap<>();
      for (Future<Integer> reply : replies) {
        statuses.merge(reply.get(), 1L, Long::sum);
      }

      assertThat(statuses).containsEntry(201, 100L).containsEntry(409, 100L);
      assertThat(scim.state().userCount()).isEqualTo(100);
    } finally {
      posters.shutdownNow();
    }
  }

  @Test
  void get_byIdWithAttributes_returnsThemAndAlwaysId() {
    String id = account(scim, "POST", "/Users", DOC_USER).json.get("id").asText();

    Http.Reply reply = account(scim, "GET", "/Users/" + id + "?attributes=userName,name.givenName", null);

    assertThat(reply.json.toString())
        .isEqualTo("{\"id\":\"" + id + "\",\"userName\":\"user@example.com\",\"name\":{\"givenName\":\"John\"}}");
  }
}
