package dev.dbscim.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.ObjectTie.Role;
import dev.dbscim.client.api.WorkspaceObject.Kind;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakePrincipal;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeToken;
import dev.dbscim.testkit.FakeWorkspace;
import dev.dbscim.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkspaceObjectsFunctionalTest {
  private static final String ANN = "ann@example.com";
  private static final String BOB = "bob@example.com";

  @FakeScim final FakeScimServer scim = FakeScimServer.create();
  private FakeWorkspace fake;
  private ScimWorkspaceClient workspace;
  private String annId;
  private String bobId;

  @BeforeEach
  void seed() {
    fake = scim.workspace(0);
    annId = user(ANN);
    bobId = user(BOB);
    workspace = FakeClients.workspace(scim);
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  private String user(String userName) {
    String id = scim.state().seed(User.builder().userName(userName).displayName("Name of " + userName).build())
        .id().get();
    scim.state().assign(fake.id(), id, "USER");
    return id;
  }

  private WorkspaceObject only(Kind kind) {
    List<WorkspaceObject> objects = workspace.objects().list(kind);
    assertThat(objects).hasSize(1);
    return objects.get(0);
  }

  private WorkspaceObject byId(Kind kind, String id) {
    return workspace.objects().list(kind).stream().filter(o -> o.id().equals(id)).findFirst().get();
  }

  private List<String> targets(String path) {
    return scim.recordedRequests().stream().filter(call -> call.path().equals(path)).map(RecordedCall::target)
        .collect(Collectors.toList());
  }

  @Test
  void list_tokens_ownerTieWithIdAndNameAndExpiry() {
    Instant now = Instant.ofEpochMilli(scim.clock().millis());
    FakeToken forever = fake.addToken(ANN, "ci");
    FakeToken monthly = fake.addToken(BOB, "laptop", Duration.ofDays(30));

    List<WorkspaceObject> tokens = workspace.objects().list(Kind.TOKEN);

    assertThat(tokens).extracting(WorkspaceObject::id).containsExactly(forever.id(), monthly.id());
    WorkspaceObject first = tokens.get(0);
    assertThat(first.name()).isEqualTo("ci");
    assertThat(first.ties()).containsExactly(ObjectTie.of(Role.OWNER, Long.parseLong(annId), ANN));
    assertThat(first.active()).isTrue();
    assertThat(first.expiresAt()).isEmpty();
    assertThat(first.state()).isEqualTo("never expires");
    WorkspaceObject second = tokens.get(1);
    Instant expiry = second.expiresAt().get();
    assertThat(expiry).isEqualTo(now.plus(Duration.ofDays(30)));
    assertThat(second.state()).isEqualTo("expires " + expiry.atOffset(ZoneOffset.UTC).toLocalDate());
    assertThat(second.activeAt(expiry)).isFalse();
    assertThat(targets("/api/2.0/token-management/tokens")).containsExactly("/api/2.0/token-management/tokens");
  }

  @Test
  void list_tokens_asPlainUser_isForbidden() {
    fake.addToken(ANN, "ci");
    try (ScimWorkspaceClient user = FakeClients.workspaceUser(scim, fake.id())) {
      assertThatThrownBy(() -> user.objects().list(Kind.TOKEN)).isInstanceOf(ScimForbiddenException.class)
          .hasMessageContaining("/api/2.0/token-management/tokens");
    }
  }

  @Test
  void list_jobs_readsNameCreatorRunAsAndTriggers() {
    long scheduled = fake.addJob(ANN, "nightly", true);
    long manual = fake.addJob(ANN, "by hand", false);
    long continuous = fake.addContinuousJob(ANN, "stream");
    long asBob = fake.addJob(ANN, "as bob", true, BOB);

    List<WorkspaceObject> jobs = workspace.objects().list(Kind.JOB);

    assertThat(jobs).extracting(WorkspaceObject::id).containsExactly(Long.toString(scheduled),
        Long.toString(manual), Long.toString(continuous), Long.toString(asBob));
    assertThat(jobs).extracting(WorkspaceObject::name).containsExactly("nightly", "by hand", "stream", "as bob");
    assertThat(jobs).extracting(WorkspaceObject::active).containsExactly(true, false, true, true);
    assertThat(jobs).extracting(WorkspaceObject::state).containsExactly("scheduled", "", "continuous", "scheduled");
    assertThat(jobs.get(0).ties()).containsExactly(ObjectTie.of(Role.CREATOR, ANN));
    assertThat(jobs.get(3).ties()).containsExactly(ObjectTie.of(Role.CREATOR, ANN), ObjectTie.of(Role.RUN_AS, BOB));
    assertThat(targets("/api/2.2/jobs/list")).containsExactly("/api/2.2/jobs/list?limit=100");
  }

  @Test
  void details_jobRunningAsAnotherUser_replacesRunAsFromJobsGet() {
    long asBob = fake.addJob(ANN, "as bob", true, BOB);
    WorkspaceObject listed = only(Kind.JOB);

    WorkspaceObject detailed = workspace.objects().details(listed);

    assertThat(detailed.ties()).containsExactly(ObjectTie.of(Role.CREATOR, ANN), ObjectTie.of(Role.RUN_AS, BOB));
    assertThat(detailed.id()).isEqualTo(Long.toString(asBob));
    assertThat(detailed.active()).isTrue();
    assertThat(targets("/api/2.2/jobs/get")).containsExactly("/api/2.2/jobs/get?job_id=" + asBob);
  }

  @Test
  void details_jobRunningAsItsCreator_addsARunAsTieOfItsOwn() {
    fake.addJob(ANN, "nightly", true);

    WorkspaceObject detailed = workspace.objects().details(only(Kind.JOB));

    assertThat(detailed.ties()).containsExactly(ObjectTie.of(Role.CREATOR, ANN), ObjectTie.of(Role.RUN_AS, ANN));
  }

  @Test
  void details_kindWithoutDetails_isRefused() {
    fake.addWarehouse(ANN, "wh");

    assertThatThrownBy(() -> workspace.objects().details(only(Kind.WAREHOUSE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQL warehouses");
  }

  @Test
  void list_clusters_readsCreatorSingleUserAndState() {
    String shared = fake.addCluster(ANN, "shared");
    String dedicated = fake.addSingleUserCluster(ANN, "bob's", BOB);

    List<WorkspaceObject> clusters = workspace.objects().list(Kind.CLUSTER);

    assertThat(clusters).extracting(WorkspaceObject::id).containsExactly(shared, dedicated);
    assertThat(clusters).extracting(WorkspaceObject::name).containsExactly("shared", "bob's");
    assertThat(clusters).extracting(WorkspaceObject::state).containsExactly("RUNNING", "RUNNING");
    assertThat(clusters).allMatch(WorkspaceObject::active);
    assertThat(clusters.get(0).ties()).containsExactly(ObjectTie.of(Role.CREATOR, ANN));
    assertThat(clusters.get(1).ties())
        .containsExactly(ObjectTie.of(Role.CREATOR, ANN), ObjectTie.of(Role.SINGLE_USER, BOB));
  }

  @Test
  void list_afterTheCreatorIsDeleted_hasNoCreatorTieAndTheClusterIsNotActive() {
    fake.addJob(ANN, "nightly", true);
    fake.addCluster(ANN, "shared");
    try (ScimAccountClient account = FakeClients.account(scim)) {
      account.users().delete(annId);
    }

    WorkspaceObject job = only(Kind.JOB);
    WorkspaceObject cluster = only(Kind.CLUSTER);

    assertThat(job.ties()).isEmpty();
    assertThat(cluster.ties()).isEmpty();
    assertThat(cluster.state()).isEqualTo("TERMINATED");
    assertThat(cluster.active()).isFalse();
  }

  @Test
  void list_warehousesQueriesAlertsAndDashboards_readOwnersAndRunAsMode() {
    String warehouse = fake.addWarehouse(ANN, "wh");
    String asOwner = fake.addQuery(ANN, "revenue", true);
    String asViewer = fake.addQuery(BOB, "costs", false);
    String alert = fake.addAlert(BOB, "late");
    String dashboard = fake.addDashboard(BOB, "kpis");
    String lakeview = fake.addLakeviewDashboard(ANN, "board", true);

    WorkspaceObject wh = only(Kind.WAREHOUSE);
    assertThat(wh.id()).isEqualTo(warehouse);
    assertThat(wh.name()).isEqualTo("wh");
    assertThat(wh.ties()).containsExactly(ObjectTie.of(Role.CREATOR, ANN));
    assertThat(wh.state()).isEqualTo("RUNNING");
    assertThat(wh.active()).isFalse();

    List<WorkspaceObject> queries = workspace.objects().list(Kind.QUERY);
    assertThat(queries).extracting(WorkspaceObject::id).containsExactly(asOwner, asViewer);
    assertThat(queries).extracting(WorkspaceObject::name).containsExactly("revenue", "costs");
    assertThat(queries).extracting(WorkspaceObject::active).containsExactly(true, false);
    assertThat(queries).extracting(WorkspaceObject::state).containsExactly("run as owner", "run as viewer");
    assertThat(queries.get(1).ties()).containsExactly(ObjectTie.of(Role.OWNER, BOB));

    WorkspaceObject a = only(Kind.ALERT);
    assertThat(a.id()).isEqualTo(alert);
    assertThat(a.name()).isEqualTo("late");
    assertThat(a.ties()).containsExactly(ObjectTie.of(Role.OWNER, BOB));
    assertThat(a.active()).isFalse();

    WorkspaceObject legacy = only(Kind.DASHBOARD);
    assertThat(legacy.id()).isEqualTo(dashboard);
    assertThat(legacy.name()).isEqualTo("kpis");
    assertThat(legacy.ties()).containsExactly(ObjectTie.of(Role.OWNER, Long.parseLong(bobId), BOB));
    assertThat(legacy.active()).isFalse();

    WorkspaceObject board = only(Kind.LAKEVIEW_DASHBOARD);
    assertThat(board.id()).isEqualTo(lakeview);
    assertThat(board.name()).isEqualTo("board");
    assertThat(board.ties()).isEmpty();
    assertThat(board.active()).isFalse();
  }

  @Test
  void list_alertOfADeletedOwner_hasNoOwnerTie() {
    fake.addAlert(BOB, "late");
    try (ScimAccountClient account = FakeClients.account(scim)) {
      account.users().delete(bobId);
    }

    assertThat(only(Kind.ALERT).ties()).isEmpty();
  }

  @Test
  void details_lakeviewDashboard_managersFromItsDirectCanManageGrants() {
    String board = fake.addLakeviewDashboard(ANN, "board", false);
    user("cy@example.com");
    fake.grant("dashboards", board, FakePrincipal.user(BOB), "CAN_MANAGE");
    fake.grant("dashboards", board, FakePrincipal.user("cy@example.com"), "CAN_EDIT");

    WorkspaceObject detailed = workspace.objects().details(only(Kind.LAKEVIEW_DASHBOARD));

    assertThat(detailed.ties()).containsExactly(ObjectTie.of(Role.MANAGER, ANN), ObjectTie.of(Role.MANAGER, BOB));
    assertThat(targets("/api/2.0/permissions/dashboards/" + board)).hasSize(1);
  }

  @Test
  void list_moreThanAPage_readsEveryPageOnce() {
    for (int i = 0; i < 205; i++) {
      fake.addJob(ANN, "job " + i, false);
    }
    for (int i = 0; i < 101; i++) {
      fake.addCluster(ANN, "cluster " + i);
      fake.addQuery(ANN, "query " + i, false);
    }
    for (int i = 0; i < 251; i++) {
      fake.addDashboard(ANN, "dashboard " + i);
    }

    assertThat(workspace.objects().list(Kind.JOB)).hasSize(205).extracting(WorkspaceObject::name)
        .startsWith("job 0", "job 1").endsWith("job 204").doesNotHaveDuplicates();
    assertThat(workspace.objects().list(Kind.CLUSTER)).hasSize(101).extracting(WorkspaceObject::id)
        .doesNotHaveDuplicates();
    assertThat(workspace.objects().list(Kind.QUERY)).hasSize(101).extracting(WorkspaceObject::id)
        .doesNotHaveDuplicates();
    assertThat(workspace.objects().list(Kind.DASHBOARD)).hasSize(251).extracting(WorkspaceObject::id)
        .doesNotHaveDuplicates();

    assertThat(targets("/api/2.2/jobs/list")).hasSize(3).first().isEqualTo("/api/2.2/jobs/list?limit=100");
    assertThat(targets("/api/2.2/jobs/list").get(1)).startsWith("/api/2.2/jobs/list?limit=100&page_token=");
    assertThat(targets("/api/2.1/clusters/list")).hasSize(2).first()
        .isEqualTo("/api/2.1/clusters/list?page_size=100");
    assertThat(targets("/api/2.0/sql/queries")).hasSize(2);
    assertThat(targets("/api/2.0/preview/sql/dashboards")).containsExactly(
        "/api/2.0/preview/sql/dashboards?page=1&page_size=250",
        "/api/2.0/preview/sql/dashboards?page=2&page_size=250");
  }

  @Test
  void list_exactlyAFullLegacyPage_stopsAtTheCount() {
    for (int i = 0; i < 250; i++) {
      fake.addDashboard(ANN, "dashboard " + i);
    }

    assertThat(workspace.objects().list(Kind.DASHBOARD)).hasSize(250);
    assertThat(targets("/api/2.0/preview/sql/dashboards")).hasSize(1);
  }

  @Test
  void list_emptyWorkspace_readsNothingForEveryKind() {
    for (Kind kind : Kind.values()) {
      assertThat(workspace.objects().list(kind)).as(kind.toString()).isEmpty();
    }
    assertThat(scim.recordedRequests()).extracting(RecordedCall::status).containsOnly(200);
    assertThat(scim.recordedRequests()).extracting(RecordedCall::scimPath).containsOnly(Optional.empty());
  }
}
