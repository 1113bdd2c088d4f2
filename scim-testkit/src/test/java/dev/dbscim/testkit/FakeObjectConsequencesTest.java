package dev.dbscim.testkit;

import static dev.dbscim.testkit.ObjectsHttp.accountUser;
import static dev.dbscim.testkit.ObjectsHttp.admin;
import static dev.dbscim.testkit.ObjectsHttp.deactivate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeObjectConsequencesTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().workspaces(2).build();
  private FakeWorkspace first;
  private FakeWorkspace second;
  private String ann;

  @BeforeEach
  void seed() {
    first = scim.workspace(0);
    second = scim.workspace(1);
    ann = accountUser(scim, "ann@example.com", 1001, 1002);
    accountUser(scim, "bob@example.com", 1001, 1002);
  }

  private static Http.Reply me(FakeWorkspace workspace, FakeToken token) {
    return Http.send("GET", Http.workspaceUri(workspace, "/Me"), token.value(), null);
  }

  @Test
  void accountDeletion_inEveryWorkspace_deletesTokensOmitsCreatorsStopsClustersAndBreaksJobs() {
    FakeToken token1 = first.addToken("ann@example.com", "ci");
    FakeToken token2 = second.addToken("ann@example.com", "ci");
    long job = first.addJob("ann@example.com", "nightly", true);
    long bobsJob = first.addJob("bob@example.com", "as ann", true, "ann@example.com");
    String cluster = second.addCluster("ann@example.com", "shared");
    String alert = first.addAlert("ann@example.com", "late");
    String query = first.addQuery("ann@example.com", "q", true);
    String warehouse = first.addWarehouse("ann@example.com", "wh");

    assertThat(Http.account(scim, "DELETE", "/Users/" + ann, null).status).isEqualTo(204);

    assertThat(me(first, token1).status).isEqualTo(403);
    assertThat(me(second, token2).status).isEqualTo(403);
    assertThat(admin(first, "GET", "/api/2.0/token-management/tokens", null).json.get("token_infos")).isEmpty();
    assertThat(admin(second, "GET", "/api/2.0/token-management/tokens", null).json.get("token_infos")).isEmpty();
    JsonNode listed = admin(first, "GET", "/api/2.2/jobs/list", null).json.get("jobs").get(0);
    assertThat(listed.has("creator_user_name")).isFalse();
    assertThat(first.permissions("jobs", Long.toString(job)).owner()).isEmpty();
    assertThat(first.nextRunFails(bobsJob)).isTrue();
    assertThat(first.nextRunFails(job)).isTrue();
    assertThat(admin(first, "GET", "/api/2.2/jobs/get?job_id=" + bobsJob, null).json.has("run_as_user_name"))
        .isFalse();
    JsonNode clusterJson = admin(second, "GET", "/api/2.1/clusters/get?cluster_id=" + cluster, null).json;
    assertThat(clusterJson.has("creator_user_name")).isFalse();
    assertThat(clusterJson.get("state").asText()).isEqualTo("TERMINATED");
    assertThat(admin(first, "GET", "/api/2.0/sql/alerts/" + alert, null).json.get("owner_user_name").asText())
        .isEqualTo("Unavailable");
    assertThat(admin(first, "GET", "/api/2.0/sql/queries/" + query, null).json.get("owner_user_name").asText())
        .isEqualTo("ann@example.com");
    assertThat(first.permissions("sql/warehouses", warehouse).owner()).isEmpty();
  }

  @Test
  void workspaceDeletion_reachesThatWorkspaceOnly() {
    FakeToken token1 = first.addToken("ann@example.com", "ci");
    FakeToken token2 = second.addToken("ann@example.com", "ci");
    String cluster1 = first.addCluster("ann@example.com", "c1");
    String cluster2 = second.addCluster("ann@example.com", "c2");

    assertThat(Http.workspace(scim, 0, "DELETE", "/Users/" + ann, null).status).isEqualTo(204);

    assertThat(admin(first, "GET", "/api/2.0/token-management/tokens", null).json.get("token_infos")).isEmpty();
    assertThat(first.clusterState(cluster1)).isEqualTo("TERMINATED");
    assertThat(me(second, token2).status).isEqualTo(200);
    assertThat(second.clusterState(cluster2)).isEqualTo("RUNNING");
    assertThat(me(first, token1).status).isEqualTo(403);
  }

  @Test
  void localUserDeletion_inANonFederatedWorkspace_keepsTheSameNameElsewhere() {
    FakeScimServer mixed = FakeScimServer.builder().workspaces(1).nonFederatedWorkspaces(1).build().start();
    try {
      accountUser(mixed, "ann@example.com", 1001);
      String local = mixed.state().seed(1002, User.builder().userName("ann@example.com").build()).id().get();
      String federatedCluster = mixed.workspace(0).addCluster("ann@example.com", "c1");
      String localCluster = mixed.workspace(1).addCluster("ann@example.com", "c2");

      Http.workspace(mixed, 1, "DELETE", "/Users/" + local, null);

      assertThat(mixed.workspace(1).clusterState(localCluster)).isEqualTo("TERMINATED");
      assertThat(mixed.workspace(0).clusterState(federatedCluster)).isEqualTo("RUNNING");
    } finally {
      mixed.close();
    }
  }

  @Test
  void deactivation_refusesTokensStopsClustersAndKeepsTheRest() {
    FakeToken token = first.addToken("ann@example.com", "ci");
    long job = first.addJob("ann@example.com", "nightly", true);
    String cluster = first.addCluster("ann@example.com", "c");
    String alert = first.addAlert("ann@example.com", "late");

    assertThat(deactivate(scim, ann).status).isEqualTo(200);

    Http.Reply refused = me(first, token);
    assertThat(refused.status).isEqualTo(403);
    assertThat(refused.json.toString()).isEqualTo("{\"error_code\":403,\"message\":\"Invalid access token.\"}");
    assertThat(first.clusterState(cluster)).isEqualTo("TERMINATED");
    assertThat(admin(first, "GET", "/api/2.0/token-management/tokens", null).json.get("token_infos")).hasSize(1);
    assertThat(admin(first, "GET", "/api/2.2/jobs/list", null).json.get("jobs").get(0)
        .get("creator_user_name").asText()).isEqualTo("ann@example.com");
    assertThat(first.permissions("jobs", Long.toString(job)).owner()).contains(FakePrincipal.user("ann@example.com"));
    assertThat(first.nextRunFails(job)).isFalse();
    assertThat(admin(first, "GET", "/api/2.0/sql/alerts/" + alert, null).json.get("owner_user_name").asText())
        .isEqualTo("ann@example.com");
  }

  @Test
  void reactivation_letsTokensWorkAgainButClustersStayStopped() {
    FakeToken token = first.addToken("ann@example.com", "ci");
    String cluster = first.addCluster("ann@example.com", "c");
    deactivate(scim, ann);

    Http.account(scim, "PATCH", "/Users/" + ann, "{\"schemas\":[\"" + ObjectsHttp.PATCH_OP + "\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");

    assertThat(me(first, token).status).isEqualTo(200);
    assertThat(first.clusterState(cluster)).isEqualTo("TERMINATED");
  }

  @Test
  void journal_neverHoldsTokenSecrets() {
    FakeToken token = first.addToken("ann@example.com", "ci");
    me(first, token);
    admin(first, "GET", "/api/2.0/token-management/tokens", null);
    admin(first, "PATCH", "/api/2.0/permissions/jobs/1",
        "{\"token_value\":\"" + token.value() + "\",\"access_control_list\":[]}");

    assertThat(scim.recordedRequests()).isNotEmpty();
    assertThat(scim.recordedRequests().toString()).doesNotContain(token.value());
    for (RecordedCall call : scim.recordedRequests()) {
      assertThat(call.body()).doesNotContain(token.value());
      assertThat(call.headers().toString()).doesNotContain(token.value());
    }
    assertThat(first.toString()).doesNotContain(token.value());
  }
}
