package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Impact-aware plans end to end against the fake: an account with two workspaces, nested groups, a user who owns jobs,
 * a cluster and tokens in both, and a directory change that removes him, cuts one user's access, keeps another's
 * through a second group, and lowers a third from ADMIN to USER.
 */
@Timeout(60)
class ImpactEndToEndTest {
  static final String BOB = "bob@example.com";
  static final String CAROL = "carol@example.com";
  static final String DAVE = "dave@example.com";
  static final String ERIN = "erin@example.com";

  FakeScimServer fake;
  ScimAccountClient account;
  final List<ScimWorkspaceClient> workspaceClients = new ArrayList<>();
  long first;
  long second;

  @BeforeEach
  void start() {
    fake = FakeScimServer.builder().workspaces(2).build().start();
    account = FakeClients.account(fake);
    first = fake.workspaces().get(0).id();
    second = fake.workspaces().get(1).id();
  }

  @AfterEach
  void stop() {
    workspaceClients.forEach(ScimWorkspaceClient::close);
    account.close();
    fake.close();
  }

  ScimWorkspaceClient admin(long id) {
    ScimWorkspaceClient client = FakeClients.workspace(fake, id);
    workspaceClients.add(client);
    return client;
  }

  ScimWorkspaceClient plainUser(long id) {
    ScimWorkspaceClient client = FakeClients.workspaceUser(fake, id);
    workspaceClients.add(client);
    return client;
  }

  SyncEngine engine(ImpactOptions impact, boolean allowImpact) {
    return SyncEngine.builder().target(SyncTarget.account(account))
        .options(SyncOptions.builder().impact(impact).allowImpact(allowImpact).build()).concurrency(4).build();
  }

