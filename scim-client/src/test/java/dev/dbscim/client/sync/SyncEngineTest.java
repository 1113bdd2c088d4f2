package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.DeletionThreshold;
import dev.dbscim.client.sync.DeletionThresholdExceededException;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryServicePrincipal;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.Ownership;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.RemovalPolicy;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SyncEngineTest {
  static final String SP_APP = "6f1b2c3d-0000-4000-8000-000000000001";

  FakeScimServer server;
  ScimAccountClient client;
  long workspaceId;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().workspaces(1).nonFederatedWorkspaces(1).build().start();
    client = FakeClients.account(server);
    workspaceId = server.workspaces().get(0).id();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  SyncEngine engine(SyncOptions options) {
    return SyncEngine.builder().target(SyncTarget.account(client)).options(options).concurrency(4).build();
  }

  Directory directory() {
    return Directory.builder()
        .addUsers(
            DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").givenName("Ada")
                .familyName("Lovelace").externalId("idp-1").build(),
            DirectoryUser.builder("alan@example.com").displayName("Alan Turing").externalId("idp-2").build(),
            DirectoryUser.builder("grace@example.com").displayName("Grace Hopper").build())
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_APP).displayName("etl").externalId("idp-sp-1")
            .build())
        .addGroups(
            DirectoryGroup.builder("data-eng").externalId("idp-g-1").memberUsers("ada@example.com")
                .memberServicePrincipals(SP_APP).memberGroups("analysts").build(),
            DirectoryGroup.builder("analysts").externalId("idp-g-2")
                .memberUsers("alan@example.com", "grace@example.com").build(),
            DirectoryGroup.builder("everyone").memberGroups("data-eng").build())
        .addWorkspaceAssignments(
            DirectoryWorkspaceAssignment.ofGroup(workspaceId, "data-eng", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofUser(workspaceId, "ada@example.com", WorkspacePermission.ADMIN))
        .build();
  }

  static List<RecordedCall> writes(FakeScimServer server) {
    return server.recordedRequests().stream().filter(call -> !call.method().equals("GET"))
        .collect(Collectors.toList());
  }

  Set<String> memberNames(String groupName) {
    Group group = server.state().groupByName(groupName).orElseThrow(AssertionError::new);
    Set<String> names = new TreeSet<>();
    for (String id : server.state().members(group.id().get())) {
      server.state().user(id).ifPresent(u -> names.add(u.userName()));
      server.state().servicePrincipal(id).ifPresent(sp -> names.add(sp.applicationId().get()));
      server.state().group(id).ifPresent(g -> names.add(g.displayName()));
    }
    return names;
  }

  @Test
  void initialSync_createsEverything_andASecondSyncPlansNothingAndOnlyReads() {
    SyncEngine engine = engine(SyncOptions.defaults());
    SyncPlan plan = engine.plan(directory());

    assertThat(plan.count(Action.CREATE, PrincipalKind.USER)).isEqualTo(3);
    assertThat(plan.count(Action.CREATE, PrincipalKind.SERVICE_PRINCIPAL)).isEqualTo(1);
    assertThat(plan.count(Action.CREATE, PrincipalKind.GROUP)).isEqualTo(3);
    assertThat(plan.count(Action.ASSIGN, PrincipalKind.GROUP)).isEqualTo(1);
    assertThat(plan.count(Action.ASSIGN, PrincipalKind.USER)).isEqualTo(1);
    server.clearRecordedRequests();

    SyncReport report = engine.apply(plan);

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    // One POST per principal (groups carry their members), one PUT per assignment, nothing else.
    assertThat(writes(server)).hasSize(9);
    assertThat(report.requests()).isEqualTo(9);
    assertThat(memberNames("data-eng")).containsExactlyInAnyOrder("ada@example.com", "analysts", SP_APP);
    assertThat(memberNames("analysts")).containsExactly("alan@example.com", "grace@example.com");
    assertThat(memberNames("everyone")).containsExactly("data-eng");
    User ada = server.state().userByName("ada@example.com").get();
    assertThat(ada.externalId()).contains("idp-1");
    assertThat(ada.name().get().givenName()).contains("Ada");
    assertThat(server.state().userByName("grace@example.com").get().externalId())
        .contains(SyncOptions.EXTERNAL_ID_STAMP_PREFIX + "grace@example.com");
    List<PermissionAssignment> assignments = client.workspaceAssignments().list(workspaceId);
    assertThat(assignments).anySatisfy(a -> {
      assertThat(a.principal().get().principalId().getAsLong()).isEqualTo(Long.parseLong(ada.id().get()));
      assertThat(a.hasPermission(WorkspacePermission.ADMIN)).isTrue();
    });

    server.clearRecordedRequests();
    SyncPlan again = engine.plan(directory());
    assertThat(again.isEmpty()).as(again.table()).isTrue();
    assertThat(engine.apply(again).requests()).isZero();
    assertThat(writes(server)).isEmpty();
  }

  @Test
  void incrementalSync_sendsOneWritePerChangedPrincipalAndOneMembershipPatchPerChangedGroup() {
    SyncEngine engine = engine(SyncOptions.defaults());
    assertThat(engine.apply(engine.plan(directory())).isSuccess()).isTrue();

    Directory changed = Directory.builder()
        .addUsers(
            DirectoryUser.builder("ada@example.com").displayName("Ada King").givenName("Ada").familyName("King")
                .externalId("idp-1").build(),                                                // attributes
            DirectoryUser.builder("alan@example.com").displayName("Alan Turing").externalId("idp-2")
                .active(false).build(),                                                      // deactivated by IdP
            DirectoryUser.builder("edsger@example.com").displayName("Edsger Dijkstra").externalId("idp-3")
                .build())                                                                    // new; grace removed
        .addServicePrincipals(DirectoryServicePrincipal.builder(SP_APP).displayName("etl-prod")
            .externalId("idp-sp-1").build())
        .addGroups(
            DirectoryGroup.builder("data-engineering").externalId("idp-g-1")                 // renamed
                .memberUsers("ada@example.com", "edsger@example.com").memberGroups("analysts").build(),
            DirectoryGroup.builder("analysts").externalId("idp-g-2").memberUsers("alan@example.com").build(),
            DirectoryGroup.builder("everyone").memberGroups("data-engineering").build())     // unchanged
        .addWorkspaceAssignments(
            DirectoryWorkspaceAssignment.ofGroup(workspaceId, "data-engineering", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofUser(workspaceId, "ada@example.com", WorkspacePermission.USER))
        .build();
    SyncPlan plan = engine.plan(changed);
    server.clearRecordedRequests();
    SyncReport report = engine.apply(plan);

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    List<String> writes = writes(server).stream().map(c -> c.method() + " " + c.path()).collect(Collectors.toList());
    // ada PATCH, alan PATCH, edsger POST, sp PATCH, grace deactivation PATCH, data-eng PATCH (rename + members),
    // analysts PATCH (members), ada assignment PUT.
    assertThat(writes).hasSize(8);
    assertThat(writes.stream().filter(w -> w.startsWith("POST"))).hasSize(1);
    assertThat(writes.stream().filter(w -> w.startsWith("PUT"))).hasSize(1);
    assertThat(server.state().userByName("ada@example.com").get().displayName()).contains("Ada King");
    assertThat(server.state().userByName("alan@example.com").get().active()).contains(false);
    assertThat(server.state().userByName("grace@example.com").get().active()).contains(false);
    assertThat(server.state().servicePrincipalByApplicationId(SP_APP).get().displayName()).contains("etl-prod");
    assertThat(server.state().groupByName("data-eng")).isEmpty();
    assertThat(memberNames("data-engineering")).containsExactly("ada@example.com", "analysts", "edsger@example.com");
    assertThat(memberNames("analysts")).containsExactly("alan@example.com");
    assertThat(memberNames("everyone")).containsExactly("data-engineering");

    assertThat(engine.plan(changed).isEmpty()).isTrue();
  }

  @Test
  void deletionThreshold_refusesBeforeSendingAnything_untilAllowedExplicitly() {
    int fixtureUsers = server.state().userCount();
    SyncEngine engine = engine(SyncOptions.builder().removalPolicy(RemovalPolicy.DELETE)
        .deletionThreshold(DeletionThreshold.of(2, 100)).build());
    assertThat(engine.apply(engine.plan(directory())).isSuccess()).isTrue();

    Directory smaller = Directory.builder()
        .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").givenName("Ada")
            .familyName("Lovelace").externalId("idp-1").build())
        .build();
    SyncPlan plan = engine.plan(smaller);
    assertThat(plan.removalCount()).isEqualTo(6); // alan, grace, the SP and three groups
    assertThat(plan.exceedsDeletionThreshold()).isTrue();
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("tokens, jobs, clusters"));
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine.apply(plan)).isInstanceOf(DeletionThresholdExceededException.class)
        .hasMessageContaining("6 of");
    assertThat(writes(server)).isEmpty();

    SyncReport report = engine.apply(plan.allowRemovalsAboveThreshold());
    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(server.state().userCount()).isEqualTo(fixtureUsers + 1);
    assertThat(server.state().groupByName("analysts")).isEmpty();
  }

  @Test
  void scoping_leavesHandMadeAndBuiltInPrincipalsAlone_unlessOwnershipIsAll() {
    User handMade = server.state().seed(User.builder().userName("admin@example.com").build());
    Group handGroup = server.state().seed(Group.builder().displayName("finance").build());
    SyncEngine engine = engine(SyncOptions.defaults());
    assertThat(engine.apply(engine.plan(directory())).isSuccess()).isTrue();
    String dataEng = server.state().groupByName("data-eng").get().id().get();
    server.state().addMember(dataEng, handMade.id().get());

    SyncPlan plan = engine.plan(directory());
    assertThat(plan.isEmpty()).as(plan.table()).isTrue();   // hand-made member of a managed group stays

    SyncPlan all = engine(SyncOptions.builder().ownership(Ownership.ALL).removalPolicy(RemovalPolicy.DELETE)
        .addProtectedNames("ADMIN@example.com", "admin-" + workspaceId + "@example.com",
            "user-" + workspaceId + "@example.com").build()).plan(directory());
    assertThat(all.operations()).extracting(o -> o.action() + " " + o.principal().name())
        .containsExactly("DELETE finance");
    assertThat(all.operations()).noneMatch(o -> o.principal().name().equals("users")
        || o.principal().name().equals("admins") || o.principal().name().equals("account users"));
    assertThat(handGroup.id()).isPresent();
  }

  @Test
  void partialFailure_reportsEachFailure_andAReRunConverges() {
    int fixtureUsers = server.state().userCount();
    SyncEngine engine = engine(SyncOptions.defaults());
    server.failNext(Fault.status(400).on("POST", ".*/Users$").times(2));
    SyncReport first = engine.apply(engine.plan(directory()));

    assertThat(first.isSuccess()).isFalse();
    // The two refused creates fail; a step that needs one of those users (an assignment of ada) fails for want of
    // an id; every other step succeeds (groups are created without the missing members).
    assertThat(first.failures()).filteredOn(f -> f.operation().action() == Action.CREATE).hasSize(2)
        .allSatisfy(f -> assertThat(f.errorType()).contains("ScimBadRequestException"));
    assertThat(first.failures()).filteredOn(f -> f.operation().action() != Action.CREATE)
        .allSatisfy(f -> assertThat(f.detail().get()).contains("has no id"));
    assertThat(first.count(OperationResult.Outcome.SUCCEEDED)).isEqualTo(first.results().size()
        - first.failures().size());

    SyncReport second = engine.apply(engine.plan(directory()));
    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(engine.plan(directory()).isEmpty()).isTrue();
    assertThat(server.state().userCount()).isEqualTo(fixtureUsers + 3);
    assertThat(memberNames("analysts")).containsExactly("alan@example.com", "grace@example.com");
  }

  @Test
  void planJson_roundTrips_andTheReadPlanApplies() {
    SyncEngine engine = engine(SyncOptions.defaults());
    SyncPlan plan = engine.plan(directory());
    SyncPlan read = SyncPlan.fromJson(plan.toJson());

    assertThat(read).isEqualTo(plan);
    assertThat(plan.summary()).contains("create: 3 users, 1 service principal, 3 groups");
    assertThat(plan.table()).contains("data-eng").contains("ada@example.com");
    assertThat(engine.apply(read).isSuccess()).isTrue();
    assertThat(engine.plan(directory()).isEmpty()).isTrue();
  }

  @Test
  void apply_refusesAPlanMadeForAnotherTarget() {
    SyncPlan plan = engine(SyncOptions.defaults()).plan(directory());
    try (ScimWorkspaceClient workspace = FakeClients.workspace(server, server.workspaces().get(1).id())) {
      SyncEngine other = SyncEngine.builder().target(SyncTarget.workspace(workspace)).build();
      assertThatThrownBy(() -> other.apply(plan)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was made for account");
    }
  }

  @Test
  void workspaceTarget_managesLocalPrincipalsAndEntitlements_andConverges() {
    long local = server.workspaces().get(1).id();
    try (ScimWorkspaceClient workspace = FakeClients.workspace(server, local)) {
      SyncEngine engine = SyncEngine.builder().target(SyncTarget.workspace(workspace)).build();
      Directory directory = Directory.builder()
          .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada").externalId("idp-1")
              .entitlements(List.of("databricks-sql-access")).build())
          .addGroups(DirectoryGroup.builder("data-eng").memberUsers("ada@example.com")
              .entitlements(List.of("allow-cluster-create")).build())
          .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofGroup(1L, "data-eng", WorkspacePermission.USER))
          .build();
      SyncPlan plan = engine.plan(directory);
      assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("workspace assignment(s)"));
      assertThat(engine.apply(plan).isSuccess()).isTrue();

      User ada = workspace.users().list(r -> r.filter("userName eq \"ada@example.com\"")).iterator().next();
      assertThat(ada.entitlements()).extracting(e -> e.value().get()).containsExactly("databricks-sql-access");
      assertThat(engine.plan(directory).isEmpty()).isTrue();

      // The IdP wins: a manual change is set back on the next sync.
      workspace.users().patch(ada.id().get(),
          dev.dbscim.core.patch.UserPatch.builder().removeEntitlement("databricks-sql-access")
              .displayName("Manual").build());
      SyncPlan repair = engine.plan(directory);
      assertThat(repair.operations()).hasSize(1);
      assertThat(repair.operations().get(0).changes()).contains("+entitlement databricks-sql-access");
      assertThat(engine.apply(repair).isSuccess()).isTrue();
      assertThat(engine.plan(directory).isEmpty()).isTrue();
    }
  }

  @Test
  void accountTarget_warnsThatEntitlementsArePerWorkspace() {
    Directory directory = Directory.builder()
        .addGroups(DirectoryGroup.builder("data-eng").entitlements(List.of("databricks-sql-access")).build())
        .build();
    SyncEngine engine = engine(SyncOptions.defaults());
    SyncPlan plan = engine.plan(directory);
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("per workspace"));
    assertThat(engine.apply(plan).isSuccess()).isTrue();
    Group group = server.state().groupByName("data-eng").get();
    assertThat(group.entitlements()).isEmpty();
    List<ComplexValue> none = new ArrayList<>();
    assertThat(group.members()).isEqualTo(none);
  }

  @Test
  void servicePrincipalCreation_keepsTheApplicationId() {
    SyncEngine engine = engine(SyncOptions.defaults());
    engine.apply(engine.plan(directory()));
    ServicePrincipal sp = server.state().servicePrincipalByApplicationId(SP_APP).get();
    assertThat(sp.displayName()).contains("etl");
    assertThat(sp.externalId()).contains("idp-sp-1");
  }

  @Test
  void accountMembershipReads_useTheGroupListWhenItCarriesMembers_elseOneGetPerNamedGroup() {
    SyncEngine engine = engine(SyncOptions.defaults());
    assertThat(engine.apply(engine.plan(directory())).isSuccess()).isTrue();
    server.clearRecordedRequests();
    assertThat(engine.plan(directory()).isEmpty()).isTrue();
    long groupGets = server.recordedRequests().stream()
        .filter(c -> c.method().equals("GET") && c.path().matches(".*/Groups/[^/]+$")).count();
    assertThat(groupGets).isEqualTo(3);   // the account list left members out: one GET per named group

    try (FakeScimServer legacy = FakeScimServer.builder().accountGroupListIncludesMembers(true).build().start();
        ScimAccountClient legacyClient = FakeClients.account(legacy)) {
      SyncEngine legacyEngine = SyncEngine.builder().target(SyncTarget.account(legacyClient)).build();
      Directory noAssignments = directory().toBuilder().workspaceAssignments(List.of()).build();
      assertThat(legacyEngine.apply(legacyEngine.plan(noAssignments)).isSuccess()).isTrue();
      legacy.clearRecordedRequests();
      assertThat(legacyEngine.plan(noAssignments).isEmpty()).isTrue();
      assertThat(legacy.recordedRequests()).noneMatch(c -> c.path().matches(".*/Groups/[^/]+$"));
    }
  }
}
