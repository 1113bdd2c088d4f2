package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plans against hand-made current states; no request is sent (the clients point at hosts never contacted). */
class SyncPlannerTest {
  final ScimAccountClient account = ScimAccountClient.builder()
      .endpoint(URI.create("https://accounts.example.invalid")).accountId("acc")
      .credentials(TokenCredentials.of("never-sent")).build();
  final ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
      .endpoint(URI.create("https://ws.example.invalid")).credentials(TokenCredentials.of("never-sent")).build();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @AfterEach
  void close() {
    account.close();
    workspace.close();
  }

  SyncPlan plan(SyncOptions options, Directory directory, CurrentState state) {
    return SyncEngine.builder().target(SyncTarget.account(account)).options(options).clock(clock).build()
        .plan(directory, state);
  }

  static User user(String id, String userName, String externalId) {
    User.Builder user = User.builder().id(id).userName(userName).active(true);
    if (externalId != null) {
      user.externalId(externalId);
    }
    return user.build();
  }

  static Group group(String id, String name, String externalId, String... memberIds) {
    Group.Builder group = Group.builder().id(id).displayName(name);
    if (externalId != null) {
      group.externalId(externalId);
    }
    for (String member : memberIds) {
      group.addMembers(ComplexValue.of(member));
    }
    return group.build();
  }

  static List<String> steps(SyncPlan plan) {
    return plan.operations().stream().map(o -> o.action() + " " + o.principal().name()).collect(Collectors.toList());
  }

  @Test
  void plan_onEmptyState_createsMembersBeforeTheGroupsThatNestThem() {
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").build())
        .addGroups(DirectoryGroup.builder("top").memberGroups("mid").build(),
            DirectoryGroup.builder("mid").memberGroups("leaf").build(),
            DirectoryGroup.builder("leaf").memberUsers("a@x.com").build())
        .build();
    SyncPlan plan = plan(SyncOptions.defaults(), directory, CurrentState.empty());

    assertThat(steps(plan)).containsExactly("CREATE a@x.com", "CREATE leaf", "CREATE mid", "CREATE top");
    assertThat(plan.operations()).extracting(PlannedOperation::phase).containsExactly(0, 1, 2, 3);
    assertThat(plan.operations()).extracting(PlannedOperation::index).containsExactly(0, 1, 2, 3);
    assertThat(plan.operations().get(3).addMembers()).containsExactly(PrincipalRef.toCreate(PrincipalKind.GROUP,
        "mid"));
    assertThat(plan.createdAt()).isEqualTo(clock.instant());
    assertThat(plan.writeRequests()).isEqualTo(4);
  }

  @Test
  void plan_matchesUserNamesCaseInsensitively_andChangesOnlyWhatDiffers() {
    CurrentState state = CurrentState.builder()
        .users(List.of(User.builder().id("1").userName("Ada@X.com").displayName("Ada").externalId("e1").active(true)
            .build()))
        .build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("ada@x.com").displayName("Ada Lovelace").externalId("e1").build()).build();

    SyncPlan plan = plan(SyncOptions.defaults(), directory, state);