  /** eng (assigned USER to the first workspace) holds analysts (bob, carol, erin); ops (carol, dave) is USER on the
   *  first workspace and ADMIN on the second, where bob and dave are also assigned directly. */
  Directory before() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder(BOB).build(), DirectoryUser.builder(CAROL).build(),
            DirectoryUser.builder(DAVE).build(), DirectoryUser.builder(ERIN).build())
        .addGroups(DirectoryGroup.builder("analysts").memberUsers(BOB, CAROL, ERIN).build(),
            DirectoryGroup.builder("eng").memberGroups("analysts").build(),
            DirectoryGroup.builder("ops").memberUsers(CAROL, DAVE).build())
        .addWorkspaceAssignments(
            DirectoryWorkspaceAssignment.ofGroup(first, "eng", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofGroup(first, "ops", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofGroup(second, "ops", WorkspacePermission.ADMIN),
            DirectoryWorkspaceAssignment.ofUser(second, BOB, WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofUser(second, DAVE, WorkspacePermission.USER))
        .build();
  }

  /** Bob leaves; carol and erin leave analysts (carol keeps the first workspace through ops); dave leaves ops. */
  Directory after() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder(CAROL).build(), DirectoryUser.builder(DAVE).build(),
            DirectoryUser.builder(ERIN).build())
        .addGroups(DirectoryGroup.builder("analysts").build(),
            DirectoryGroup.builder("eng").memberGroups("analysts").build(),
            DirectoryGroup.builder("ops").memberUsers(CAROL).build())
        .addWorkspaceAssignments(
            DirectoryWorkspaceAssignment.ofGroup(first, "eng", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofGroup(first, "ops", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofGroup(second, "ops", WorkspacePermission.ADMIN),
            DirectoryWorkspaceAssignment.ofUser(second, DAVE, WorkspacePermission.USER))
        .build();
  }

  /** Provisions the first directory and seeds bob's objects: returns his cluster's id. */
  String provisionAndSeed() {
    SyncEngine setup = engine(ImpactOptions.disabled(), false);
    assertThat(setup.apply(setup.plan(before())).failures()).isEmpty();
    FakeWorkspace one = fake.workspaces().get(0);
    FakeWorkspace two = fake.workspaces().get(1);
    one.addJob(BOB, "nightly etl", true);
    one.addToken(BOB, "ci");
    String cluster = one.addCluster(BOB, "bob's cluster");
    two.addJob(BOB, "manual report", false);
    two.addToken(BOB, "notebook");
    one.addJob(CAROL, "carol's job", true);
    return cluster;
  }

  static Map<String, AccessChange> byName(WorkspaceAccessChanges changes) {
    return changes.changes().stream().collect(Collectors.toMap(c -> c.principal().name(), c -> c));
  }

  @Test
  void plan_showsAccessChangesPerWorkspace_withPaths_andWhatBobsRemovalBreaks() {
    provisionAndSeed();
    SyncPlan plan = engine(ImpactOptions.builder().putWorkspaceClients(first, admin(first))
        .putWorkspaceClients(second, admin(second)).build(), false).plan(after());

    PlanImpact impact = plan.impact();
    assertThat(impact.access()).extracting(w -> w.workspaceId().getAsLong()).containsExactly(first, second);
    Map<String, AccessChange> one = byName(impact.access().get(0));
    assertThat(one).containsOnlyKeys(BOB, DAVE, ERIN);   // carol keeps the first workspace through ops
    assertThat(one.get(BOB).removal()).isEqualTo("deactivated");
    assertThat(one.get(ERIN).direction()).isEqualTo(AccessChange.Direction.LOSE);
    assertThat(one.get(ERIN).pathsBefore()).containsExactly("group eng via group analysts");
    assertThat(one.get(DAVE).pathsBefore()).containsExactly("group ops");
    Map<String, AccessChange> two = byName(impact.access().get(1));
    assertThat(two).containsOnlyKeys(BOB, DAVE);
    assertThat(two.get(DAVE).direction()).isEqualTo(AccessChange.Direction.DEMOTE);
    assertThat(two.get(DAVE).pathsBefore()).containsExactly("group ops", "direct");
    assertThat(two.get(DAVE).lostPaths()).containsExactly("group ops");
    assertThat(two.get(DAVE).pathsAfter()).containsExactly("direct");
    assertThat(impact.losingAllAccess()).extracting(PrincipalRef::name).containsExactly(BOB, ERIN);

    assertThat(impact.removals()).singleElement().satisfies(bob -> {
      assertThat(bob.principal().name()).isEqualTo(BOB);
      assertThat(bob.cause()).isEqualTo(RemovalImpact.Cause.DEACTIVATE);
      assertThat(bob.unreadWorkspaces()).isEmpty();
      assertThat(bob.workspaces()).extracting(w -> w.workspaceId().getAsLong()).containsExactly(first, second);
      assertThat(bob.workspaces().get(0).objects()).extracting(WorkspaceObject::kind).containsExactly(
          WorkspaceObject.Kind.JOB, WorkspaceObject.Kind.CLUSTER, WorkspaceObject.Kind.TOKEN);
    });
    assertThat(plan.summary())
        .contains("bob@example.com owns 1 scheduled job, 1 running cluster, 1 active token in workspace " + first
            + "; 1 job, 1 active token in workspace " + second)
        .doesNotContain("carol's job");
    assertThat(plan.table()).contains("lost via group eng via group analysts")
        .contains("lost via group ops; keeps USER via direct").contains("deactivated; had ");
    assertThat(plan.toJson()).contains("\"losingAllAccess\"");
  }

  @Test
  void apply_refusesTheBreakingPlan_sendingNothing_thenAppliesWhenAllowed() {
    String cluster = provisionAndSeed();
    ImpactOptions impact = ImpactOptions.builder().putWorkspaceClients(first, admin(first))
        .putWorkspaceClients(second, admin(second)).build();
    SyncEngine engine = engine(impact, false);
    SyncPlan plan = engine.plan(after());
    fake.clearRecordedRequests();

    assertThatThrownBy(() -> engine.apply(plan)).isInstanceOf(ImpactNotAllowedException.class)
        .hasMessageContaining("bob@example.com owns 1 scheduled job");
    assertThat(fake.recordedRequests()).isEmpty();
    assertThat(fake.state().userByName(BOB).get().active()).contains(true);

    assertThat(engine.apply(plan.allowImpact()).failures()).isEmpty();
    assertThat(fake.state().userByName(BOB).get().active()).contains(false);
    assertThat(fake.workspaces().get(0).clusterState(cluster)).isEqualTo("TERMINATED");
  }

  @Test
  void aRunThatAllowsImpact_applies_andASavedPlanIsGatedAfresh() {
    provisionAndSeed();
    ImpactOptions impact = ImpactOptions.builder().putWorkspaceClients(first, admin(first))
        .putWorkspaceClients(second, admin(second)).build();
    String saved = engine(impact, false).plan(after()).toJson();

    assertThatThrownBy(() -> engine(impact, false).apply(SyncPlan.fromJson(saved)))
        .isInstanceOf(ImpactNotAllowedException.class);
    assertThat(engine(impact, true).apply(SyncPlan.fromJson(saved)).failures()).isEmpty();
  }

  @Test
  void unreadableAndUnconfiguredWorkspaces_areWarnings_neverOwnsNothing() {
    provisionAndSeed();
    // The first workspace is read with a plain user's token (tokens and some lists refused); the second has none.
    SyncPlan plan = engine(ImpactOptions.builder().putWorkspaceClients(first, plainUser(first)).build(), false)
        .plan(after());

    PlanImpact impact = plan.impact();
    assertThat(impact.warnings()).anySatisfy(w -> assertThat(w).contains("workspace " + first).contains("403"));
    assertThat(impact.warnings()).anySatisfy(w -> assertThat(w).contains("workspace " + second)
        .contains("no credentials"));
    RemovalImpact bob = impact.removals().get(0);
    assertThat(bob.unreadWorkspaces()).anySatisfy(w -> assertThat(w).contains("workspace " + first));
    assertThat(bob.unreadWorkspaces()).anySatisfy(w -> assertThat(w).contains("workspace " + second));
    assertThat(plan.summary()).doesNotContain("owns nothing in the workspaces read");
  }

  @Test
  void aGroupRemovalThatKeepsAccessElsewhere_changesNothing_andNoRemovalReadsNothing() {
    provisionAndSeed();
    Directory carolLeavesAnalysts = Directory.builder().from(before())
        .groups(List.of(DirectoryGroup.builder("analysts").memberUsers(BOB, ERIN).build(),
            DirectoryGroup.builder("eng").memberGroups("analysts").build(),
            DirectoryGroup.builder("ops").memberUsers(CAROL, DAVE).build()))
        .build();
    fake.clearRecordedRequests();
    SyncPlan plan = engine(ImpactOptions.builder().putWorkspaceClients(first, admin(first)).build(), false)
        .plan(carolLeavesAnalysts);

    assertThat(plan.operations()).hasSize(1);
    assertThat(plan.impact().access()).allSatisfy(w -> assertThat(w.changes()).isEmpty());
    assertThat(plan.impact().removals()).isEmpty();
    assertThat(fake.recordedRequests()).noneMatch(call -> call.workspaceId().isPresent());
  }

  @Test
  void aDeletedGroupsMembers_areReadOnce_soWhatTheyLoseIsCounted() {
    SyncEngine setup = engine(ImpactOptions.disabled(), false);
    assertThat(setup.apply(setup.plan(before())).failures()).isEmpty();
    Directory withoutOps = Directory.builder().from(before())
        .groups(List.of(DirectoryGroup.builder("analysts").memberUsers(BOB, CAROL, ERIN).build(),
            DirectoryGroup.builder("eng").memberGroups("analysts").build()))
        .workspaceAssignments(List.of(
            DirectoryWorkspaceAssignment.ofGroup(first, "eng", WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofUser(second, BOB, WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofUser(second, DAVE, WorkspacePermission.USER)))
        .build();
    String opsId = fake.state().groupByName("ops").get().id().get();
    fake.clearRecordedRequests();

    SyncPlan plan = SyncEngine.builder().target(SyncTarget.account(account))
        .options(SyncOptions.builder().removalPolicy(RemovalPolicy.DELETE)
            .impact(ImpactOptions.builder().putWorkspaceClients(first, admin(first)).build()).build())
        .build().plan(withoutOps);

    assertThat(plan.operations()).extracting(o -> o.action() + " " + o.principal().name()).contains("DELETE ops");
    assertThat(byName(plan.impact().access().get(0))).containsOnlyKeys(DAVE);   // carol keeps it through eng
    assertThat(byName(plan.impact().access().get(0)).get(DAVE).lostPaths()).containsExactly("group ops");
    assertThat(byName(plan.impact().access().get(1)).get(DAVE).direction())
        .isEqualTo(AccessChange.Direction.DEMOTE);
    assertThat(plan.impact().access()).allSatisfy(w -> assertThat(w.unreadGroups()).doesNotContain("ops"));
    assertThat(fake.recordedRequests()).filteredOn(call -> call.method().equals("GET")
        && call.path().endsWith("/Groups/" + opsId)).hasSize(1);
  }

  @Test
  void workspaceTarget_readsItsOwnWorkspace_andAccessComesFromEntitlements() {
    try (FakeScimServer local = FakeScimServer.builder().workspaces(0).nonFederatedWorkspaces(1).build().start()) {
      FakeWorkspace workspace = local.workspaces().get(0);
      ScimWorkspaceClient client = FakeClients.workspace(local, workspace.id());
      workspaceClients.add(client);
      SyncEngine engine = SyncEngine.builder().target(SyncTarget.workspace(client)).build();
      Directory both = Directory.builder()
          .addUsers(DirectoryUser.builder(BOB).build(), DirectoryUser.builder(CAROL).build()).build();
      assertThat(engine.apply(engine.plan(both)).failures()).isEmpty();
      workspace.addJob(BOB, "nightly etl", true);
      workspace.addToken(BOB, "ci");

      SyncPlan plan = engine.plan(Directory.builder().addUsers(DirectoryUser.builder(CAROL).build()).build());

      WorkspaceAccessChanges access = plan.impact().access().get(0);
      assertThat(access.workspaceId()).isEmpty();
      assertThat(access.changes()).singleElement().satisfies(change -> {
        assertThat(change.principal().name()).isEqualTo(BOB);
        assertThat(change.removal()).isEqualTo("deactivated");
        assertThat(change.pathsBefore()).anySatisfy(path -> assertThat(path).contains("group users"));
      });
      assertThat(plan.impact().removals()).singleElement().satisfies(bob ->
          assertThat(bob.summary(plan.impact().asOf()))
              .isEqualTo("bob@example.com owns 1 scheduled job, 1 active token in the workspace"));
      assertThatThrownBy(() -> engine.apply(plan)).isInstanceOf(ImpactNotAllowedException.class);
    }
  }

  @Test
  void impactOff_computesNothing_andSaysSo() {
    provisionAndSeed();
    SyncPlan plan = engine(ImpactOptions.disabled(), false).plan(after());

    assertThat(plan.impact().access()).isEmpty();
    assertThat(plan.impact().objectsRead()).isFalse();
    assertThat(plan.summary()).contains("Impact warning:").contains("off");
    assertThat(engine(ImpactOptions.disabled(), false).apply(plan).failures()).isEmpty();
  }
}
