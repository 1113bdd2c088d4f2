package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.UserPatch;
import dev.dbscim.testkit.FakeScimServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Access before and after hand-made plans, on hand-made states; no request is sent except by the state read test. */
class AccessDiffTest {
  static final long WS = 1001;
  static final long WS2 = 1002;

  static User user(String id, String name) {
    return User.builder().id(id).userName(name).active(true).build();
  }

  static User user(String id, String name, String... entitlements) {
    User.Builder user = User.builder().id(id).userName(name).active(true);
    for (String entitlement : entitlements) {
      user.addEntitlements(ComplexValue.of(entitlement));
    }
    return user.build();
  }

  static Group group(String id, String name, String... memberIds) {
    Group.Builder group = Group.builder().id(id).displayName(name);
    for (String member : memberIds) {
      group.addMembers(ComplexValue.of(member));
    }
    return group.build();
  }

  static Group entitled(Group group, String... entitlements) {
    Group.Builder builder = Group.builder().from(group);
    for (String entitlement : entitlements) {
      builder.addEntitlements(ComplexValue.of(entitlement));
    }
    return builder.build();
  }

  static PermissionAssignment assigned(String id, WorkspacePermission permission) {
    return PermissionAssignment.builder().principal(AssignedPrincipal.of(Long.parseLong(id)))
        .addPermission(permission).build();
  }

  static PrincipalRef u(String name, String id) {
    return PrincipalRef.of(PrincipalKind.USER, name, id);
  }

  static PrincipalRef g(String name, String id) {
    return PrincipalRef.of(PrincipalKind.GROUP, name, id);
  }

  static PlannedOperation.Builder step(Action action, PrincipalRef principal) {
    return PlannedOperation.builder(action, principal, 0);
  }

  static List<PlannedOperation> steps(PlannedOperation.Builder... steps) {
    List<PlannedOperation> built = new ArrayList<>();
    for (PlannedOperation.Builder step : steps) {
      built.add(step.build(built.size()));
    }
    return built;
  }

  static AccessDiff.Result account(CurrentState state, PlannedOperation.Builder... steps) {
    return AccessDiff.compute(SyncTarget.Kind.ACCOUNT, state, steps(steps));
  }

  static AccessDiff.Result workspace(CurrentState state, PlannedOperation.Builder... steps) {
    return AccessDiff.compute(SyncTarget.Kind.WORKSPACE, state, steps(steps));
  }

  static List<String> changes(AccessDiff.Result result, int entry) {
    return result.access.get(entry).changes().stream().map(AccessChange::toString).collect(Collectors.toList());
  }

  static List<String> losingAll(AccessDiff.Result result) {
    return result.losingAllAccess.stream().map(PrincipalRef::name).collect(Collectors.toList());
  }

  @Test
  void compute_directAssignmentRemoved_userLosesAccessThroughDirect() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com"), user("2", "ann@x.com")))
        .workspaceAssignments(WS, List.of(assigned("1", WorkspacePermission.USER),
            assigned("2", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state, step(Action.UNASSIGN, u("bob@x.com", "1")).workspaceId(WS));

    assertThat(result.access).hasSize(1);
    assertThat(result.access.get(0).workspaceId()).hasValue(WS);
    AccessChange change = result.access.get(0).changes().get(0);
    assertThat(change.principal()).isEqualTo(u("bob@x.com", "1"));
    assertThat(change.direction()).isEqualTo(AccessChange.Direction.LOSE);
    assertThat(change.pathsBefore()).containsExactly("direct");
    assertThat(change.pathsAfter()).isEmpty();
    assertThat(result.access.get(0).changes()).hasSize(1);
    assertThat(losingAll(result)).containsExactly("bob@x.com");
  }

  @Test
  void compute_nestedThreeDeep_namesTheChainFromTheAssignedGroup() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com")))
        .groups(List.of(group("10", "top", "11"), group("11", "mid", "12"), group("12", "leaf", "1")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state, step(Action.UPDATE, g("mid", "11"))
        .removeMembers(List.of(g("leaf", "12"))));

    assertThat(changes(result, 0))
        .containsExactly("user bob@x.com USER -> NONE (lost via group top via group mid via group leaf)");
  }

  @Test
  void compute_groupCycle_terminatesAndFindsThePath() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com")))
        .groups(List.of(group("10", "a", "11"), group("11", "b", "10", "1")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.ADMIN)))
        .build();

    AccessDiff.Result result = account(state, step(Action.UNASSIGN, g("a", "10")).workspaceId(WS));

