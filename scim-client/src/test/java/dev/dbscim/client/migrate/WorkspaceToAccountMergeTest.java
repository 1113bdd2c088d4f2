package dev.dbscim.client.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.PlannedOperation;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three workspaces as three workspace-level connectors leave them (1001 and 1002 federated, 1003 not): Ada is
 * "Ada Lovelace" in 1001 and "ADA LOVELACE" in 1003, Erin is active in 1002 and deactivated in 1003, Grace is a
 * workspace admin of 1001 through its {@code admins} group, and the local group data-eng of 1001 holds entitlements.
 */
@Timeout(60)
class WorkspaceToAccountMergeTest {
  static final long WS1 = 1001;
  static final long WS2 = 1002;
  static final long WS3 = 1003;
  static final List<long[]> ORDERS = Arrays.asList(new long[] {WS1, WS2, WS3}, new long[] {WS1, WS3, WS2},
      new long[] {WS2, WS1, WS3}, new long[] {WS2, WS3, WS1}, new long[] {WS3, WS1, WS2}, new long[] {WS3, WS2, WS1});

  static FakeScimServer seeded() {
    FakeScimServer server = FakeScimServer.builder().clock(FakeClock.at(Instant.parse("2026-03-02T09:00:00Z")))
        .workspaces(2).nonFederatedWorkspaces(1).build().start();
    String ada = seedUser(server, WS1, "ada@example.com", "Ada Lovelace", "idp-ada", true);
    String grace = seedUser(server, WS1, "grace@example.com", "Grace Hopper", "idp-grace", true);
    server.state().seed(WS1, Group.builder().displayName("data-eng").externalId("idp-de")
        .addMembers(ComplexValue.of(ada), ComplexValue.of(grace))
        .addEntitlements(ComplexValue.of("databricks-sql-access"), ComplexValue.of("allow-cluster-create")).build());
    server.state().addMember(adminsGroup(server, WS1), grace);
    seedUser(server, WS2, "erin@example.com", "Erin", "idp-erin", true);
    seedUser(server, WS3, "ada@example.com", "ADA LOVELACE", "idp-ada", true);
    seedUser(server, WS3, "erin@example.com", "Erin", "idp-erin", false);
    seedUser(server, WS3, "bo@example.com", "Bo", "idp-bo", true);
    return server;
  }

  static String seedUser(FakeScimServer server, long workspaceId, String userName, String displayName,
      String externalId, boolean active) {
    return server.state().seed(workspaceId, User.builder().userName(userName).displayName(displayName)
        .externalId(externalId).active(active).build()).id().get();
  }

  static String adminsGroup(FakeScimServer server, long workspaceId) {
    for (Group group : FakeClients.workspace(server, workspaceId).groups().list()) {
      if (group.displayName().equals("admins")) {
        return group.id().get();
      }
    }
    throw new AssertionError("no admins group in workspace " + workspaceId);
  }

  static WorkspaceToAccountMigration.Builder migration(FakeScimServer server, long... order) {
    WorkspaceToAccountMigration.Builder builder = WorkspaceToAccountMigration.builder()
        .accountClient(FakeClients.account(server)).clock(server.clock());
    for (long workspaceId : order) {
      builder.addWorkspace(workspaceId, FakeClients.workspace(server, workspaceId));
    }
    return builder;
  }

  static List<RecordedCall> writes(FakeScimServer server) {
    return server.recordedRequests().stream().filter(call -> !call.method().equals("GET"))
        .collect(Collectors.toList());
  }

