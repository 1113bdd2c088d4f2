package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.ObjectTie.Role;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.api.WorkspaceObject.Kind;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Answers the real API never gives, from a plain MockWebServer: each must fail loudly, never read as "none". */
@Timeout(10)
class WorkspaceObjectsApiImplTest {
  private MockWebServer server;
  private ScimWorkspaceClient workspace;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServers.start();
    workspace = ScimWorkspaceClient.builder()
        .endpoint(server.url("/").uri())
        .credentials(TokenCredentials.of("dapi-test-token"))
        .sleeper(Sleeper.noWait())
        .retryPolicy(RetryPolicy.none())
        .rateLimits(RateLimits.unlimited())
        .build();
  }

  @AfterEach
  void stop() {
    workspace.close();
    server.close();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
        .build());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> listFails(Kind kind) {
    return assertThatThrownBy(() -> workspace.objects().list(kind)).isInstanceOf(ScimClientException.class);
  }

  @Test
  void list_listFieldNotAnArray_failsNamingEndpointAndField() {
    answer("{\"clusters\":{\"cluster_id\":\"c1\"}}");

    listFails(Kind.CLUSTER).hasMessageContaining("GET /api/2.1/clusters/list -> 200")
        .hasMessageContaining("\"clusters\" is not an array");
  }

  @Test
  void list_legacyDashboardsWithoutResults_fails() {
    answer("{\"count\":3,\"page\":1,\"page_size\":250}");

    listFails(Kind.DASHBOARD).hasMessageContaining("/api/2.0/preview/sql/dashboards")
        .hasMessageContaining("\"results\" is missing");
  }

  @Test
  void list_legacyDashboardsWithoutCount_fails() {
    answer("{\"results\":[{\"id\":\"d1\",\"name\":\"kpis\"}],\"page\":1,\"page_size\":250}");

    listFails(Kind.DASHBOARD).hasMessageContaining("\"count\" is missing");
  }

  @Test
  void list_itemWithoutItsId_failsNamingTheItem() {
    answer("{\"warehouses\":[{\"id\":\"w1\",\"name\":\"a\"},{\"name\":\"b\",\"creator_name\":\"ann@example.com\"}]}");

    listFails(Kind.WAREHOUSE).hasMessageContaining("/api/2.0/sql/warehouses")
        .hasMessageContaining("item 1 has no \"id\"");
  }

  @Test
  void list_itemThatIsNotAnObject_fails() {
    answer("{\"jobs\":[7],\"has_more\":false}");

    listFails(Kind.JOB).hasMessageContaining("/api/2.2/jobs/list").hasMessageContaining("item 0 is not an object");
  }

  @Test
  void list_answerThatIsNotAJsonObject_fails() {
    answer("[]");

    listFails(Kind.TOKEN).hasMessageContaining("/api/2.0/token-management/tokens")
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void list_emptyBody_fails() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    listFails(Kind.ALERT).hasMessageContaining("/api/2.0/sql/alerts").hasMessageContaining("the body is empty");
  }

  @Test
  void list_pageTokenThatRepeats_failsInsteadOfLoopingAndNeverQuotesTheToken() {
    answer("{\"dashboards\":[{\"dashboard_id\":\"a\"}],\"next_page_token\":\"SENTINEL-PAGE-42\"}");
    answer("{\"dashboards\":[{\"dashboard_id\":\"b\"}],\"next_page_token\":\"SENTINEL-PAGE-42\"}");

    listFails(Kind.LAKEVIEW_DASHBOARD).hasMessageContaining("/api/2.0/lakeview/dashboards")
        .hasMessageContaining("\"next_page_token\" repeats").hasMessageNotContaining("SENTINEL");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void list_pageThatPromisesMoreButHasNoList_fails() {
    answer("{\"next_page_token\":\"p2\"}");

    listFails(Kind.QUERY).hasMessageContaining("/api/2.0/sql/queries").hasMessageContaining("\"results\" is missing");
  }

  @Test
  void list_pageTokenThatIsNotText_fails() {
    answer("{\"clusters\":[],\"next_page_token\":7}");

    listFails(Kind.CLUSTER).hasMessageContaining("\"next_page_token\" is not a string");
  }

  @Test
  void list_omittedListOnTheLastPage_readsAsNone() throws InterruptedException {
    answer("{\"has_more\":false}");
    answer("{}");

    assertThat(workspace.objects().list(Kind.JOB)).isEmpty();
    assertThat(workspace.objects().list(Kind.TOKEN)).isEmpty();
    assertThat(LoopbackServers.take(server).getTarget()).isEqualTo("/api/2.2/jobs/list?limit=100");
    assertThat(LoopbackServers.take(server).getTarget()).isEqualTo("/api/2.0/token-management/tokens");
  }

  @Test
  void list_tokenMadeOnBehalfOfAnother_hasOwnerAndCreatorTies() {
    answer("{\"token_infos\":[{\"token_id\":\"t1\",\"comment\":\"obo\",\"expiry_time\":-1,"
        + "\"created_by_id\":11,\"created_by_username\":\"admin@example.com\",\"owner_id\":22}]}");

    WorkspaceObject token = workspace.objects().list(Kind.TOKEN).get(0);

    assertThat(token.ties()).containsExactly(ObjectTie.of(Role.OWNER, 22, null),
        ObjectTie.of(Role.CREATOR, 11, "admin@example.com"));
    assertThat(token.state()).isEqualTo("never expires");
  }

  @Test
  void list_pausedAndTriggeredJobs_readTheirState() {
    answer("{\"jobs\":["
        + "{\"job_id\":1,\"settings\":{\"name\":\"p\",\"schedule\":{\"pause_status\":\"PAUSED\"}}},"
        + "{\"job_id\":2,\"settings\":{\"name\":\"t\",\"trigger\":{\"file_arrival\":{}}}},"
        + "{\"job_id\":3,\"settings\":{\"name\":\"c\",\"continuous\":{\"pause_status\":\"PAUSED\"},"
        + "\"run_as\":{\"service_principal_name\":\"6e1f-sp\"}}},"
        + "{\"job_id\":4,\"settings\":{\"name\":\"g\",\"run_as\":{\"group_name\":\"data-eng\"}}}]}");

    java.util.List<WorkspaceObject> jobs = workspace.objects().list(Kind.JOB);

    assertThat(jobs).extracting(WorkspaceObject::state).containsExactly("paused", "triggered", "paused", "");
    assertThat(jobs).extracting(WorkspaceObject::active).containsExactly(false, true, false, false);
    assertThat(jobs.get(2).ties()).containsExactly(ObjectTie.of(Role.RUN_AS, "6e1f-sp"));
    assertThat(jobs.get(3).ties()).isEmpty();
  }

  @Test
  void details_jobWithoutRunAsUserName_keepsWhatTheListHad() {
    WorkspaceObject listed = WorkspaceObject.builder().kind(Kind.JOB).id("5").active(true)
        .addTies(ObjectTie.of(Role.RUN_AS, "bob@example.com")).build();
    answer("{\"job_id\":5,\"settings\":{\"name\":\"x\"}}");

    assertThat(workspace.objects().details(listed)).isEqualTo(listed);
  }

  @Test
  void details_lakeviewPermissions_keepDirectCanManageOfUsersAndServicePrincipalsOnly() throws InterruptedException {
    WorkspaceObject board = WorkspaceObject.builder().kind(Kind.LAKEVIEW_DASHBOARD).id("01ef 9").active(false)
        .build();
    answer("{\"object_id\":\"/dashboards/01ef 9\",\"object_type\":\"dashboard\",\"access_control_list\":["
        + "{\"user_name\":\"ann@example.com\",\"all_permissions\":[{\"permission_level\":\"CAN_MANAGE\","
        + "\"inherited\":false}]},"
        + "{\"user_name\":\"old@example.com\",\"all_permissions\":[{\"permission_level\":\"CAN_MANAGE\","
        + "\"inherited\":true,\"inherited_from_object\":[\"/directories/1\"]}]},"
        + "{\"user_name\":\"cy@example.com\",\"all_permissions\":[{\"permission_level\":\"CAN_EDIT\","
        + "\"inherited\":false}]},"
        + "{\"service_principal_name\":\"6e1f-sp\",\"all_permissions\":[{\"permission_level\":\"CAN_MANAGE\","
        + "\"inherited\":false}]},"
        + "{\"group_name\":\"admins\",\"all_permissions\":[{\"permission_level\":\"CAN_MANAGE\","
        + "\"inherited\":false}]}]}");

    WorkspaceObject detailed = workspace.objects().details(board);

    assertThat(detailed.ties()).containsExactly(ObjectTie.of(Role.MANAGER, "ann@example.com"),
        ObjectTie.of(Role.MANAGER, "6e1f-sp"));
    assertThat(LoopbackServers.take(server).getTarget()).isEqualTo("/api/2.0/permissions/dashboards/01ef%209");
  }

  @Test
  void details_lakeviewPermissionsWithoutTheirList_fail() {
    WorkspaceObject board = WorkspaceObject.builder().kind(Kind.LAKEVIEW_DASHBOARD).id("b1").active(false).build();
    answer("{\"object_id\":\"/dashboards/b1\"}");

    assertThatThrownBy(() -> workspace.objects().details(board)).isInstanceOf(ScimClientException.class)
        .hasMessageContaining("/api/2.0/permissions/dashboards/b1")
        .hasMessageContaining("\"access_control_list\" is missing");
  }
}
