package dev.dbscim.client.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.migrate.GroupMigrationOptions;
import dev.dbscim.client.migrate.GroupMigrationPlan;
import dev.dbscim.client.migrate.GroupMigrationReport;
import dev.dbscim.client.migrate.GroupMigrationResult.Outcome;
import dev.dbscim.client.migrate.GroupMigrationStep;
import dev.dbscim.client.migrate.PlannedGroupMigration;
import dev.dbscim.client.migrate.PlannedGroupMigration.Status;
import dev.dbscim.client.migrate.WorkspaceGroupMigration;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.client.sync.SyncCancellation;
import dev.dbscim.client.sync.SyncProgress;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakePrincipal;
import dev.dbscim.testkit.FakeWorkspace;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WorkspaceGroupMigrationTest {
  static final String SP_APP = "6f1b2c3d-0000-4000-8000-00000000000a";
  static final long WS = 1001;

  final FakeClock clock = FakeClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  FakeScimServer server;
  ScimAccountClient account;
  ScimWorkspaceClient workspace;
  String ada;
  String alan;
  String grace;
  String sp;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().clock(clock).workspaces(2).nonFederatedWorkspaces(1)
        .renameVisibilityDelay(Duration.ofSeconds(20)).build().start();
    account = FakeClients.account(server);
    workspace = FakeClients.workspace(server, WS);
    ada = server.state().seed(WS, User.builder().userName("ada@example.com").build()).id().get();
    alan = server.state().seed(WS, User.builder().userName("alan@example.com").build()).id().get();
    grace = server.state().seed(WS, User.builder().userName("grace@example.com").build()).id().get();
    sp = server.state().seed(WS, ServicePrincipal.builder().applicationId(SP_APP).displayName("etl").build()).id()
        .get();
    String analysts = localGroup(WS, "analysts", grace);
    localGroup(WS, "data-eng", ada, alan, sp, analysts);
    String platform = localGroup(WS, "platform", ada);
    server.state().addMember(localGroupId(WS, "admins"), platform);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String localGroup(long workspaceId, String name, String... members) {
    Group.Builder group = Group.builder().displayName(name);
    for (String member : members) {
      group.addMembers(ComplexValue.of(member));
    }
    return server.state().seed(workspaceId, group.build()).id().get();
  }

  String localGroupId(long workspaceId, String name) {
    try (ScimWorkspaceClient client = FakeClients.workspace(server, workspaceId)) {
      for (Group group : client.groups().list(q -> q.filter(Filter.attr("displayName").eq(name)))) {
        if (group.workspaceLocal()) {
          return group.id().get();
        }
      }
    }
    throw new AssertionError("no local group " + name);
  }

  WorkspaceGroupMigration migration(GroupMigrationOptions options) {
    return migration(WS, workspace, options);
  }

  WorkspaceGroupMigration migration(long workspaceId, ScimWorkspaceClient client, GroupMigrationOptions options) {
    return WorkspaceGroupMigration.builder().accountClient(account).workspaceClient(client).workspaceId(workspaceId)
        .options(options).clock(clock).sleeper(clock::advance).build();
  }

  List<RecordedCall> writes() {
    return server.recordedRequests().stream().filter(call -> !call.method().equals("GET"))
        .collect(Collectors.toList());
  }

  List<Group> accountGroupsNamed(String name) {
    List<Group> groups = new ArrayList<>();
    account.groups().list(q -> q.filter(Filter.attr("displayName").eq(name))).forEach(groups::add);
    return groups;
  }

  Set<String> accountMembers(String name) {
    List<Group> groups = accountGroupsNamed(name);
    assertThat(groups).hasSize(1);
    return new TreeSet<>(server.state().members(groups.get(0).id().get()));
  }

  WorkspacePermission assignment(String principalId) {
    for (PermissionAssignment assignment : account.workspaceAssignments().list(WS)) {
      if (assignment.principal().get().principalId().getAsLong() == Long.parseLong(principalId)) {
        return assignment.permissions().get(0);
      }
    }
    return null;
  }

  @Test
  void plan_nestedGroups_ordersChildrenFirstPrintsAndSendsNoWrites() {
    server.clearRecordedRequests();

    GroupMigrationPlan plan = migration(GroupMigrationOptions.defaults()).plan();

    assertThat(writes()).isEmpty();
    assertThat(plan.groups()).extracting(PlannedGroupMigration::name)
        .containsExactly("analysts", "data-eng", "platform");
    PlannedGroupMigration dataEng = plan.groups().get(1);
    assertThat(dataEng.status()).isEqualTo(Status.MIGRATE);
    assertThat(dataEng.members()).containsExactlyInAnyOrder("user:ada@example.com", "user:alan@example.com",
        "service-principal:" + SP_APP, "group:analysts");
    assertThat(dataEng.steps()).containsExactly(GroupMigrationStep.CREATE_ACCOUNT_GROUP,
        GroupMigrationStep.RENAME_LOCAL_GROUP, GroupMigrationStep.ASSIGN_ACCOUNT_GROUP,
        GroupMigrationStep.MIGRATE_PERMISSIONS);
    assertThat(plan.groups().get(2).permission()).isEqualTo(WorkspacePermission.ADMIN);
    assertThat(plan.table()).contains("data-eng").contains("create-account-group,rename-local-group");
    assertThat(plan.summary()).contains("3 migrate").contains("kept (deletion not enabled)");
    assertThat(GroupMigrationPlan.fromJson(plan.toJson())).isEqualTo(plan);
  }

  @Test
  void apply_nestedGroups_createsAccountGroupsRenamesAndAssigns() {
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults());
    Instant before = clock.instant();

    GroupMigrationReport report = migration.apply(migration.plan());

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(report.count(Outcome.MIGRATED)).isEqualTo(3);
    String analystsAccount = accountGroupsNamed("analysts").get(0).id().get();
    assertThat(accountMembers("data-eng")).containsExactlyInAnyOrder(ada, alan, sp, analystsAccount);
    assertThat(accountMembers("analysts")).containsExactly(grace);
    assertThat(localGroupId(WS, "db-temp-data-eng")).isNotNull();
    assertThat(localGroupId(WS, "db-temp-analysts")).isNotNull();
    assertThat(assignment(analystsAccount)).isEqualTo(WorkspacePermission.USER);
    assertThat(assignment(accountGroupsNamed("platform").get(0).id().get())).isEqualTo(WorkspacePermission.ADMIN);
    // Three renames at 10/min are 6 s apart, and each waited out the 20 s visibility delay of the fake.
    assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(writes().stream().filter(call -> call.method().equals("PATCH")).count()).isEqualTo(3);

    server.clearRecordedRequests();
    GroupMigrationPlan again = migration.plan();
    // Only the permission migration API can tell whether permissions are left, so a re-run asks it once per group.
    assertThat(again.groups()).allSatisfy(group -> {
      assertThat(group.status()).isEqualTo(Status.RESUME);
      assertThat(group.steps()).containsExactly(GroupMigrationStep.MIGRATE_PERMISSIONS);
    });
    assertThat(migration.apply(again).count(Outcome.ALREADY_DONE)).isEqualTo(3);
    assertThat(writes()).hasSize(3).allSatisfy(call -> assertThat(call.path()).endsWith("/permissionmigration"));
  }

  @Test
  void apply_renameVisibleOnlyAfterTheTimeout_failsThenAReRunCompletes() {
    GroupMigrationOptions options = GroupMigrationOptions.builder().renameTimeout(Duration.ofSeconds(10)).build();
    WorkspaceGroupMigration migration = migration(options);

    GroupMigrationReport first = migration.apply(migration.plan());

    assertThat(first.result("analysts").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.result("analysts").failedStep()).contains(GroupMigrationStep.RENAME_LOCAL_GROUP);
    assertThat(first.result("data-eng").outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(first.summary()).contains("Run the migration again");

    clock.advance(Duration.ofMinutes(1));
    GroupMigrationPlan resumed = migration.plan();
    assertThat(resumed.groups().get(0).status()).isEqualTo(Status.RESUME);
    assertThat(resumed.groups().get(0).steps()).containsExactly(GroupMigrationStep.ASSIGN_ACCOUNT_GROUP,
        GroupMigrationStep.MIGRATE_PERMISSIONS);
    GroupMigrationReport second = migration(GroupMigrationOptions.defaults()).apply(resumed);
    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(second.result("data-eng").completedSteps()).containsExactly(GroupMigrationStep.CREATE_ACCOUNT_GROUP,
        GroupMigrationStep.RENAME_LOCAL_GROUP, GroupMigrationStep.ASSIGN_ACCOUNT_GROUP,
        GroupMigrationStep.MIGRATE_PERMISSIONS);
  }

  @Test
  void apply_interruptedAtAnAssignment_resumesWithoutDuplicates() {
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults());
    GroupMigrationPlan plan = migration.plan();
    server.failNext(Fault.status(500).on("PUT", "permissionassignments").times(1));

    GroupMigrationReport first = migration.apply(plan);

    assertThat(first.result("analysts").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.result("analysts").completedSteps()).containsExactly(GroupMigrationStep.CREATE_ACCOUNT_GROUP,
        GroupMigrationStep.RENAME_LOCAL_GROUP);
    assertThat(first.result("data-eng").outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(first.result("platform").outcome()).isEqualTo(Outcome.MIGRATED);

    GroupMigrationReport second = migration.apply(migration.plan());

    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(second.result("analysts").completedSteps())
        .containsExactly(GroupMigrationStep.ASSIGN_ACCOUNT_GROUP, GroupMigrationStep.MIGRATE_PERMISSIONS);
    assertThat(second.result("platform").outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(accountGroupsNamed("analysts")).hasSize(1);
    assertThat(accountGroupsNamed("data-eng")).hasSize(1);
    assertThat(localGroupId(WS, "db-temp-analysts")).isNotNull();
    assertThatThrownBy(() -> localGroupId(WS, "db-temp-db-temp-analysts")).isInstanceOf(AssertionError.class);
  }

  @Test
  void apply_interruptedAfterCreatingTheAccountGroup_reusesIt() {
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults());
    server.failNext(Fault.status(500).on("PATCH", "/preview/scim/v2/Groups/").times(1));

    GroupMigrationReport first = migration.apply(migration.plan());

    assertThat(first.result("analysts").failedStep()).contains(GroupMigrationStep.RENAME_LOCAL_GROUP);
    PlannedGroupMigration analysts = migration.plan().groups().get(0);
    assertThat(analysts.steps()).containsExactly(GroupMigrationStep.RENAME_LOCAL_GROUP,
        GroupMigrationStep.ASSIGN_ACCOUNT_GROUP, GroupMigrationStep.MIGRATE_PERMISSIONS);
    assertThat(migration.run().isSuccess()).isTrue();
    assertThat(accountGroupsNamed("analysts")).hasSize(1);
  }

  @Test
  void plan_accountGroupWithOtherMembers_isANameClashAndBlocksItsParent() {
    server.state().seed(Group.builder().displayName("analysts").addMembers(ComplexValue.of(alan)).build());
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults());

    GroupMigrationPlan plan = migration.plan();

    assertThat(plan.groups().get(0).status()).isEqualTo(Status.NAME_CLASH);
    assertThat(plan.groups().get(0).reason().get()).contains("mergeOnNameClash");
    assertThat(plan.groups().get(1).status()).isEqualTo(Status.BLOCKED);
    GroupMigrationReport report = migration.apply(plan);
    assertThat(report.result("analysts").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(report.result("platform").outcome()).isEqualTo(Outcome.MIGRATED);
    assertThat(accountMembers("analysts")).containsExactly(alan);
    assertThat(localGroupId(WS, "analysts")).isNotNull();
  }

  @Test
  void apply_nameClashWithMerge_addsLocalMembersAndRemovesNone() {
    server.state().seed(Group.builder().displayName("analysts").addMembers(ComplexValue.of(alan)).build());
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.builder().mergeOnNameClash(true).build());

    GroupMigrationPlan plan = migration.plan();
    assertThat(plan.groups().get(0).steps()).startsWith(GroupMigrationStep.ADD_MEMBERS);
    GroupMigrationReport report = migration.apply(plan);

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(accountMembers("analysts")).containsExactlyInAnyOrder(alan, grace);
  }

  @Test
  void apply_existingAccountGroupWithSameMembers_isUsedNotDuplicated() {
    server.state().seed(Group.builder().displayName("analysts").addMembers(ComplexValue.of(grace)).build());
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults());

    assertThat(migration.plan().groups().get(0).steps()).doesNotContain(GroupMigrationStep.CREATE_ACCOUNT_GROUP);
    assertThat(migration.run().isSuccess()).isTrue();
    assertThat(accountGroupsNamed("analysts")).hasSize(1);
  }

  @Test
  void apply_withoutDeletionFlag_keepsLocalGroups_andWithItDeletesThemAfterValidation() {
    migration(GroupMigrationOptions.defaults()).run();
    assertThat(server.state().localGroupCount(WS)).isEqualTo(3);

    WorkspaceGroupMigration deleting =
        migration(GroupMigrationOptions.builder().dangerouslyDeleteLocalGroups(true).build());
    GroupMigrationPlan plan = deleting.plan();
    assertThat(plan.groups()).allSatisfy(group ->
        assertThat(group.steps()).containsExactly(GroupMigrationStep.MIGRATE_PERMISSIONS,
            GroupMigrationStep.DELETE_LOCAL_GROUP));
    assertThat(plan.summary()).contains("DELETED");
    assertThatThrownBy(() -> migration(GroupMigrationOptions.defaults()).apply(plan))
        .isInstanceOf(IllegalArgumentException.class);

    GroupMigrationReport report = deleting.apply(plan);

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(server.state().localGroupCount(WS)).isZero();
    List<Group> visible = new ArrayList<>();
    workspace.groups().list().forEach(visible::add);
    assertThat(visible).filteredOn(group -> group.displayName().equals("data-eng"))
        .singleElement().satisfies(group -> assertThat(group.workspaceLocal()).isFalse());
    assertThat(deleting.plan().groups()).isEmpty();
  }

  FakeWorkspace fakeWorkspace() {
    return server.workspaces().stream().filter(ws -> ws.id() == WS).findFirst().get();
  }

  /** Seeds grants for local groups on a job, a cluster, a warehouse and a notebook; returns {type, id} pairs. */
  List<String[]> seedGrants() {
    FakeWorkspace ws = fakeWorkspace();
    List<String[]> objects = new ArrayList<>();
    String owner = "ada@example.com";
    objects.add(new String[] {"jobs", Long.toString(ws.addJob(owner, "nightly", true))});
    objects.add(new String[] {"clusters", ws.addCluster(owner, "shared")});
    objects.add(new String[] {"sql/warehouses", ws.addWarehouse(owner, "bi")});
    ws.grant("jobs", objects.get(0)[1], FakePrincipal.group("data-eng"), "CAN_MANAGE_RUN");
    ws.grant("clusters", objects.get(1)[1], FakePrincipal.group("data-eng"), "CAN_RESTART");
    ws.grant("sql/warehouses", objects.get(2)[1], FakePrincipal.group("data-eng"), "CAN_USE");
    ws.grant("jobs", objects.get(0)[1], FakePrincipal.group("analysts"), "CAN_VIEW");
    ws.grant("sql/warehouses", objects.get(2)[1], FakePrincipal.group("analysts"), "CAN_USE");
    return objects;
  }

  @Test
  void apply_localGroupsHoldingPermissions_movesThemInBatchesAndReportsPerGroup() {
    List<String[]> objects = seedGrants();
    WorkspaceGroupMigration migration =
        migration(GroupMigrationOptions.builder().permissionBatchSize(2).build());

    GroupMigrationReport report = migration.apply(migration.plan());

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(report.result("data-eng").permissionsMigrated()).isEqualTo(3);
    assertThat(report.result("analysts").permissionsMigrated()).isEqualTo(2);
    assertThat(report.permissionsMigrated()).isEqualTo(5);
    assertThat(report.summary()).contains("data-eng: 3 permission(s) moved");
    assertThat(report.table()).contains("permissions moved");
    FakeWorkspace ws = fakeWorkspace();
    assertThat(ws.permissions("jobs", objects.get(0)[1]).levelOf(FakePrincipal.group("data-eng")))
        .contains("CAN_MANAGE_RUN");
    assertThat(ws.permissions("clusters", objects.get(1)[1]).levelOf(FakePrincipal.group("data-eng")))
        .contains("CAN_RESTART");
    assertThat(ws.permissions("jobs", objects.get(0)[1]).levelOf(FakePrincipal.group("analysts")))
        .contains("CAN_VIEW");
    for (String[] object : objects) {
      assertThat(ws.permissions(object[0], object[1]).grants().keySet())
          .doesNotContain(FakePrincipal.group("db-temp-data-eng"), FakePrincipal.group("db-temp-analysts"));
    }
    // 3 grants in batches of 2: 2 + 1 + the call answering 0.
    assertThat(writes().stream().filter(call -> call.path().endsWith("/permissionmigration")
        && call.body().contains("db-temp-data-eng")).count()).isEqualTo(3);
  }

  @Test
  void apply_interruptedWhileMovingPermissions_aReRunMovesTheRest() {
    List<String[]> objects = seedGrants();
    WorkspaceGroupMigration migration =
        migration(GroupMigrationOptions.builder().permissionBatchSize(1).build());
    server.failNext(Fault.status(500).on("POST", "permissionmigration").times(1));

    GroupMigrationReport first = migration.apply(migration.plan());

    assertThat(first.result("analysts").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.result("analysts").failedStep()).contains(GroupMigrationStep.MIGRATE_PERMISSIONS);
    assertThat(first.result("data-eng").outcome()).isEqualTo(Outcome.BLOCKED);
    PlannedGroupMigration analysts = migration.plan().groups().get(0);
    assertThat(analysts.status()).isEqualTo(Status.RESUME);
    assertThat(analysts.steps()).containsExactly(GroupMigrationStep.MIGRATE_PERMISSIONS);

    GroupMigrationReport second = migration.apply(migration.plan());

    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(second.result("analysts").permissionsMigrated()).isEqualTo(2);
    assertThat(second.result("data-eng").permissionsMigrated()).isEqualTo(3);
    assertThat(fakeWorkspace().permissions("sql/warehouses", objects.get(2)[1])
        .levelOf(FakePrincipal.group("analysts"))).contains("CAN_USE");
  }

  @Test
  void apply_deletion_movesLatePermissionsFirstAndIsRefusedWhenTheApiCannotConfirmNoneRemain() {
    List<String[]> objects = seedGrants();
    migration(GroupMigrationOptions.defaults()).run();
    // Granted to the renamed local groups after the migration: deleting them now would take these away.
    fakeWorkspace().grant("clusters", objects.get(1)[1], FakePrincipal.group("db-temp-analysts"), "CAN_ATTACH_TO");
    fakeWorkspace().grant("clusters", objects.get(1)[1], FakePrincipal.group("db-temp-platform"), "CAN_ATTACH_TO");
    WorkspaceGroupMigration deleting =
        migration(GroupMigrationOptions.builder().dangerouslyDeleteLocalGroups(true).build());
    GroupMigrationPlan plan = deleting.plan();
    server.failNext(Fault.status(500).on("POST", "permissionmigration").times(1));

    GroupMigrationReport report = deleting.apply(plan);

    assertThat(report.result("analysts").outcome()).as(report.summary()).isEqualTo(Outcome.FAILED);
    assertThat(report.result("analysts").failedStep()).contains(GroupMigrationStep.MIGRATE_PERMISSIONS);
    assertThat(report.result("analysts").completedSteps()).doesNotContain(GroupMigrationStep.DELETE_LOCAL_GROUP);
    assertThat(localGroupId(WS, "db-temp-analysts")).isNotNull();
    assertThat(fakeWorkspace().permissions("clusters", objects.get(1)[1])
        .levelOf(FakePrincipal.group("db-temp-analysts"))).contains("CAN_ATTACH_TO");
    assertThat(report.result("platform").completedSteps()).containsExactly(GroupMigrationStep.MIGRATE_PERMISSIONS,
        GroupMigrationStep.DELETE_LOCAL_GROUP);
    assertThat(report.result("platform").permissionsMigrated()).isEqualTo(1);
    assertThat(fakeWorkspace().permissions("clusters", objects.get(1)[1])
        .levelOf(FakePrincipal.group("platform"))).contains("CAN_ATTACH_TO");
    assertThat(report.isSuccess()).isFalse();
  }

  @Test
  void plan_nonFederatedWorkspace_blocksEveryGroupAndApplySendsNoWrites() {
    long nonFederated = server.workspaces().get(2).id();
    ScimWorkspaceClient client = FakeClients.workspace(server, nonFederated);
    String user = server.state().seed(nonFederated, User.builder().userName("bo@example.com").build()).id().get();
    localGroup(nonFederated, "ops", user);
    WorkspaceGroupMigration migration = migration(nonFederated, client, GroupMigrationOptions.defaults());
    server.clearRecordedRequests();

    GroupMigrationPlan plan = migration.plan();
    GroupMigrationReport report = migration.apply(plan);

    assertThat(plan.groups()).singleElement().satisfies(group -> assertThat(group.status()).isEqualTo(Status.BLOCKED));
    assertThat(plan.warnings()).anySatisfy(warning -> assertThat(warning).contains("identity federation"));
    assertThat(report.result("ops").outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(writes()).isEmpty();
  }

  WorkspaceGroupMigration migration(GroupMigrationOptions options, Sleeper sleeper, GroupMigrationListener listener) {
    return WorkspaceGroupMigration.builder().accountClient(account).workspaceClient(workspace).workspaceId(WS)
        .options(options).clock(clock).sleeper(sleeper).listener(listener).build();
  }

  List<RecordedCall> accountGroupCreates() {
    return server.recordedRequests().stream()
        .filter(call -> call.method().equals("POST") && call.path().endsWith("/Groups"))
        .collect(Collectors.toList());
  }

  @Test
  void apply_cancelledAfterTheFirstGroup_startsNoOtherGroup_reportsNotRun_andAReRunResumesWithoutDuplicates() {
    SyncCancellation cancellation = SyncCancellation.create();
    List<String> heard = new ArrayList<>();
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults(), clock::advance,
        (result, progress) -> {
          heard.add(result.name() + " " + progress.done() + "/" + progress.total());
          cancellation.cancel();
        });
    GroupMigrationPlan plan = migration.plan();
    server.clearRecordedRequests();

    GroupMigrationReport first = migration.apply(plan, cancellation);

    assertThat(first.interrupted()).isTrue();
    assertThat(heard).containsExactly("analysts 1/3");
    assertThat(first.result("analysts").outcome()).isEqualTo(Outcome.MIGRATED);
    assertThat(first.result("data-eng").outcome()).isEqualTo(Outcome.NOT_RUN);
    assertThat(first.result("platform").outcome()).isEqualTo(Outcome.NOT_RUN);
    assertThat(first.summary()).contains("interrupted").contains("Run the migration again");
    assertThat(accountGroupCreates()).hasSize(1);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();

    GroupMigrationReport second = migration(GroupMigrationOptions.defaults()).apply(migration.plan());

    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(second.interrupted()).isFalse();
    assertThat(second.result("analysts").outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(accountGroupCreates()).hasSize(3);
    assertThat(accountGroupsNamed("analysts")).hasSize(1);
    assertThat(accountGroupsNamed("data-eng")).hasSize(1);
  }

  @Test
  void apply_cancelledWhileWaitingForTheRenameToShow_stopsTheWaitAtOnce_andTheDryRunLabelsTheGroupResume() {
    SyncCancellation cancellation = SyncCancellation.create();
    AtomicBoolean interruptedWhileWaiting = new AtomicBoolean();
    // The first wait is the poll for the first rename to show: cancel there, as a signal handler would.
    Sleeper cancelling = duration -> {
      cancellation.cancel();
      interruptedWhileWaiting.set(Thread.currentThread().isInterrupted());
      clock.advance(duration);
    };
    WorkspaceGroupMigration migration = migration(GroupMigrationOptions.defaults(), cancelling,
        GroupMigrationListener.none());

    GroupMigrationReport first = migration.apply(migration.plan(), cancellation);

    assertThat(interruptedWhileWaiting).as("the cancel interrupts a wait").isTrue();
    assertThat(Thread.currentThread().isInterrupted()).as("and the flag is cleared afterwards").isFalse();
    assertThat(first.interrupted()).isTrue();
    assertThat(first.result("analysts").outcome()).isEqualTo(Outcome.NOT_RUN);
    assertThat(first.result("analysts").completedSteps()).containsExactly(GroupMigrationStep.CREATE_ACCOUNT_GROUP);
    assertThat(first.result("analysts").failedStep()).contains(GroupMigrationStep.RENAME_LOCAL_GROUP);
    assertThat(writes()).filteredOn(call -> call.method().equals("PUT")).isEmpty();

    // The rename is not in the lists yet (the fake shows it after 20 s): the account group the stopped run created
    // is what marks the earlier work.
    PlannedGroupMigration analysts = migration.plan().groups().get(0);
    assertThat(analysts.status()).isEqualTo(Status.RESUME);
    assertThat(analysts.reason().get()).contains("exactly these members");
    assertThat(analysts.steps()).doesNotContain(GroupMigrationStep.CREATE_ACCOUNT_GROUP);

    GroupMigrationReport second = migration(GroupMigrationOptions.defaults()).apply(migration.plan());

    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(accountGroupCreates()).hasSize(3);
    assertThat(accountGroupsNamed("analysts")).hasSize(1);
    assertThatThrownBy(() -> localGroupId(WS, "db-temp-db-temp-analysts")).isInstanceOf(AssertionError.class);
  }

  @Test
  void plan_afterARunKilledAfterCreatingTheAccountGroup_labelsTheGroupResumeNotMigrate() {
    // Killed after creating the account group: the local group still has its name.
    server.failNext(Fault.status(500).on("PATCH", "/preview/scim/v2/Groups/").times(1));
    migration(GroupMigrationOptions.defaults()).apply(migration(GroupMigrationOptions.defaults()).plan());
    PlannedGroupMigration afterCreate = migration(GroupMigrationOptions.defaults()).plan().groups().get(0);
    assertThat(afterCreate.name()).isEqualTo("analysts");
    assertThat(afterCreate.status()).isEqualTo(Status.RESUME);
    assertThat(afterCreate.reason().get()).doesNotContain("uses the existing account group with the same members");
    assertThat(afterCreate.steps()).containsExactly(GroupMigrationStep.RENAME_LOCAL_GROUP,
        GroupMigrationStep.ASSIGN_ACCOUNT_GROUP, GroupMigrationStep.MIGRATE_PERMISSIONS);
  }

  @Test
  void plan_afterARunKilledAfterTheRename_labelsTheGroupResumeAndTheUntouchedOnesMigrate() {
    // Killed after the first group's rename and assignment: the renamed local group shows in the lists.
    SyncCancellation cancellation = SyncCancellation.create();
    WorkspaceGroupMigration stopping = migration(GroupMigrationOptions.defaults(), clock::advance,
        (result, progress) -> cancellation.cancel());
    stopping.apply(stopping.plan(), cancellation);
    clock.advance(Duration.ofMinutes(1));
    GroupMigrationPlan afterRename = migration(GroupMigrationOptions.defaults()).plan();
    assertThat(afterRename.groups()).extracting(PlannedGroupMigration::status)
        .containsExactly(Status.RESUME, Status.MIGRATE, Status.MIGRATE);
    assertThat(afterRename.groups().get(0).localName()).isEqualTo("db-temp-analysts");
  }

  @Test
  void apply_listener_hearsEveryGroupWithTheTimeLeftFromTheRenamePacing() {
    List<SyncProgress> heard = new ArrayList<>();
    GroupMigrationOptions options = GroupMigrationOptions.defaults();
    WorkspaceGroupMigration migration = migration(options, clock::advance, (result, progress) -> heard.add(progress));
    GroupMigrationPlan plan = migration.plan();

    assertThat(WorkspaceGroupMigration.renames(plan)).isEqualTo(3);
    assertThat(migration.estimatedDuration(plan)).isEqualTo(Duration.ofSeconds(12));
    migration.apply(plan);

    assertThat(heard).extracting(SyncProgress::done).containsExactly(1, 2, 3);
    assertThat(heard).extracting(SyncProgress::total).containsOnly(3);
    assertThat(heard).extracting(SyncProgress::failed).containsOnly(0);
    // Each group waited 20 s for its rename to show (the fake's delay), longer than the 6 s pacing.
    assertThat(heard.get(0).elapsed()).isEqualTo(Duration.ofSeconds(20));
    assertThat(heard.get(0).estimatedTimeLeft()).contains(Duration.ofSeconds(40));
    assertThat(heard.get(2).estimatedTimeLeft()).contains(Duration.ZERO);
  }
}
