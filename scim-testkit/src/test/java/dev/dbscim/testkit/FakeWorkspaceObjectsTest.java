package dev.dbscim.testkit;

import static dev.dbscim.testkit.ObjectsHttp.accountUser;
import static dev.dbscim.testkit.ObjectsHttp.admin;
import static dev.dbscim.testkit.ObjectsHttp.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeWorkspaceObjectsTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();
  private FakeWorkspace workspace;

  @BeforeEach
  void seed() {
    workspace = scim.workspace(0);
    accountUser(scim, "ann@example.com", 1001);
    accountUser(scim, "bob@example.com", 1001);
  }

  /** Follows {@code next_page_token} from {@code first} and returns every item of {@code field}, and the pages. */
  private List<JsonNode> pages(String first, String field, List<Integer> sizes) {
    List<JsonNode> items = new ArrayList<>();
    String path = first;
    while (true) {
      Http.Reply reply = admin(workspace, "GET", path, null);
      assertThat(reply.status).as(reply.toString()).isEqualTo(200);
      JsonNode page = reply.json.path(field);
      sizes.add(page.size());
      page.forEach(items::add);
      String next = reply.json.path("next_page_token").asText("");
      if (next.isEmpty()) {
        return items;
      }
      path = first + (first.contains("?") ? "&" : "?") + "page_token=" + next;
    }
  }

  private static List<String> texts(List<JsonNode> items, Function<JsonNode, JsonNode> field) {
    List<String> out = new ArrayList<>();
    items.forEach(item -> out.add(field.apply(item).asText()));
    return out;
  }

  @Test
  void jobsList_pagesByLimit_withoutRunAs_whileGetCarriesRunAs() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(workspace.addJob("ann@example.com", "job " + i, i % 2 == 0));
    }
    long runsAsBob = workspace.addJob("ann@example.com", "as bob", false, "bob@example.com");
    ids.add(runsAsBob);
    List<Integer> sizes = new ArrayList<>();

    List<JsonNode> jobs = pages("/api/2.2/jobs/list?limit=2", "jobs", sizes);

    assertThat(sizes).containsExactly(2, 2, 2);
    assertThat(texts(jobs, job -> job.get("job_id"))).containsExactlyElementsOf(texts(ids));
    assertThat(jobs.get(0).get("creator_user_name").asText()).isEqualTo("ann@example.com");
    assertThat(jobs.get(0).get("settings").get("schedule").get("pause_status").asText()).isEqualTo("UNPAUSED");
    assertThat(jobs.get(1).get("settings").has("schedule")).isFalse();
    assertThat(jobs).allSatisfy(job -> assertThat(job.has("run_as_user_name")).isFalse());
    assertThat(jobs.get(5).get("settings").get("run_as").get("user_name").asText()).isEqualTo("bob@example.com");

    Http.Reply get = admin(workspace, "GET", "/api/2.1/jobs/get?job_id=" + runsAsBob, null);
    assertThat(get.json.get("run_as_user_name").asText()).isEqualTo("bob@example.com");
    assertThat(admin(workspace, "GET", "/api/2.2/jobs/get?job_id=" + ids.get(0), null).json
        .get("run_as_user_name").asText()).isEqualTo("ann@example.com");
    assertThat(admin(workspace, "GET", "/api/2.2/jobs/get?job_id=123456789", null).status).isEqualTo(400);
    assertThat(admin(workspace, "GET", "/api/2.2/jobs/list?limit=101", null).status).isEqualTo(400);
  }

  private static List<String> texts(List<Long> ids) {
    List<String> out = new ArrayList<>();
    ids.forEach(id -> out.add(Long.toString(id)));
    return out;
  }

  @Test
  void jobsList_whenEmpty_omitsJobs() {
    Http.Reply reply = admin(workspace, "GET", "/api/2.2/jobs/list", null);

    assertThat(reply.json.toString()).isEqualTo("{\"has_more\":false}");
  }

  @Test
  void clustersList_pagesWithEmptyTokensAtTheEnd_andShowsSingleUser() {
    for (int i = 0; i < 3; i++) {
      workspace.addCluster("ann@example.com", "c" + i);
    }
    String single = workspace.addSingleUserCluster("ann@example.com", "mine", "bob@example.com");
    List<Integer> sizes = new ArrayList<>();

    List<JsonNode> clusters = pages("/api/2.1/clusters/list?page_size=3", "clusters", sizes);

    assertThat(sizes).containsExactly(3, 1);
    assertThat(clusters.get(3).get("cluster_id").asText()).isEqualTo(single);
    assertThat(clusters.get(3).get("data_security_mode").asText()).isEqualTo("SINGLE_USER");
    assertThat(clusters.get(3).get("single_user_name").asText()).isEqualTo("bob@example.com");
    assertThat(clusters.get(0).get("creator_user_name").asText()).isEqualTo("ann@example.com");
    assertThat(clusters.get(0).get("state").asText()).isEqualTo("RUNNING");
    Http.Reply last = admin(workspace, "GET", "/api/2.1/clusters/list?page_size=10", null);
    assertThat(last.json.get("next_page_token").asText()).isEmpty();
  }

  @Test
  void sqlLists_warehousesQueriesAlerts_pageAndCarryOwners() {
    String warehouse = workspace.addWarehouse("ann@example.com", "wh");
    workspace.addQuery("ann@example.com", "q1", true);
    workspace.addQuery("bob@example.com", "q2", false);
    workspace.addQuery("bob@example.com", "q3", false);
    workspace.addAlert("bob@example.com", "a1");
    List<Integer> sizes = new ArrayList<>();

    List<JsonNode> queries = pages("/api/2.0/sql/queries?page_size=2", "results", sizes);
    List<JsonNode> warehouses = pages("/api/2.0/sql/warehouses", "warehouses", new ArrayList<>());
    List<JsonNode> alerts = pages("/api/2.0/sql/alerts", "results", new ArrayList<>());

    assertThat(sizes).containsExactly(2, 1);
    assertThat(texts(queries, q -> q.get("owner_user_name")))
        .containsExactly("ann@example.com", "bob@example.com", "bob@example.com");
    assertThat(texts(queries, q -> q.get("run_as_mode"))).containsExactly("OWNER", "VIEWER", "VIEWER");
    assertThat(warehouses.get(0).get("id").asText()).isEqualTo(warehouse);
    assertThat(warehouses.get(0).get("creator_name").asText()).isEqualTo("ann@example.com");
    assertThat(workspace.permissions("sql/warehouses", warehouse).owner())
        .contains(FakePrincipal.user("ann@example.com"));
    assertThat(alerts.get(0).get("owner_user_name").asText()).isEqualTo("bob@example.com");
  }

  @Test
  void legacyDashboards_pageByNumber_withTheOwnerInUser() {
    for (int i = 0; i < 3; i++) {
      workspace.addDashboard("ann@example.com", "d" + i);
    }

    Http.Reply second = admin(workspace, "GET", "/api/2.0/preview/sql/dashboards?page=2&page_size=2", null);

    assertThat(second.json.get("count").asInt()).isEqualTo(3);
    assertThat(second.json.get("page").asInt()).isEqualTo(2);
    assertThat(second.json.get("results")).hasSize(1);
    JsonNode user = second.json.get("results").get(0).get("user");
    assertThat(user.get("email").asText()).isEqualTo("ann@example.com");
    assertThat(user.get("name").asText()).isEqualTo("Name of ann@example.com");
    assertThat(second.json.get("results").get(0).get("user_id").asLong()).isEqualTo(user.get("id").asLong());
  }

  @Test
  void lakeview_listHasNoOwner_getHasThePath_ownershipOnlyThroughPermissions() {
    String published = workspace.addLakeviewDashboard("ann@example.com", "sales", true);
    String draft = workspace.addLakeviewDashboard("bob@example.com", "draft", false);

    Http.Reply list = admin(workspace, "GET", "/api/2.0/lakeview/dashboards?page_size=1", null);
    Http.Reply get = admin(workspace, "GET", "/api/2.0/lakeview/dashboards/" + published, null);
    Http.Reply publishedVersion = admin(workspace, "GET", "/api/2.0/lakeview/dashboards/" + published + "/published",
        null);
    Http.Reply unpublished = admin(workspace, "GET", "/api/2.0/lakeview/dashboards/" + draft + "/published", null);
    Http.Reply permissions = admin(workspace, "GET", "/api/2.0/permissions/dashboards/" + published, null);

    JsonNode item = list.json.get("dashboards").get(0);
    assertThat(item.get("dashboard_id").asText()).isEqualTo(published);
    assertThat(item.has("path")).isFalse();
    assertThat(item.toString()).doesNotContain("ann@example.com");
    assertThat(list.json.get("next_page_token").asText()).isNotEmpty();
    assertThat(get.json.get("parent_path").asText()).isEqualTo("/Users/ann@example.com");
    assertThat(publishedVersion.json.get("embed_credentials").asBoolean()).isTrue();
    assertThat(unpublished.status).isEqualTo(404);
    assertThat(permissions.json.get("access_control_list").get(0).get("user_name").asText())
        .isEqualTo("ann@example.com");
    assertThat(permissions.json.get("access_control_list").get(0).get("all_permissions").get(0)
        .get("permission_level").asText()).isEqualTo("CAN_MANAGE");
  }

  @Test
  void tokenManagement_listsTokenInfos_filtersByCreator_andIsForAdminsOnly() {
    FakeToken ann = workspace.addToken("ann@example.com", "ci");
    workspace.addToken("bob@example.com", "laptop", java.time.Duration.ofDays(90));

    Http.Reply all = admin(workspace, "GET", "/api/2.0/token-management/tokens", null);
    Http.Reply bobs = admin(workspace, "GET",
        "/api/2.0/token-management/tokens?created_by_username=bob@example.com", null);
    Http.Reply one = admin(workspace, "GET", "/api/2.0/token-management/tokens/" + ann.id(), null);
    Http.Reply plain = call(workspace, workspace.userToken(), "GET", "/api/2.0/token-management/tokens", null);

    assertThat(all.json.get("token_infos")).hasSize(2);
    JsonNode info = all.json.get("token_infos").get(0);
    assertThat(info.get("token_id").asText()).isEqualTo(ann.id());
    assertThat(info.get("created_by_username").asText()).isEqualTo("ann@example.com");
    assertThat(info.get("expiry_time").asLong()).isEqualTo(-1);
    assertThat(info.get("workspace_id").asLong()).isEqualTo(1001);
    assertThat(info.get("created_by_id").asText()).isEqualTo(scim.state().userByName("ann@example.com").get().id().get());
    assertThat(all.json.get("token_infos").get(1).get("expiry_time").asLong())
        .isEqualTo(all.json.get("token_infos").get(1).get("creation_time").asLong() + 90L * 24 * 3600 * 1000);
    assertThat(bobs.json.get("token_infos")).hasSize(1);
    assertThat(one.json.get("token_info").get("comment").asText()).isEqualTo("ci");
    assertThat(plain.status).isEqualTo(403);
    assertThat(all.text).doesNotContain(ann.value());
  }

  @Test
  void seededToken_authenticatesAsItsOwner_onItsWorkspaceOnly_untilItExpires() {
    FakeToken token = workspace.addToken("ann@example.com", "ci", java.time.Duration.ofHours(1));

    Http.Reply me = Http.send("GET", Http.workspaceUri(workspace, "/Me"), token.value(), null);

    assertThat(me.status).isEqualTo(200);
    assertThat(me.json.get("userName").asText()).isEqualTo("ann@example.com");
    assertThat(token.toString()).doesNotContain(token.value());
    ((FakeClock) scim.clock()).advance(java.time.Duration.ofHours(1));
    assertThat(Http.send("GET", Http.workspaceUri(workspace, "/Me"), token.value(), null).status).isEqualTo(403);
  }

  @Test
  void reset_dropsSeededObjectsAndTokens() {
    FakeToken token = workspace.addToken("ann@example.com", "ci");
    workspace.addJob("ann@example.com", "nightly", true);

    scim.reset();

    assertThat(admin(workspace, "GET", "/api/2.2/jobs/list", null).json.has("jobs")).isFalse();
    assertThat(Http.send("GET", Http.workspaceUri(workspace, "/Me"), token.value(), null).status).isEqualTo(403);
  }

  @Test
  void reads_forUnknownPathsAndVersions_are404() {
    assertThat(admin(workspace, "GET", "/api/2.0/jobs/list", null).status).isEqualTo(404);
    assertThat(admin(workspace, "GET", "/api/2.0/lakeview/nothing", null).status).isEqualTo(404);
    assertThat(admin(workspace, "GET", "/api/2.0/sql/warehouses/nope", null).status).isEqualTo(404);
  }
}