    assertThat(changes(result, 0)).containsExactly("user bob@x.com ADMIN -> NONE (lost via group a via group b)");
  }

  /** Returns bob in data-eng, ann in data-eng and analysts, both groups assigned USER. */
  static CurrentState twoAssignedGroups() {
    return CurrentState.builder()
        .users(List.of(user("1", "bob@x.com"), user("2", "ann@x.com")))
        .groups(List.of(group("10", "data-eng", "1", "2"), group("11", "analysts", "2")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.USER),
            assigned("11", WorkspacePermission.USER)))
        .build();
  }

  @Test
  void compute_memberRemovedFromGroup_losesAccessOnlyWithoutAnotherGroup() {
    CurrentState state = twoAssignedGroups();

    AccessDiff.Result result = account(state, step(Action.UPDATE, g("data-eng", "10"))
        .removeMembers(List.of(u("bob@x.com", "1"), u("ann@x.com", "2"))));

    assertThat(changes(result, 0)).containsExactly("user bob@x.com USER -> NONE (lost via group data-eng)");
  }

  @Test
  void compute_memberRemovedByThePlanner_cutsAccessOfTheDroppedMemberOnly() {
    CurrentState state = twoAssignedGroups();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("bob@x.com").build(), DirectoryUser.builder("ann@x.com").build())
        .addGroups(DirectoryGroup.builder("data-eng").build(), DirectoryGroup.builder("analysts").memberUsers(
            "ann@x.com").build())
        .build();
    SyncPlan plan;
    try (ScimAccountClient client = ScimAccountClient.builder().endpoint(URI.create("https://accounts.example.invalid"))
        .accountId("acc").credentials(TokenCredentials.of("never-sent")).build()) {
      plan = SyncEngine.builder().target(SyncTarget.account(client)).build().plan(directory, state);
    }

    AccessDiff.Result result = AccessDiff.compute(SyncTarget.Kind.ACCOUNT, state, plan.operations());

    assertThat(changes(result, 0)).containsExactly("user bob@x.com USER -> NONE (lost via group data-eng)");
    assertThat(result.access.get(0).changes().get(0).principal().id()).hasValue("1");
  }

  @Test
  void compute_groupDeleted_itsAssignmentAndMembershipsVanish() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "bob@x.com"), user("2", "ann@x.com")))
        .groups(List.of(group("10", "old", "11"), group("11", "inner", "1"), group("12", "team", "2", "10")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.USER),
            assigned("12", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state, step(Action.DELETE, g("old", "10")));

    assertThat(changes(result, 0)).containsExactly(
        "user bob@x.com USER -> NONE (lost via group old via group inner, group team via group old via group inner)");
  }

  @Test
  void compute_adminGroupLeft_demotesNamingTheLostAdminPath() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com")))
        .groups(List.of(group("10", "platform-admins", "1"), group("11", "data-eng", "1")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.ADMIN),
            assigned("11", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state, step(Action.UPDATE, g("platform-admins", "10"))
        .removeMembers(List.of(u("bob@x.com", "1"))));

    AccessChange change = result.access.get(0).changes().get(0);
    assertThat(change.direction()).isEqualTo(AccessChange.Direction.DEMOTE);
    assertThat(change.pathsBefore()).containsExactly("group platform-admins", "group data-eng");
    assertThat(change.pathsAfter()).containsExactly("group data-eng");
    assertThat(result.losingAllAccess).isEmpty();
  }

  @Test
  void compute_newGroupAssigned_itsExistingAndCreatedMembersGain() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com")))
        .workspaceAssignments(WS, List.of())
        .workspaceAssignments(WS2, List.of())
        .build();
    PrincipalRef created = PrincipalRef.toCreate(PrincipalKind.USER, "New@x.com");
    PrincipalRef newGroup = PrincipalRef.toCreate(PrincipalKind.GROUP, "new-team");

    AccessDiff.Result result = account(state,
        step(Action.CREATE, created).resourceNode((ObjectNode) ScimJson.toTree(
            User.builder().userName("New@x.com").active(true).build())),
        step(Action.CREATE, newGroup).addMembers(List.of(u("bob@x.com", "1"), PrincipalRef.toCreate(PrincipalKind.USER,
            "new@x.com"))),
        step(Action.ASSIGN, newGroup).workspaceId(WS2).permission(WorkspacePermission.ADMIN));

    assertThat(result.access).extracting(WorkspaceAccessChanges::workspaceId)
        .containsExactly(OptionalLong.of(WS), OptionalLong.of(WS2));
    assertThat(result.access.get(0).changes()).isEmpty();
    assertThat(changes(result, 1)).containsExactly("user bob@x.com NONE -> ADMIN (via group new-team)",
        "user New@x.com NONE -> ADMIN (via group new-team)");
    assertThat(result.access.get(1).changes().get(1).principal().id()).isEmpty();
  }

  @Test
  void compute_deactivationDeletionAndReactivation_sayWhyAndGain() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "bob@x.com"), user("2", "ann@x.com"),
            User.builder().id("3").userName("cy@x.com").active(false).build(), user("4", "dee@x.com")))
        .groups(List.of(group("10", "team", "1", "2", "3", "4")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state,
        step(Action.DEACTIVATE, u("bob@x.com", "1")).patch(UserPatch.builder().active(false).build()),
        step(Action.DELETE, u("ann@x.com", "2")),
        step(Action.UPDATE, u("cy@x.com", "3")).patch(UserPatch.builder().active(true).build()),
        step(Action.UPDATE, u("dee@x.com", "4")).patch(UserPatch.builder().displayName("Dee").active(false)
            .build()));

    assertThat(changes(result, 0)).containsExactly("user ann@x.com USER -> NONE (deleted)",
        "user bob@x.com USER -> NONE (deactivated)", "user dee@x.com USER -> NONE (deactivated)",
        "user cy@x.com NONE -> USER (via group team)");
    assertThat(result.access.get(0).changes().get(0).pathsBefore()).containsExactly("group team");
    assertThat(losingAll(result)).containsExactly("ann@x.com", "bob@x.com", "dee@x.com");
  }

  @Test
  void compute_groupsWithUnreadMembers_listedWhereTheyHoldAccess() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com")))
        .groups(List.of(group("10", "Zeta"), group("11", "alpha"), group("12", "unassigned"), group("13", "read")))
        .groupsWithUnreadMembers(List.of("10", "11", "12"))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.USER),
            assigned("13", WorkspacePermission.USER)))
        .workspaceAssignments(WS2, List.of())
        .build();

    AccessDiff.Result result = account(state,
        step(Action.ASSIGN, g("alpha", "11")).workspaceId(WS).permission(WorkspacePermission.USER));

    assertThat(result.access.get(0).unreadGroups()).containsExactly("alpha", "Zeta");
    assertThat(result.access.get(1).unreadGroups()).isEmpty();
    assertThat(result.access.get(0).changes()).isEmpty();
  }

  @Test
  void compute_workspaceTarget_entitlementsDirectAndThroughGroupsAndAdmins() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "direct@x.com", "workspace-access", "databricks-sql-access"),
            user("2", "sql@x.com"), user("3", "admin@x.com", "workspace-access"), user("4", "nested@x.com")))
        .groups(List.of(entitled(group("10", "data-eng", "2", "11"), "databricks-sql-access", "allow-cluster-create"),
            group("11", "inner", "4"), group("20", "admins", "3"), group("21", "users")))
        .build();

    AccessDiff.Result result = workspace(state,
        step(Action.UPDATE, u("direct@x.com", "1")).patch(UserPatch.builder().removeEntitlement("workspace-access")
            .removeEntitlement("databricks-sql-access").build()),
        step(Action.UPDATE, g("data-eng", "10")).patch(GroupPatch.builder()
            .removeEntitlement("databricks-sql-access").build()),
        step(Action.UPDATE, g("admins", "20")).removeMembers(List.of(u("admin@x.com", "3"))));

    assertThat(result.access).hasSize(1);
    assertThat(result.access.get(0).workspaceId()).isEmpty();
    assertThat(changes(result, 0)).containsExactly(
        "user direct@x.com USER -> NONE (lost via direct entitlements workspace-access, databricks-sql-access)",
        "user nested@x.com USER -> NONE (lost via group data-eng (databricks-sql-access) via group inner)",
        "user sql@x.com USER -> NONE (lost via group data-eng (databricks-sql-access))",
        "user admin@x.com ADMIN -> USER (lost via group admins)");
  }

  @Test
  void compute_workspaceTarget_usersGroupHoldsEveryUserAndServicePrincipal() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "bob@x.com")))
        .servicePrincipals(List.of(ServicePrincipal.builder().id("5").applicationId("app-5").active(true).build()))
        .groups(List.of(group("21", "users"), group("22", "grantors", "21")))
        .build();

    AccessDiff.Result result = workspace(state,
        step(Action.CREATE, PrincipalRef.toCreate(PrincipalKind.USER, "new@x.com"))
            .resourceNode((ObjectNode) ScimJson.toTree(User.builder().userName("new@x.com").build())),
        step(Action.UPDATE, g("grantors", "22")).patch(GroupPatch.builder().addEntitlement("workspace-access")
            .build()));

    assertThat(changes(result, 0)).containsExactly(
        "service principal app-5 NONE -> USER (via group grantors (workspace-access) via group users)",
        "user bob@x.com NONE -> USER (via group grantors (workspace-access) via group users)",
        "user new@x.com NONE -> USER (via group grantors (workspace-access) via group users)");
  }

  @Test
  void compute_workspaceTarget_createdPrincipalsCarryTheirEntitlements() {
    CurrentState state = CurrentState.builder().groups(List.of(group("21", "users"))).build();

    AccessDiff.Result result = workspace(state,
        step(Action.CREATE, PrincipalRef.toCreate(PrincipalKind.USER, "new@x.com"))
            .resourceNode((ObjectNode) ScimJson.toTree(User.builder().userName("new@x.com")
                .addEntitlements(ComplexValue.of("databricks-sql-access")).build())),
        step(Action.CREATE, PrincipalRef.toCreate(PrincipalKind.USER, "off@x.com"))
            .resourceNode((ObjectNode) ScimJson.toTree(User.builder().userName("off@x.com").active(false)
                .addEntitlements(ComplexValue.of("workspace-access")).build())));

    assertThat(changes(result, 0))
        .containsExactly("user new@x.com NONE -> USER (via direct entitlement databricks-sql-access)");
  }

  @Test
  void compute_losingAllAccessFirst_thenLoseDemotePromoteGain_thenName() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "zed@x.com"), user("2", "amy@x.com"), user("3", "bea@x.com"),
            user("4", "cal@x.com"), user("5", "abe@x.com")))
        .workspaceAssignments(WS, List.of(assigned("1", WorkspacePermission.USER),
            assigned("2", WorkspacePermission.USER), assigned("3", WorkspacePermission.ADMIN),
            assigned("4", WorkspacePermission.USER)))
        .workspaceAssignments(WS2, List.of(assigned("2", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state,
        step(Action.UNASSIGN, u("zed@x.com", "1")).workspaceId(WS),
        step(Action.UNASSIGN, u("amy@x.com", "2")).workspaceId(WS),
        step(Action.ASSIGN, u("bea@x.com", "3")).workspaceId(WS).permission(WorkspacePermission.USER),
        step(Action.ASSIGN, u("cal@x.com", "4")).workspaceId(WS).permission(WorkspacePermission.ADMIN),
        step(Action.ASSIGN, u("abe@x.com", "5")).workspaceId(WS).permission(WorkspacePermission.USER));

    assertThat(result.access.get(0).changes()).extracting(change -> change.principal().name())
        .containsExactly("zed@x.com", "amy@x.com", "bea@x.com", "cal@x.com", "abe@x.com");
    assertThat(result.access.get(0).changes()).extracting(AccessChange::direction).containsExactly(
        AccessChange.Direction.LOSE, AccessChange.Direction.LOSE, AccessChange.Direction.DEMOTE,
        AccessChange.Direction.PROMOTE, AccessChange.Direction.GAIN);
    assertThat(losingAll(result)).containsExactly("zed@x.com");
  }

  @Test
  void compute_stepsThatLeaveAccessAlone_reportNoChange() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "bob@x.com"), user("2", "ann@x.com")))
        .groups(List.of(group("10", "team", "1")))
        .workspaceAssignments(WS, List.of(assigned("10", WorkspacePermission.USER),
            assigned("1", WorkspacePermission.USER)))
        .build();

    AccessDiff.Result result = account(state,
        step(Action.UPDATE, u("bob@x.com", "1")).patch(UserPatch.builder().displayName("Bob").build()),
        step(Action.UPDATE, g("team", "10")).removeMembers(List.of(u("bob@x.com", "1"))),
        step(Action.ASSIGN, u("bob@x.com", "1")).workspaceId(WS).permission(WorkspacePermission.USER),
        step(Action.DELETE, u("ann@x.com", "2")));

    assertThat(result.access).hasSize(1);
    assertThat(result.access.get(0).changes()).isEmpty();
    assertThat(result.access.get(0).unreadGroups()).isEmpty();
    assertThat(result.losingAllAccess).isEmpty();
  }

  @Test
  @Timeout(10)
  void readState_onAnAccountListingNoMembers_namesTheGroupsWhoseMembersWereNotRead() {
    try (FakeScimServer server = FakeScimServer.builder().workspaces(1).build().start();
        ScimAccountClient client = FakeClients.account(server)) {
      Group named = server.state().seed(Group.builder().displayName("named").build());
      Group other = server.state().seed(Group.builder().displayName("other").build());
      SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).build();

      CurrentState state = engine.readState(Directory.builder()
          .addGroups(DirectoryGroup.builder("named").build()).build());

      assertThat(state.groupsWithUnreadMembers()).contains(other.id().get())
          .doesNotContain(named.id().get());
      assertThat(CurrentState.empty().groupsWithUnreadMembers()).isEmpty();
    }
  }
}