    assertThat(steps(plan)).containsExactly("UPDATE ada@x.com");
    PlannedOperation update = plan.operations().get(0);
    assertThat(update.principal().id()).contains("1");
    assertThat(update.changes()).containsExactly("displayName: \"Ada\" -> \"Ada Lovelace\"");
    assertThat(update.patch().get().operations()).hasSize(1);
  }

  @Test
  void plan_matchesByExternalIdWhenTheUserNameChanged_andWarnsThatUserNamesCannotChange() {
    CurrentState state = CurrentState.builder().users(List.of(user("1", "old@x.com", "e1"))).build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("new@x.com").externalId("e1").build()).build();

    SyncPlan plan = plan(SyncOptions.defaults(), directory, state);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.warnings()).singleElement().asString().contains("cannot change a userName");
  }

  @Test
  void plan_renamesAGroupMatchedByExternalId_andDiffsItsMembers() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "a@x.com", "u1"), user("2", "b@x.com", "u2"), user("3", "hand@x.com", null)))
        .groups(List.of(group("10", "old-name", "g1", "1", "3")))
        .build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").externalId("u1").build(),
            DirectoryUser.builder("b@x.com").externalId("u2").build())
        .addGroups(DirectoryGroup.builder("new-name").externalId("g1").memberUsers("b@x.com").build())
        .build();

    SyncPlan plan = plan(SyncOptions.defaults(), directory, state);

    assertThat(steps(plan)).containsExactly("UPDATE new-name");
    PlannedOperation update = plan.operations().get(0);
    assertThat(update.changes()).contains("displayName: \"old-name\" -> \"new-name\"", "+1 member(s)",
        "-1 member(s)");
    assertThat(update.addMembers()).extracting(PrincipalRef::name).containsExactly("b@x.com");
    // a@x.com leaves (a directory principal); the hand-made member 3 stays.
    assertThat(update.removeMembers()).extracting(PrincipalRef::name).containsExactly("a@x.com");
    assertThat(update.writeRequests(20)).isEqualTo(1);
  }

  @Test
  void removalPolicies_deactivateOnlyActiveOwnedPrincipals_deleteOrKeep() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "gone@x.com", "u1"),
            User.builder().id("2").userName("already@x.com").externalId("u2").active(false).build(),
            user("3", "hand@x.com", null), user("4", "boss@x.com", "u4")))
        .servicePrincipals(List.of(ServicePrincipal.builder().id("5").applicationId("app-5").externalId("s5")
            .build()))
        .groups(List.of(group("10", "old-group", "g1", "1"), group("11", "users", null),
            group("12", "admins", "x")))
        .build();
    Directory empty = Directory.empty();
    SyncOptions protect = SyncOptions.builder().addProtectedNames("BOSS@x.com")
        .deletionThreshold(DeletionThreshold.none()).build();

    SyncPlan deactivate = plan(protect, empty, state);
    // old-group is no longer in the directory: kept as it is (members too), with a warning.
    assertThat(steps(deactivate)).containsExactlyInAnyOrder("DEACTIVATE gone@x.com", "DEACTIVATE app-5");
    assertThat(deactivate.warnings()).anySatisfy(w -> assertThat(w).contains("1 managed group(s)"));
    assertThat(deactivate.removalCount()).isEqualTo(2);
    assertThat(deactivate.operations()).allSatisfy(o -> assertThat(o.patch().get().operations()).hasSize(1));

    SyncPlan delete = plan(protect.toBuilder().removalPolicy(RemovalPolicy.DELETE).build(), empty, state);
    assertThat(steps(delete)).containsExactlyInAnyOrder("DELETE gone@x.com", "DELETE already@x.com",
        "DELETE app-5", "DELETE old-group");
    assertThat(delete.warnings()).anySatisfy(w -> assertThat(w).contains("tokens, jobs, clusters"));

    SyncPlan keep = plan(protect.toBuilder().removalPolicy(RemovalPolicy.KEEP).build(), empty, state);
    assertThat(keep.isEmpty()).isTrue();
    assertThat(keep.warnings()).hasSize(2);
  }

  @Test
  void deletionThreshold_countsAbsoluteAndPercentageFromTheMinimum() {
    DeletionThreshold threshold = DeletionThreshold.of(100, 10.0);
    assertThat(threshold.isExceededBy(101, 100_000)).isTrue();
    assertThat(threshold.isExceededBy(100, 100_000)).isFalse();
    assertThat(threshold.isExceededBy(11, 100)).isTrue();
    assertThat(threshold.isExceededBy(10, 100)).isFalse();
    assertThat(threshold.isExceededBy(9, 10)).isFalse();   // below PERCENT_RULE_MINIMUM
    assertThat(DeletionThreshold.none().isExceededBy(Integer.MAX_VALUE - 1, 1)).isFalse();
    assertThatThrownBy(() -> DeletionThreshold.of(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeletionThreshold.of(1, 101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeletionThreshold.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stamp_isThePrefixedNameOrAStableHashWithin64Characters() {
    assertThat(Planner.stamp("ada@x.com")).isEqualTo("dbscim:ada@x.com");
    String longName = String.join("", java.util.Collections.nCopies(20, "long")) + "@example.com";
    assertThat(Planner.stamp(longName)).hasSizeLessThanOrEqualTo(64).startsWith("dbscim:sha256:")
        .isEqualTo(Planner.stamp(longName)).isNotEqualTo(Planner.stamp(longName + "x"));
    SyncPlan plan = plan(SyncOptions.builder().stampExternalIds(false).build(),
        Directory.builder().addUsers(DirectoryUser.builder("a@x.com").build()).build(), CurrentState.empty());
    assertThat(plan.operations().get(0).resource().get().has("externalId")).isFalse();
  }

  @Test
  void assignments_upgradeDowngradeAndRemoveOnlyForDirectoryPrincipals() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "a@x.com", "u1"), user("2", "b@x.com", "u2"), user("3", "hand@x.com", null)))
        .workspaceAssignments(7L, List.of(assignment(1, "USER"), assignment(2, "ADMIN"), assignment(3, "USER")))
        .build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").externalId("u1").build(),
            DirectoryUser.builder("b@x.com").externalId("u2").build(),
            DirectoryUser.builder("c@x.com").externalId("u3").build())
        .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofUser(7L, "a@x.com", WorkspacePermission.ADMIN),
            DirectoryWorkspaceAssignment.ofUser(7L, "c@x.com", WorkspacePermission.USER))
        .build();

    SyncPlan plan = plan(SyncOptions.defaults(), directory, state);

    assertThat(plan.operations()).extracting(o -> o.action() + " " + o.principal().name() + " "
        + String.join(",", o.changes()))
        .containsExactly("CREATE c@x.com ", "ASSIGN a@x.com USER -> ADMIN", "ASSIGN c@x.com USER",
            "UNASSIGN b@x.com not assigned in the directory (was ADMIN)");
    PlannedOperation assignNew = plan.operations().get(2);
    assertThat(assignNew.principal().id()).isEmpty();
    assertThat(assignNew.workspaceId()).hasValue(7L);
    assertThat(assignNew.phase()).isGreaterThan(plan.operations().get(0).phase());
  }

  static PermissionAssignment assignment(long principalId, String permission) {
    return PermissionAssignment.builder().principal(AssignedPrincipal.of(principalId))
        .addPermission(WorkspacePermission.fromWire(permission)).build();
  }

  @Test
  void workspaceTarget_leavesAccountGroupsAndBuiltInsAlone_andManagesOnlyMentionedEntitlements() {
    CurrentState state = CurrentState.builder()
        .users(List.of(User.builder().id("1").userName("a@x.com").externalId("u1").active(true)
            .addEntitlements(ComplexValue.of("workspace-access")).build()))
        .groups(List.of(
            Group.builder().id("10").displayName("account-group").externalId("ag")
                .meta(Meta.ofResourceType("Group")).build(),
            Group.builder().id("11").displayName("admins").meta(Meta.ofResourceType("WorkspaceGroup")).build(),
            Group.builder().id("12").displayName("local").externalId("lg")
                .meta(Meta.ofResourceType("WorkspaceGroup")).build()))
        .build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").externalId("u1").entitlements(List.of("databricks-sql-access"))
            .build())
        .build();

    SyncPlan plan = SyncEngine.builder().target(SyncTarget.workspace(workspace))
        .options(SyncOptions.builder().removalPolicy(RemovalPolicy.DELETE).build()).clock(clock).build()
        .plan(directory, state);

    assertThat(steps(plan)).containsExactlyInAnyOrder("UPDATE a@x.com", "DELETE local");
    assertThat(plan.operations().stream().filter(o -> o.action() == Action.UPDATE).findFirst().get().changes())
        .containsExactly("+entitlement databricks-sql-access");
    assertThat(plan.targetKind()).isEqualTo(SyncTarget.Kind.WORKSPACE);
  }

  @Test
  void invalidDirectory_isRefusedBeforePlanning() {
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").build(), DirectoryUser.builder("A@x.com").build())
        .addGroups(DirectoryGroup.builder("g").memberUsers("nobody@x.com").build())
        .build();
    assertThatThrownBy(() -> plan(SyncOptions.defaults(), directory, CurrentState.empty()))
        .isInstanceOf(InvalidDirectoryException.class)
        .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems()).hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void planJson_roundTripsEveryField_andRejectsWhatIsNotAPlan() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "a@x.com", "u1"), user("2", "gone@x.com", "u2")))
        .groups(List.of(group("10", "g", "g1", "2")))
        .build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").displayName("A").externalId("u1").build(),
            DirectoryUser.builder("new@x.com").build())
        .addGroups(DirectoryGroup.builder("g").externalId("g1").memberUsers("a@x.com", "new@x.com").build())
        .addWorkspaceAssignments(DirectoryWorkspaceAssignment.ofGroup(9L, "g", WorkspacePermission.USER))
        .build();
    SyncPlan plan = plan(SyncOptions.defaults(), directory, state);
    assertThat(plan.operations()).extracting(PlannedOperation::action)
        .contains(Action.CREATE, Action.UPDATE, Action.ASSIGN, Action.DEACTIVATE);

    SyncPlan read = SyncPlan.fromJson(plan.toJson());
    assertThat(read).isEqualTo(plan);
    assertThat(read.allowRemovalsAboveThreshold().removalsAllowedAboveThreshold()).isTrue();
    assertThat(SyncPlan.fromJson(plan.allowRemovalsAboveThreshold().toJson()).removalsAllowedAboveThreshold())
        .isFalse();

    for (String bad : Arrays.asList("", "[]", "{\"format\":\"other\"}", "{\"format\":\"dbscim-sync-plan/1\"}",
        "{\"format\":\"dbscim-sync-plan/1\",\"operations\":[{\"action\":\"EXPLODE\"}]}", "{not json")) {
      assertThatThrownBy(() -> SyncPlan.fromJson(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a sync plan");
    }
  }

  @Test
  void summaryAndTable_readAsSentencesAndColumns() {
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").build(), DirectoryUser.builder("b@x.com").build())
        .addGroups(DirectoryGroup.builder("g").memberUsers("a@x.com").build())
        .build();
    SyncPlan plan = plan(SyncOptions.defaults(), directory, CurrentState.empty());

    assertThat(plan.summary()).contains("3 change(s), 3 write request(s)").contains("create: 2 users, 1 group")
        .contains("memberships: +1 -0").contains("Removals: 0 of 0");
    String[] lines = plan.table().split("\n");
    assertThat(lines[0]).startsWith("#  phase  action  kind");
    assertThat(lines).hasSize(5);
    assertThat(plan.table(1)).contains("... 2 more");
    assertThat(plan(SyncOptions.defaults(), Directory.empty(), CurrentState.empty()).summary())
        .contains("no changes.");
  }

  @Test
  void removedPrincipals_leaveManagedGroups_inAPhaseBeforeTheirRemoval() {
    CurrentState state = CurrentState.builder()
        .users(List.of(user("1", "a@x.com", "u1"), user("2", "gone@x.com", "u2")))
        .groups(List.of(group("10", "g", "g1", "1", "2")))
        .build();
    Directory directory = Directory.builder()
        .addUsers(DirectoryUser.builder("a@x.com").externalId("u1").build())
        .addGroups(DirectoryGroup.builder("g").externalId("g1").memberUsers("a@x.com").build())
        .build();

    SyncPlan deactivate = plan(SyncOptions.defaults(), directory, state);
    assertThat(steps(deactivate)).containsExactly("UPDATE g", "DEACTIVATE gone@x.com");
    assertThat(deactivate.operations().get(0).removeMembers()).extracting(PrincipalRef::name)
        .containsExactly("gone@x.com");
    assertThat(deactivate.operations().get(1).phase()).isGreaterThan(deactivate.operations().get(0).phase());

    // A deleted user leaves its groups with the deletion: no separate member removal.
    SyncPlan delete = plan(SyncOptions.builder().removalPolicy(RemovalPolicy.DELETE).build(), directory, state);
    assertThat(steps(delete)).containsExactly("DELETE gone@x.com");
    // KEEP leaves the user and its memberships alone.
    assertThat(plan(SyncOptions.builder().removalPolicy(RemovalPolicy.KEEP).build(), directory, state).isEmpty())
        .isTrue();
  }
}
