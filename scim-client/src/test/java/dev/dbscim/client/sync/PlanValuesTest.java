package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values of the plan side: {@link CurrentState}, {@link PlannedOperation} and {@link SyncPlan}. */
class PlanValuesTest {
  static final User ADA = User.builder().id("1").userName("ada@x.com").build();
  static final User BOB = User.builder().id("2").userName("bob@x.com").build();

  static PermissionAssignment assignment(long principalId) {
    return PermissionAssignment.builder().principal(AssignedPrincipal.of(principalId))
        .addPermission(WorkspacePermission.USER).build();
  }

  @Test
  void currentState_usersSetter_addsToTheUsersAlreadyGiven() {
    CurrentState state = CurrentState.builder().users(List.of(ADA)).users(List.of(BOB)).build();

    assertThat(state.users()).containsExactly(ADA, BOB);
  }

  @Test
  void currentState_setters_refusePrincipalsWithoutIdWhenCalled() {
    CurrentState.Builder builder = CurrentState.builder();

    assertThatThrownBy(() -> builder.users(List.of(User.builder().userName("ada@x.com").build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("user ada@x.com has no id");
    assertThatThrownBy(() -> builder.servicePrincipals(List.of(ServicePrincipal.builder().displayName("etl")
        .applicationId("app").build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("service principal etl has no id");
    assertThatThrownBy(() -> builder.servicePrincipals(List.of(ServicePrincipal.builder().id("5").build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("service principal 5 has no applicationId");
    assertThatThrownBy(() -> builder.groups(List.of(Group.builder().displayName("eng").build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("group eng has no id");
    assertThat(builder.users(List.of(ADA)).build().users()).containsExactly(ADA);
  }

  @Test
  void currentState_workspaceAssignments_areCopiedUnmodifiableAndReplacedPerWorkspace() {
    List<PermissionAssignment> given = new ArrayList<>(List.of(assignment(1)));
    CurrentState state = CurrentState.builder()
        .workspaceAssignments(7L, List.of(assignment(9)))
        .workspaceAssignments(7L, given)
        .workspaceAssignments(8L, List.of())
        .build();
    given.add(assignment(2));

    assertThat(state.workspaceAssignments(7L)).contains(List.of(assignment(1)));
    assertThat(state.workspaceAssignments(6L)).isEmpty();
    assertThat(state.workspaceAssignments()).containsOnlyKeys(7L, 8L);
    assertThatThrownBy(() -> state.workspaceAssignments(7L).get().add(assignment(3)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(state.toString()).isEqualTo("CurrentState{users=0, servicePrincipals=0, groups=0, workspaces=[7, 8]}");
  }

  @Test
  void currentState_equalsByValue() {
    CurrentState one = CurrentState.builder().users(List.of(ADA)).workspaceAssignments(7L, List.of(assignment(1)))
        .build();
    CurrentState two = CurrentState.builder().users(List.of(ADA)).workspaceAssignments(7L, List.of(assignment(1)))
        .build();

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isNotEqualTo(CurrentState.empty());
    assertThat(CurrentState.empty().users()).isEmpty();
  }

  @Test
  void plannedOperation_resource_isACopyCallersCannotChange() {
    ObjectNode resource = JsonNodeFactory.instance.objectNode().put("userName", "ada@x.com");
    PlannedOperation create = create(resource);

    create.resource().get().put("userName", "mallory@x.com");

    assertThat(create.resource().get().get("userName").asText()).isEqualTo("ada@x.com");
    assertThat(create.resource().get()).isNotSameAs(create.resource().get());
  }

  @Test
  void plannedOperation_toString_namesIndexActionPrincipalWorkspaceAndChanges() {
    PlannedOperation assign = plan().operations().stream().filter(op -> op.action() == Action.ASSIGN).findFirst()
        .get();

    assertThat(assign.toString()).isEqualTo("#" + assign.index() + " ASSIGN GROUP g workspace 9 [USER]");
    assertThat(assign.workspaceId()).hasValue(9L);
    assertThat(assign.permission()).contains(WorkspacePermission.USER);
    assertThat(create(JsonNodeFactory.instance.objectNode()).workspaceId()).isEmpty();
    assertThat(create(JsonNodeFactory.instance.objectNode()).toString()).isEqualTo("#0 CREATE USER ada@x.com");
  }

  @Test
  void syncPlan_equalsAPlanReadBack_whateverSafetyRulesMadeIt() {
    SyncPlan plan = plan();
    SyncPlan read = SyncPlan.fromJson(plan.toJson());

    assertThat(read).isEqualTo(plan).hasSameHashCodeAs(plan);
    assertThat(read.allowRemovalsAboveThreshold()).isNotEqualTo(plan);
    assertThat(plan.toString()).isEqualTo("SyncPlan{target=" + plan.target() + ", operations="
        + plan.operations().size() + ", removals=0, warnings=" + plan.warnings().size() + "}");
  }

  @Test
  void syncPlan_allowRemovalsAboveThreshold_keepsTheEngineThatMadeIt() {
    try (ScimAccountClient account = account()) {
      SyncEngine engine = engine(account);
      SyncPlan plan = engine.plan(directory(), CurrentState.empty());

      assertThat(plan.madeBy(engine)).isTrue();
      assertThat(plan.allowRemovalsAboveThreshold().madeBy(engine)).isTrue();
      assertThat(SyncPlan.fromJson(plan.toJson()).madeBy(engine)).isFalse();
    }
  }

  @Test
  void reportValues_toString_keepTheirOneLineForms() {
    PlannedOperation create = create(JsonNodeFactory.instance.objectNode());
    OperationResult done = OperationResult.of(create, OperationResult.Outcome.SUCCEEDED, 1, null, null,
        Duration.ofMillis(5));
    OperationResult failed = OperationResult.of(create, OperationResult.Outcome.FAILED, 2, "boom", "ScimException",
        Duration.ofMillis(5));
    SyncReport report = SyncReport.of("account acc", List.of(done, failed), Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
        false);

    assertThat(done.toString()).isEqualTo("#0 CREATE USER ada@x.com -> SUCCEEDED");
    assertThat(failed.toString()).isEqualTo("#0 CREATE USER ada@x.com -> FAILED: boom");
    assertThat(done.detail()).isEmpty();
    assertThat(failed.errorType()).contains("ScimException");
    assertThat(report.toString())
        .isEqualTo("SyncReport{target=account acc, succeeded=1, failed=1, notRun=0, requests=3, interrupted=false}");
    assertThat(report.failures()).containsExactly(failed);
    assertThat(report.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(SyncProgress.of(4, 10, 1, Duration.ofSeconds(2)).toString()).isEqualTo("4/10 (1 failed, 2.0/s, ETA 3s)");
    assertThat(SyncProgress.of(0, 0, 0, Duration.ZERO).fraction()).isEqualTo(1.0);
  }

  static PlannedOperation create(ObjectNode resource) {
    return PlannedOperation.builder(Action.CREATE, PrincipalRef.toCreate(PrincipalKind.USER, "ada@x.com"), 0)
        .resourceNode(resource).build(0);
  }

  static ScimAccountClient account() {
    return ScimAccountClient.builder().endpoint(URI.create("https://accounts.example.invalid")).accountId("acc")
        .credentials(TokenCredentials.of("never-sent")).build();
  }

  static SyncEngine engine(ScimAccountClient account) {
    return SyncEngine.builder().target(SyncTarget.account(account))
        .options(SyncOptions.builder().addProtectedNames("admin@x.com").build())
        .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC)).build();
  }

  static Directory directory() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").build())
        .addGroups(DirectoryGroup.builder("g").memberUsers("a@x.com").build())
        .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofGroup(9L, "g", WorkspacePermission.USER))
        .build();
  }

  static SyncPlan plan() {
    try (ScimAccountClient account = account()) {
      return engine(account).plan(directory(), CurrentState.empty());
    }
  }
}