  /** The account as names and values only, so that fakes with other ids compare equal. */
  static List<String> accountState(FakeScimServer server) {
    ScimAccountClient account = FakeClients.account(server);
    List<String> state = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    for (User user : server.state().users()) {
      names.put(user.id().get(), user.userName());
      state.add("user " + user.userName() + " " + user.displayName().orElse("-") + " active="
          + user.active().orElse(true) + " externalId=" + user.externalId().orElse("-"));
    }
    for (Group group : server.state().groups()) {
      names.put(group.id().get(), group.displayName());
    }
    for (Group group : server.state().groups()) {
      state.add("group " + group.displayName() + " " + group.externalId().orElse("-") + " " + server.state()
          .members(group.id().get()).stream().map(id -> names.getOrDefault(id, id)).sorted()
          .collect(Collectors.toList()));
    }
    for (long workspaceId : new long[] {WS1, WS2}) {
      for (PermissionAssignment assignment : account.workspaceAssignments().list(workspaceId)) {
        state.add("assignment " + workspaceId + " " + assignment.principal().flatMap(p -> p.userName()
            .map(Function.identity()).or(p::groupName).or(p::servicePrincipalName)).orElse("?") + " "
            + new TreeSet<>(assignment.permissions()));
      }
    }
    state.sort(null);
    return state;
  }

  static boolean renamesOrDeactivates(ProvisioningMigrationPlan plan) {
    return plan.syncPlan().operations().stream().flatMap(op -> op.changes().stream())
        .anyMatch(change -> change.startsWith("displayName") || change.equals("active: true -> false"));
  }

