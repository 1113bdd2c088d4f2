package dev.dbscim.testkit.perf;

import static dev.dbscim.testkit.ProbeHttp.account;
import static dev.dbscim.testkit.ProbeHttp.json;
import static dev.dbscim.testkit.ProbeHttp.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.ProbeHttp;
import dev.dbscim.testkit.FakeRateLimits;
import dev.dbscim.testkit.FakeRateLimits.Operation;
import dev.dbscim.testkit.admin.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The render cache against the launcher's features: the built-in groups change behind assignments, and
 * {@code reset()} swaps the whole store while ids start again, so a cache keyed by id alone would serve ghosts.
 */
@Timeout(10)
class CacheAcrossBuiltinsAndResetTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private HttpResponse<String> assignment(String method, String principalId, String body) {
    URI uri = scim.url().resolve("/api/2.0/accounts/" + scim.accountId() + "/workspaces/" + scim.workspace(0).id()
        + "/permissionassignments/principals/" + principalId);
    return ProbeHttp.send(method, uri, scim.accountToken(), body);
  }

  private String workspaceGroupId(String name) {
    JsonNode list = json(workspace(scim, "GET", "/Groups?filter=displayName%20eq%20%22" + name + "%22", null));
    assertThat(list.get("totalResults").asInt()).as(name).isEqualTo(1);
    return list.at("/Resources/0/id").asText();
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.get("value").asText()));
    return values;
  }

  private List<String> workspaceMembers(String groupId) {
    return values(json(workspace(scim, "GET", "/Groups/" + groupId, null)).path("members"));
  }

  private List<String> workspaceListedMembers(String groupId) {
    for (JsonNode group : json(workspace(scim, "GET", "/Groups", null)).path("Resources")) {
      if (group.get("id").asText().equals(groupId)) {
        return values(group.path("members"));
      }
    }
    throw new AssertionError("group " + groupId + " is not listed");
  }

  private static List<String> userNames(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("Resources").forEach(resource -> names.add(resource.get("userName").asText()));
    return names;
  }

  @Test
  void workspaceSystemGroups_afterAssignUpgradeAndUnassign_showEachChange() {
    String ada = json(account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}")).get("id").asText();
    String users = workspaceGroupId("users");
    String admins = workspaceGroupId("admins");
    // warm the cached renderings of both groups, by id and in the list
    assertThat(workspaceMembers(users)).doesNotContain(ada);
    assertThat(workspaceListedMembers(users)).doesNotContain(ada);
    assertThat(workspaceMembers(admins)).doesNotContain(ada);

    assertThat(assignment("PUT", ada, "{\"permissions\":[\"USER\"]}").statusCode()).isEqualTo(200);

    assertThat(workspaceMembers(users)).contains(ada);
    assertThat(workspaceListedMembers(users)).contains(ada);
    assertThat(workspaceMembers(admins)).doesNotContain(ada);
    assertThat(values(json(workspace(scim, "GET", "/Users/" + ada, null)).path("groups"))).contains(users);

    assertThat(assignment("PUT", ada, "{\"permissions\":[\"ADMIN\"]}").statusCode()).isEqualTo(200);

    assertThat(workspaceMembers(admins)).contains(ada);

    assertThat(assignment("DELETE", ada, null).statusCode()).isEqualTo(200);

    assertThat(workspaceMembers(users)).doesNotContain(ada);
    assertThat(workspaceListedMembers(users)).doesNotContain(ada);
    assertThat(workspaceMembers(admins)).doesNotContain(ada);
    assertThat(workspace(scim, "GET", "/Users/" + ada, null).statusCode()).isEqualTo(404);
  }

  @Test
  void reset_afterCachedReads_servesOnlyTheFreshState() {
    String ada = json(account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}")).get("id").asText();
    String accountUsers = scim.state().groupByName("account users").get().id().get();
    // warm the caches: the user by id, the user list, the userName index and "account users" with ada in it
    assertThat(json(account(scim, "GET", "/Users/" + ada, null)).get("userName").asText()).isEqualTo("ada@example.com");
    assertThat(userNames(json(account(scim, "GET", "/Users", null)))).contains("ada@example.com");
    assertThat(json(account(scim, "GET", "/Users?filter=userName%20eq%20%22ada@example.com%22", null))
        .get("totalResults").asInt()).isEqualTo(1);
    assertThat(values(json(account(scim, "GET", "/Groups/" + accountUsers, null)).path("members"))).contains(ada);

    scim.reset();

    String admin = "admin-" + scim.workspace(0).id() + "@example.com";
    String user = "user-" + scim.workspace(0).id() + "@example.com";
    assertThat(userNames(json(account(scim, "GET", "/Users", null)))).containsExactly(admin, user);
    assertThat(account(scim, "GET", "/Users/" + ada, null).statusCode()).isEqualTo(404);
    assertThat(json(account(scim, "GET", "/Users?filter=userName%20eq%20%22ada@example.com%22", null))
        .get("totalResults").asInt()).isZero();
    assertThat(values(json(account(scim, "GET", "/Groups/" + accountUsers, null)).path("members")))
        .containsExactly(scim.workspace(0).adminUserId(), scim.workspace(0).userId());

    // ids start again, so the next user takes ada's id: its reads must show bob, never the cached ada
    String bob = json(account(scim, "POST", "/Users", "{\"userName\":\"bob@example.com\"}")).get("id").asText();
    assertThat(bob).isEqualTo(ada);
    assertThat(json(account(scim, "GET", "/Users/" + bob, null)).get("userName").asText())
        .isEqualTo("bob@example.com");
    assertThat(userNames(json(account(scim, "GET", "/Users", null)))).containsExactly(admin, user, "bob@example.com");
  }

  @Test
  void reset_principalLimit_countsTheFreshStoreAndNotTheSystemGroups() {
    // two token owners plus one: the built-in groups must not take principal room, before or after a reset
    try (FakeScimServer small = FakeScimServer.builder().maxPrincipals(3).build().start()) {
      assertThat(account(small, "POST", "/Users", "{\"userName\":\"a@example.com\"}").statusCode()).isEqualTo(201);
      assertThat(account(small, "POST", "/Users", "{\"userName\":\"b@example.com\"}").statusCode()).isEqualTo(400);

      small.reset();

      assertThat(account(small, "POST", "/Users", "{\"userName\":\"b@example.com\"}").statusCode()).isEqualTo(201);
      HttpResponse<String> full = account(small, "POST", "/Users", "{\"userName\":\"c@example.com\"}");
      assertThat(full.statusCode()).isEqualTo(400);
      assertThat(json(full).get("detail").asText()).contains("has reached the limit of 3");
    }
  }

  @Test
  void reset_rateLimits_stayInForceWithFreshCounts() {
    FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00.250Z"));
    try (FakeScimServer limited = FakeScimServer.builder().clock(clock)
        .rateLimits(FakeRateLimits.none().perSecond(Operation.LIST, 2)).build().start()) {
      assertThat(account(limited, "GET", "/Users", null).statusCode()).isEqualTo(200);
      assertThat(account(limited, "GET", "/Users", null).statusCode()).isEqualTo(200);
      assertThat(account(limited, "GET", "/Users", null).statusCode()).isEqualTo(429);

      limited.reset();

      assertThat(account(limited, "GET", "/Users", null).statusCode()).isEqualTo(200);
      assertThat(account(limited, "GET", "/Users", null).statusCode()).isEqualTo(200);
      assertThat(account(limited, "GET", "/Users", null).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void adminApi_probabilisticFault_followsItsSeedUntilDeleted() {
    try (FakeScimServer launched = FakeScimServer.builder().adminApiEnabled(true).build().start()) {
      TestHttp.Reply queued = TestHttp.post(launched.url(), "/_fake/faults",
          "{\"status\":503,\"probability\":0.5,\"seed\":42,\"method\":\"GET\"}");
      assertThat(queued.status).isEqualTo(200);
      assertThat(queued.json.at("/queued/0").asText()).contains("probability 0.5", "seed 42", "until cleared");

      Random expected = new Random(42);
      List<Integer> wanted = new ArrayList<>();
      List<Integer> seen = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        wanted.add(expected.nextDouble() < 0.5 ? 503 : 200);
        seen.add(account(launched, "GET", "/Users", null).statusCode());
      }
      assertThat(seen).isEqualTo(wanted).contains(200, 503);

      assertThat(TestHttp.send("DELETE", launched.url().resolve("/_fake/faults"), null, null).status)
          .isEqualTo(200);

      for (int i = 0; i < 10; i++) {
        assertThat(account(launched, "GET", "/Users", null).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void adminApi_probabilityOutOfRange_isRefused() {
    try (FakeScimServer launched = FakeScimServer.builder().adminApiEnabled(true).build().start()) {
      TestHttp.Reply refused = TestHttp.post(launched.url(), "/_fake/faults", "{\"status\":503,\"probability\":1.5}");

      assertThat(refused.status).isEqualTo(400);
      assertThat(refused.json.get("message").asText()).contains("probability");
    }
  }
}
