package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.model.Group;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class FakeScimAccessTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock).build();

  private URI users() {
    return Http.accountUri(scim, "/Users");
  }

  @Test
  void request_withoutToken_returns401WithTheNonScimBody() {
    Http.Reply reply = Http.send("GET", users(), null, null);

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.json.get("error_code").asInt()).isEqualTo(401);
    assertThat(reply.json.has("schemas")).isFalse();
    assertThat(reply.json.get("message").asText())
        .isEqualTo("Credential was not sent or was of an unsupported type for this API.");
  }

  @Test
  void request_withWrongToken_returns401() {
    Http.Reply reply = Http.send("GET", users(), "dapi-wrong", null);

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.json.get("message").asText()).isEqualTo("Invalid access token.");
    assertThat(reply.headers.firstValue("X-Databricks-Reason-Phrase")).hasValue("Invalid access token.");
    assertThat(reply.text).doesNotContain("dapi-wrong");
  }

  @Test
  void tokens_workOnlyOnTheirOwnHost() {
    FakeWorkspace workspace = scim.workspace(0);

    assertThat(Http.send("GET", users(), workspace.adminToken(), null).status).isEqualTo(401);
    assertThat(Http.send("GET", Http.workspaceUri(workspace, "/Users"), scim.accountToken(), null).status)
        .isEqualTo(403);
  }

  @Test
  void accountToken_onAnotherAccountId_returns403() {
    Http.Reply reply = Http.send("GET", scim.url().resolve("/api/2.0/accounts/other/scim/v2/Users"),
        scim.accountToken(), null);

    assertThat(reply.status).isEqualTo(403);
  }

  @Test
  void rotateAccountToken_oldTokenWorksFor24HoursOfTheClock() {
    String old = scim.accountToken();

    String fresh = scim.rotateAccountToken();

    assertThat(fresh).isNotEqualTo(old).isEqualTo(scim.accountToken());
    assertThat(Http.send("GET", users(), fresh, null).status).isEqualTo(200);
    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(Http.send("GET", users(), old, null).status).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(Http.send("GET", users(), old, null).status).isEqualTo(401);
    assertThat(Http.send("GET", users(), fresh, null).status).isEqualTo(200);
  }

  @Test
  void me_returnsTheUserBehindEachToken() {
    FakeWorkspace workspace = scim.workspace(0);

    Http.Reply admin = Http.send("GET", Http.workspaceUri(workspace, "/Me"), workspace.adminToken(), null);
    Http.Reply user = Http.send("GET", Http.workspaceUri(workspace, "/Me?attributes=userName"), workspace.userToken(),
        null);

    assertThat(admin.json.get("userName").asText()).isEqualTo("admin-1001@example.com");
    assertThat(admin.json.get("id").asText()).isEqualTo(workspace.adminUserId());
    assertThat(user.json.toString())
        .isEqualTo("{\"id\":\"" + workspace.userId() + "\",\"userName\":\"user-1001@example.com\"}");
  }

  @Test
  void plainUser_canListButNotReadGroupsById() {
    FakeWorkspace workspace = scim.workspace(0);
    String group = scim.state().seed(1001, Group.builder().displayName("local").build()).id().get();

    Http.Reply list = Http.send("GET", Http.workspaceUri(workspace, "/Groups"), workspace.userToken(), null);
    Http.Reply get = Http.send("GET", Http.workspaceUri(workspace, "/Groups/" + group), workspace.userToken(), null);

    assertThat(list.status).isEqualTo(200);
    assertThat(get.status).isEqualTo(403);
    assertThat(get.json.get("detail").asText())
        .isEqualTo("/2.0/preview/scim/v2/Groups/" + group + " is only accessible by admins");
    assertThat(get.json.get("status").asText()).isEqualTo("403");
  }

  @Test
  void plainUser_cannotCreate() {
    FakeWorkspace workspace = scim.workspace(0);

    Http.Reply reply = Http.send("POST", Http.workspaceUri(workspace, "/Users"), workspace.userToken(),
        "{\"userName\":\"x@example.com\"}");

    assertThat(reply.status).isEqualTo(403);
    assertThat(scim.state().userByName("x@example.com")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "GET, /.well-known/databricks-config, 404",
      "GET, /api/2.0/pipelines, 404",
      "GET, /api/2.0/preview/scim/v2/Widgets, 404",
      "GET, /api/2.0/preview/scim/v2/Users/1/extra, 404",
      "POST, /api/2.0/preview/scim/v2/Me, 405",
      "DELETE, /api/2.0/preview/scim/v2/Users, 405",
      "POST, /api/2.0/preview/scim/v2/Users/123, 405"})
  void workspaceHost_routesAndMethods(String method, String path, int status) {
    FakeWorkspace workspace = scim.workspace(0);

    Http.Reply reply = Http.send(method, workspace.url().resolve(path), workspace.adminToken(),
        method.equals("POST") ? "{}" : null);

    assertThat(reply.status).isEqualTo(status);
    assertThat(reply.json.get(status == 404 ? "error_code" : "message")).isNotNull();
  }

  @Test
  void accountHost_unknownPathAndWrongMethod() {
    assertThat(Http.send("GET", scim.url().resolve("/api/2.0/preview/scim/v2/Users"), scim.accountToken(), null)
        .json.get("message").asText()).isEqualTo("No API found for 'GET /api/2.0/preview/scim/v2/Users'");
    assertThat(Http.send("PATCH", users(), scim.accountToken(), "{}").status).isEqualTo(405);
    assertThat(Http.send("GET", scim.url().resolve("/.well-known/databricks-config"), null, null).status)
        .isEqualTo(404);
  }

  @Test
  void limits_principalsAndGroups_answer400WithTheLimit() {
    try (FakeScimServer small = FakeScimServer.builder().maxPrincipals(3).maxGroups(2).build().start()) {
      assertThat(account(small, "POST", "/ServicePrincipals", "{\"displayName\":\"a\"}").status).isEqualTo(201);

      Http.Reply user = account(small, "POST", "/Users", "{\"userName\":\"b@example.com\"}");
      assertThat(account(small, "POST", "/Groups", "{\"displayName\":\"g1\"}").status).isEqualTo(201);
      Http.Reply group = account(small, "POST", "/Groups", "{\"displayName\":\"g2\"}");

      assertThat(user.status).isEqualTo(400);
      assertThat(user.json.get("detail").asText())
          .isEqualTo("Account " + small.accountId() + " has reached the limit of 3 users and service principals.");
      assertThat(group.status).isEqualTo(400);
      assertThat(small.state().groupCountIncludingBuiltIns()).isEqualTo(2);
    }
  }
}