  @Test
  void plan_everyOrderOfTheWorkspaces_givesTheSamePlanWithTheConflictListedAndNobodyRenamedOrDeactivated() {
    try (FakeScimServer server = seeded()) {
      List<ProvisioningMigrationPlan> plans = new ArrayList<>();
      for (long[] order : ORDERS) {
        plans.add(migration(server, order).build().plan());
      }

      for (ProvisioningMigrationPlan plan : plans) {
        assertThat(plan).isEqualTo(plans.get(0));
        assertThat(plan.toJson()).isEqualTo(plans.get(0).toJson());
      }
      ProvisioningMigrationPlan plan = plans.get(0);
      assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
        assertThat(conflict.kind()).isEqualTo(PrincipalKind.USER);
        assertThat(conflict.name()).isEqualTo("ada@example.com");
        assertThat(conflict.attribute()).isEqualTo("displayName");
        assertThat(conflict.workspaceValues()).containsExactly(Map.entry(WS1, "Ada Lovelace"),
            Map.entry(WS3, "ADA LOVELACE"));
        assertThat(conflict.accountValue()).contains("Ada Lovelace");
        assertThat(conflict.resolved()).isFalse();
      });
      assertThat(plan.unresolvedConflicts()).hasSize(1);
      assertThat(plan.summary()).contains("Conflicts: 1 attribute(s) differ between workspaces, 1 unresolved")
          .contains("user ada@example.com displayName: 1001 \"Ada Lovelace\", 1003 \"ADA LOVELACE\"");
      assertThat(plan.conflictTable()).contains("ada@example.com").contains("UNRESOLVED");
      assertThat(plan.toJson()).contains("\"conflicts\"").contains("ADA LOVELACE");
      assertThat(renamesOrDeactivates(plan)).as(plan.syncPlan().table()).isFalse();
      assertThat(plan.directory().users()).filteredOn(u -> u.userName().equals("erin@example.com")).singleElement()
          .extracting(DirectoryUser::active).isEqualTo(true);
      assertThat(plan.warnings()).anySatisfy(w -> assertThat(w)
          .contains("erin@example.com is inactive in workspace(s) [1003] and active in [1002]"));
      assertThat(ProvisioningMigrationPlan.fromJson(plan.toJson())).isEqualTo(plan);
    }
  }

  @Test
  void apply_unresolvedConflict_refusesNamingThePrincipalAndSendsNothing() {
    try (FakeScimServer server = seeded()) {
      WorkspaceToAccountMigration migration = migration(server, WS3, WS2, WS1).build();
      ProvisioningMigrationPlan plan = migration.plan();
      server.clearRecordedRequests();

      assertThatThrownBy(() -> migration.apply(plan)).isInstanceOf(UnresolvedConflictsException.class)
          .hasMessageContaining("nothing was sent").hasMessageContaining("user ada@example.com displayName")
          .hasMessageContaining("conflictRule").hasMessageContaining("conflictOverrides")
          .satisfies(e -> assertThat(((UnresolvedConflictsException) e).conflicts()).hasSize(1));
      assertThat(server.recordedRequests()).isEmpty();
    }
  }

  @Test
  void run_everyOrderOfTheWorkspacesWithARule_leavesTheSameAccountAndAReversedReplanRenamesNobody() {
    List<List<String>> states = new ArrayList<>();
    for (long[] order : ORDERS) {
      try (FakeScimServer server = seeded()) {
        ProvisioningMigrationReport report = migration(server, order).conflictRule(ConflictRule.KEEP_ACCOUNT).build()
            .run();
        assertThat(report.isSuccess()).as(report.summary()).isTrue();
        states.add(accountState(server));

        long[] reversed = {order[2], order[1], order[0]};
        server.clearRecordedRequests();
        ProvisioningMigrationPlan again = migration(server, reversed).build().plan();

        assertThat(renamesOrDeactivates(again)).as(again.syncPlan().table()).isFalse();
        assertThat(writes(server)).isEmpty();
      }
    }

    for (List<String> state : states) {
      assertThat(state).isEqualTo(states.get(0));
    }
    assertThat(states.get(0)).contains("user ada@example.com Ada Lovelace active=true externalId=idp-ada",
        "user erin@example.com Erin active=true externalId=idp-erin",
        "user bo@example.com Bo active=true externalId=idp-bo");
  }

  @Test
  void plan_conflictRulesAndOverrides_settleTheConflictAsChosen() {
    try (FakeScimServer server = seeded()) {
      ProvisioningMigrationPlan keep = migration(server, WS1, WS2, WS3).conflictRule(ConflictRule.KEEP_ACCOUNT)
          .build().plan();
      ProvisioningMigrationPlan prefer = migration(server, WS1, WS2, WS3).preferredWorkspaces(WS3, WS1).build().plan();
      ProvisioningMigrationPlan overridden = migration(server, WS1, WS2, WS3).conflictOverrides(ConflictOverrides
          .builder().addOverrides(ConflictOverride.of(PrincipalKind.USER, "ADA@example.com", "displayName", "Ada L."))
          .build()).build().plan();

      assertThat(keep.unresolvedConflicts()).isEmpty();
      assertThat(keep.conflicts().get(0).resolvedValue()).contains("Ada Lovelace");
      assertThat(keep.conflicts().get(0).resolvedBy()).contains("KEEP_ACCOUNT");
      assertThat(renamesOrDeactivates(keep)).isFalse();
      assertThat(prefer.conflicts().get(0).resolvedValue()).contains("ADA LOVELACE");
      assertThat(prefer.conflicts().get(0).resolvedBy()).contains("PREFER_WORKSPACES (workspace 1003)");
      assertThat(prefer.syncPlan().operations()).anySatisfy(op -> assertThat(op.changes())
          .contains("displayName: \"Ada Lovelace\" -> \"ADA LOVELACE\""));
      assertThat(overridden.conflicts().get(0).resolvedValue()).contains("Ada L.");
      assertThat(overridden.conflicts().get(0).resolvedBy()).contains("override file");
      assertThat(overridden.summary()).contains("0 unresolved");
    }
  }

  @Test
  void plan_workspaceAdminThroughTheAdminsGroup_isAssignedAsAdmin() {
    try (FakeScimServer server = seeded()) {
      WorkspaceToAccountMigration migration = migration(server, WS1, WS2, WS3)
          .conflictRule(ConflictRule.KEEP_ACCOUNT).build();

      ProvisioningMigrationPlan plan = migration.plan();
      ProvisioningMigrationReport report = migration.apply(plan);

      assertThat(plan.directory().workspaceAssignments())
          .contains(DirectoryWorkspaceAssignment.of(WS1, PrincipalKind.USER, "grace@example.com",
              WorkspacePermission.ADMIN))
          .contains(DirectoryWorkspaceAssignment.of(WS1, PrincipalKind.USER, "ada@example.com",
              WorkspacePermission.USER));
      assertThat(report.isSuccess()).as(report.summary()).isTrue();
      assertThat(accountState(server)).contains("assignment 1001 grace@example.com [ADMIN]",
          "assignment 1001 ada@example.com [USER]");
    }
  }

  @Test
  void plan_localGroupWithEntitlements_listsTheEntitlementsLeftBehind() {
    try (FakeScimServer server = seeded()) {
      ProvisioningMigrationPlan plan = migration(server, WS3, WS1, WS2).build().plan();

      assertThat(plan.entitlementsLeftBehind()).singleElement().satisfies(left -> {
        assertThat(left.workspaceId()).isEqualTo(WS1);
        assertThat(left.groupName()).isEqualTo("data-eng");
        assertThat(left.entitlements()).containsExactly("allow-cluster-create", "databricks-sql-access");
      });
      assertThat(plan.summary()).contains("Entitlements left behind: workspace 1001: group data-eng keeps "
          + "allow-cluster-create, databricks-sql-access").contains("grant them to the account group");
      assertThat(ProvisioningMigrationPlan.fromJson(plan.toJson()).entitlementsLeftBehind())
          .extracting(EntitlementsLeftBehind::groupName).containsExactly("data-eng");
    }
  }

  @Test
  void planAndApply_readEachListOnce() {
    try (FakeScimServer server = seeded()) {
      WorkspaceToAccountMigration migration = migration(server, WS1, WS2, WS3)
          .conflictRule(ConflictRule.KEEP_ACCOUNT).build();
      server.clearRecordedRequests();

      ProvisioningMigrationPlan plan = migration.plan();
      Map<String, Long> planReads = reads(server);
      server.clearRecordedRequests();
      migration.apply(plan);
      Map<String, Long> applyReads = reads(server);

      assertThat(planReads).as(planReads.toString()).allSatisfy((path, count) -> assertThat(count).as(path)
          .isEqualTo(1L));
      assertThat(planReads.keySet()).filteredOn(path -> path.endsWith("/permissionassignments")).hasSize(3);
      assertThat(planReads.keySet()).filteredOn(path -> path.startsWith("account /api/2.0/accounts/")
          && path.matches(".*/scim/v2/(Users|Groups|ServicePrincipals)")).hasSize(3);
      assertThat(applyReads.keySet()).as(applyReads.toString())
          .noneMatch(path -> path.endsWith("/permissionassignments") || path.startsWith("workspace"));
      assertThat(applyReads).as(applyReads.toString()).allSatisfy((path, count) -> assertThat(count).as(path)
          .isEqualTo(1L));
    }
  }

  static Map<String, Long> reads(FakeScimServer server) {
    return server.recordedRequests().stream().filter(call -> call.method().equals("GET"))
        .collect(Collectors.groupingBy(call -> (call.workspaceId().isPresent() ? "workspace "
            + call.workspaceId().getAsLong() + " " : "account ") + call.path(), TreeMap::new,
            Collectors.counting()));
  }

  @Test
  void conflictOverrides_read_listsEveryProblemWithLineAndColumn() {
    assertThat(ConflictOverrides.parse("{\"users\": {\"Ada@example.com\": {\"displayName\": \"Ada\"}},\n"
        + " \"groups\": {\"g\": {\"externalId\": \"x\"}}}").overrides()).containsExactly(
            ConflictOverride.of(PrincipalKind.USER, "Ada@example.com", "displayName", "Ada"),
            ConflictOverride.of(PrincipalKind.GROUP, "g", "externalId", "x"));

    assertThatThrownBy(() -> ConflictOverrides.parse("{\"users\": {\"ada@example.com\": {\"active\": \"no\"}},\n"
        + " \"servicePrincipals\": {\"app\": {\"displayName\": 7}},\n \"teams\": {}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a conflict file: 3 problems:")
        .hasMessageContaining("line 1, column 32: unknown attribute \"active\" of user \"ada@example.com\"")
        .hasMessageContaining("line 2, column 47: \"displayName\" of service principal \"app\" must be a non-empty "
            + "string")
        .hasMessageContaining("line 3, column 2: unknown key \"teams\"");
    assertThatThrownBy(() -> ConflictOverrides.parse("{\"users\": {\n  \"a\": {\"displayName\": \"x\"\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("ends early");
  }
}
