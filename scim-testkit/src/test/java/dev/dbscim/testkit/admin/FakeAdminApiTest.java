package dev.dbscim.testkit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeAdminApiTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00Z"));
  private final FakeScimServer scim = FakeScimServer.builder().clock(clock).adminApiEnabled(true)
      .workspaces(1).nonFederatedWorkspaces(1).accountId("acc-1").build().start();

  @AfterEach
  void close() {
    scim.close();
  }

  private URI url() {
    return scim.url();
  }

  private TestHttp.Reply scimCall(String method, String path, String body) {
    return TestHttp.send(method, url().resolve("/api/2.0/accounts/acc-1/scim/v2" + path), scim.accountToken(), body);
  }

  @Test
  void adminApi_disabledByDefault_answers404LikeTheService() {
    try (FakeScimServer plain = FakeScimServer.create().start()) {
      TestHttp.Reply reply = TestHttp.get(plain.url(), "/_fake/state");

      assertThat(reply.status).isEqualTo(404);
      assertThat(reply.json.get("error_code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
    }
  }

  @Test
  void state_withoutToken_listsPrincipalsMembershipsAndAssignments() {
    User ada = scim.state().seed(User.builder().userName("ada@example.com").build());
    Group eng = scim.state().seed(Group.builder().displayName("eng")
        .addMembers(ComplexValue.of(ada.id().get())).build());
    scim.state().assign(1001, eng.id().get(), "USER");
    scim.state().seed(1002, Group.builder().displayName("local-ops").build());

    TestHttp.Reply reply = TestHttp.get(url(), "/_fake/state");

    assertThat(reply.status).isEqualTo(200);
    JsonNode state = reply.json;
    assertThat(state.get("accountId").asText()).isEqualTo("acc-1");
    assertThat(state.get("now").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(state.get("account").get("users").findValuesAsText("userName"))
        .contains("ada@example.com", "admin-1001@example.com", "user-1001@example.com")
        .doesNotContain("admin-1002@example.com");
    JsonNode engJson = find(state.get("account").get("groups"), "eng");
    assertThat(engJson.get("members").findValuesAsText("value")).containsExactly(ada.id().get());
    JsonNode federated = state.get("workspaces").get(0);
    assertThat(federated.get("id").asLong()).isEqualTo(1001);
    assertThat(federated.get("federated").asBoolean()).isTrue();
    assertThat(federated.get("users")).isEmpty();
    assertThat(federated.get("groups").findValuesAsText("displayName")).containsExactly("users", "admins");
    assertThat(federated.get("assignments").findValuesAsText("group_name")).containsExactly("eng");
    JsonNode local = state.get("workspaces").get(1);
    assertThat(local.get("federated").asBoolean()).isFalse();
    assertThat(local.get("users").findValuesAsText("userName"))
        .containsExactly("admin-1002@example.com", "user-1002@example.com");
    assertThat(local.get("groups").findValuesAsText("displayName")).containsExactly("users", "admins", "local-ops");
    assertThat(local.get("assignments")).isEmpty();
  }

  private static JsonNode find(JsonNode resources, String displayName) {
    for (JsonNode resource : resources) {
      if (resource.path("displayName").asText().equals(displayName)) {
        return resource;
      }
    }
    throw new AssertionError("no " + displayName + " in " + resources);
  }

  @Test
  void state_onWorkspacePort_isServedToo() {
    FakeWorkspace workspace = scim.workspace(1);

    assertThat(TestHttp.get(workspace.url(), "/_fake/state").json.get("accountId").asText()).isEqualTo("acc-1");
  }

  @Test
  void requests_returnsTheRedactedJournalWithoutAdminCalls() {
    scimCall("POST", "/Users", "{\"userName\":\"ada@example.com\",\"password\":\"hunter2\"}");
    TestHttp.get(url(), "/_fake/state");

    TestHttp.Reply reply = TestHttp.get(url(), "/_fake/requests");

    assertThat(reply.status).isEqualTo(200);
    JsonNode requests = reply.json.get("requests");
    assertThat(requests).hasSize(1);
    JsonNode call = requests.get(0);
    assertThat(call.get("method").asText()).isEqualTo("POST");
    assertThat(call.get("target").asText()).isEqualTo("/api/2.0/accounts/acc-1/scim/v2/Users");
    assertThat(call.get("status").asInt()).isEqualTo(201);
    assertThat(call.get("workspaceId").isNull()).isTrue();
    assertThat(call.get("time").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(call.get("headers").get("Authorization").get(0).asText()).isEqualTo("****");
    assertThat(reply.text).doesNotContain("hunter2").doesNotContain(scim.accountToken());
    assertThat(call.get("body").asText()).contains("ada@example.com");
  }

  @Test
  void requests_delete_emptiesTheJournal() {
    scimCall("GET", "/Users", null);

    assertThat(TestHttp.send("DELETE", url().resolve("/_fake/requests"), null, null).status).isEqualTo(200);

    assertThat(scim.recordedRequests()).isEmpty();
  }

  @Test
  void faults_statusWithRetryAfterOnMethodAndPath_answerThatManyTimes() {
    TestHttp.Reply queued = TestHttp.post(url(), "/_fake/faults",
        "{\"status\":503,\"retryAfterSeconds\":7,\"times\":2,\"method\":\"POST\",\"pathRegex\":\"/Users$\"}");

    TestHttp.Reply get = scimCall("GET", "/Users", null);
    TestHttp.Reply first = scimCall("POST", "/Users", "{\"userName\":\"a@example.com\"}");
    TestHttp.Reply second = scimCall("POST", "/Users", "{\"userName\":\"a@example.com\"}");
    TestHttp.Reply third = scimCall("POST", "/Users", "{\"userName\":\"a@example.com\"}");

    assertThat(queued.status).isEqualTo(200);
    assertThat(queued.json.get("queued")).hasSize(1);
    assertThat(get.status).isEqualTo(200);
    assertThat(first.status).isEqualTo(503);
    assertThat(first.response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(second.status).isEqualTo(503);
    assertThat(third.status).isEqualTo(201);
  }

  @Test
  void faults_latencyAndArray_areQueuedInOrder() {
    TestHttp.Reply queued = TestHttp.post(url(), "/_fake/faults",
        "[{\"latencyMillis\":1},{\"status\":429,\"method\":\"GET\"}]");

    TestHttp.Reply slow = scimCall("GET", "/Users", null);
    TestHttp.Reply limited = scimCall("GET", "/Users", null);

    assertThat(queued.json.get("queued")).hasSize(2);
    assertThat(slow.status).isEqualTo(200);
    assertThat(limited.status).isEqualTo(429);
    assertThat(limited.json.get("error_code").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
  }

  @Test
  void faults_disconnect_dropsTheConnection() {
    TestHttp.post(url(), "/_fake/faults", "{\"disconnect\":true,\"times\":2,\"method\":\"GET\"}");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scimCall("GET", "/Users", null))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void faults_invalid_answer400AndQueueNothing() {
    TestHttp.Reply nothing = TestHttp.post(url(), "/_fake/faults", "{\"times\":2}");
    TestHttp.Reply badStatus = TestHttp.post(url(), "/_fake/faults", "{\"status\":200}");
    TestHttp.Reply notJson = TestHttp.post(url(), "/_fake/faults", "{");

    assertThat(nothing.status).isEqualTo(400);
    assertThat(nothing.json.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(badStatus.status).isEqualTo(400);
    assertThat(notJson.status).isEqualTo(400);
    assertThat(scimCall("GET", "/Users", null).status).isEqualTo(200);
  }

  @Test
  void faults_delete_dropsQueuedFaults() {
    TestHttp.post(url(), "/_fake/faults", "{\"status\":500}");

    TestHttp.send("DELETE", url().resolve("/_fake/faults"), null, null);

    assertThat(scimCall("GET", "/Users", null).status).isEqualTo(200);
  }

  @Test
  void clock_advance_expiresARotatedTokenAfter24Hours() {
    String old = scim.accountToken();
    scim.rotateAccountToken();

    TestHttp.Reply early = TestHttp.post(url(), "/_fake/clock", "{\"advanceSeconds\":86399}");
    int beforeExpiry = TestHttp.send("GET", url().resolve("/api/2.0/accounts/acc-1/scim/v2/Users"), old, null).status;
    TestHttp.Reply late = TestHttp.post(url(), "/_fake/clock", "{\"advanceSeconds\":1}");
    int afterExpiry = TestHttp.send("GET", url().resolve("/api/2.0/accounts/acc-1/scim/v2/Users"), old, null).status;

    assertThat(early.json.get("now").asText()).isEqualTo("2025-01-01T23:59:59Z");
    assertThat(late.json.get("now").asText()).isEqualTo("2025-01-02T00:00:00Z");
    assertThat(beforeExpiry).isEqualTo(200);
    assertThat(afterExpiry).isEqualTo(401);
  }

  @Test
  void clock_set_movesTheClockAndGetReadsIt() {
    TestHttp.Reply set = TestHttp.post(url(), "/_fake/clock", "{\"set\":\"2030-06-01T12:00:00Z\"}");

    assertThat(set.status).isEqualTo(200);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
    assertThat(TestHttp.get(url(), "/_fake/clock").json.get("now").asText()).isEqualTo("2030-06-01T12:00:00Z");
  }

  @Test
  void clock_invalidOrNotFake_isRefused() {
    TestHttp.Reply empty = TestHttp.post(url(), "/_fake/clock", "{}");
    TestHttp.Reply badInstant = TestHttp.post(url(), "/_fake/clock", "{\"set\":\"tomorrow\"}");
    TestHttp.Reply backwards = TestHttp.post(url(), "/_fake/clock", "{\"advanceSeconds\":-5}");
    try (FakeScimServer system = FakeScimServer.builder().clock(java.time.Clock.systemUTC()).adminApiEnabled(true)
        .build().start()) {
      TestHttp.Reply notFake = TestHttp.post(system.url(), "/_fake/clock", "{\"advanceSeconds\":5}");

      assertThat(notFake.status).isEqualTo(409);
    }
    assertThat(empty.status).isEqualTo(400);
    assertThat(badInstant.status).isEqualTo(400);
    assertThat(backwards.status).isEqualTo(400);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void reset_emptiesStateRestartsIdsAndKeepsTokens() {
    String firstId = scimCall("POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();
    scim.rotateAccountToken();
    String token = scim.accountToken();
    FakeWorkspace workspace = scim.workspace(0);
    TestHttp.post(url(), "/_fake/faults", "{\"status\":500,\"times\":5}");

    TestHttp.Reply reset = TestHttp.post(url(), "/_fake/reset", null);

    assertThat(reset.status).isEqualTo(200);
    assertThat(scim.recordedRequests()).isEmpty();
    TestHttp.Reply users = TestHttp.send("GET", url().resolve("/api/2.0/accounts/acc-1/scim/v2/Users"), token, null);
    assertThat(users.status).isEqualTo(200);
    assertThat(users.json.get("Resources").findValuesAsText("userName"))
        .containsExactly("admin-1001@example.com", "user-1001@example.com");
    assertThat(scim.state().userByName("ada@example.com")).isEmpty();
    String again = scimCall("POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();
    assertThat(again).isEqualTo(firstId);
    TestHttp.Reply me = TestHttp.send("GET", workspace.url().resolve("/api/2.0/preview/scim/v2/Me"),
        workspace.adminToken(), null);
    assertThat(me.status).isEqualTo(200);
    assertThat(me.json.get("id").asText()).isEqualTo(workspace.adminUserId());
  }

  @Test
  void unknownPathOrMethod_answers404Or405() {
    assertThat(TestHttp.get(url(), "/_fake/nothing").status).isEqualTo(404);
    assertThat(TestHttp.send("DELETE", url().resolve("/_fake/state"), null, null).status).isEqualTo(405);
    assertThat(TestHttp.get(url(), "/_fake/reset").status).isEqualTo(405);
  }

  @Test
  void journal_ofServerApi_matchesAdminView() {
    scimCall("GET", "/Groups", null);

    List<?> calls = scim.recordedRequests();

    assertThat(calls).hasSize(1);
    assertThat(TestHttp.get(url(), "/_fake/requests").json.get("requests")).hasSize(1);
  }

  @Test
  void faults_latency_delaysTheAnswer() {
    TestHttp.post(url(), "/_fake/faults", "{\"latencyMillis\":150,\"method\":\"GET\"}");
    long start = System.nanoTime();

    scimCall("GET", "/Users", null);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }
}
