package dev.dbscim.testkit.perf;

import static dev.dbscim.testkit.ProbeHttp.account;
import static dev.dbscim.testkit.ProbeHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The account limits are checked against running counts instead of a scan; deletes must give the room back. */
@Timeout(10)
class LimitCounterTest {
  // The default workspace's two token owners are account users, so three principals leave room for one more. The
  // built-in groups count as groups, never as principals: "account users" takes one of the two account groups, and
  // the workspace's "users" and "admins" fill its two, so 2 is the smallest group limit a fake can be built with.
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().maxPrincipals(3).maxGroups(2).build();

  @Test
  void accountLimit_afterDelete_allowsAnotherCreate() {
    HttpResponse<String> first = account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}");
    HttpResponse<String> refused = account(scim, "POST", "/ServicePrincipals", "{\"displayName\":\"bot\"}");
    account(scim, "DELETE", "/Users/" + json(first).get("id").asText(), null);
    HttpResponse<String> again = account(scim, "POST", "/ServicePrincipals", "{\"displayName\":\"bot\"}");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("detail").asText()).contains("has reached the limit of 3");
    assertThat(again.statusCode()).isEqualTo(201);
  }

  @Test
  void groupLimit_countsGroupsApartFromUsers() {
    HttpResponse<String> group = account(scim, "POST", "/Groups", "{\"displayName\":\"eng\"}");
    HttpResponse<String> user = account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}");
    HttpResponse<String> secondGroup = account(scim, "POST", "/Groups", "{\"displayName\":\"ops\"}");
    account(scim, "DELETE", "/Groups/" + json(group).get("id").asText(), null);
    HttpResponse<String> afterDelete = account(scim, "POST", "/Groups", "{\"displayName\":\"ops\"}");

    assertThat(group.statusCode()).isEqualTo(201);
    assertThat(user.statusCode()).isEqualTo(201);
    assertThat(secondGroup.statusCode()).isEqualTo(400);
    assertThat(json(secondGroup).get("detail").asText()).contains("has reached the limit of 2 groups");
    assertThat(afterDelete.statusCode()).isEqualTo(201);
  }
}
