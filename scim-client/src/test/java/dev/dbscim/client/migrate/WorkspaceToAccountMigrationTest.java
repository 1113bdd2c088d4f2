package dev.dbscim.client.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.migrate.ConnectorVerdict;
import dev.dbscim.client.migrate.GroupMigrationOptions;
import dev.dbscim.client.migrate.ProvisioningMigrationPlan;
import dev.dbscim.client.migrate.ProvisioningMigrationReport;
import dev.dbscim.client.migrate.WorkspaceConnectorStatus;
import dev.dbscim.client.migrate.WorkspaceGroupMigration;
import dev.dbscim.client.migrate.WorkspaceToAccountMigration;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.PlannedOperation;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WorkspaceToAccountMigrationTest {
  static final String SP_APP = "6f1b2c3d-0000-4000-8000-00000000000b";
  static final long WS1 = 1001;
  static final long WS2 = 1002;
  static final long WS3 = 1003;

  final FakeClock clock = FakeClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  FakeScimServer server;
  ScimAccountClient account;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().clock(clock).workspaces(2).nonFederatedWorkspaces(1).build().start();
    account = FakeClients.account(server);
    String ada = seedUser(WS1, "ada@example.com", "idp-ada");
    seedUser(WS1, "alan@example.com", "idp-alan");
    String sp = server.state().seed(WS1, ServicePrincipal.builder().applicationId(SP_APP).displayName("etl")
        .externalId("idp-etl").build()).id().get();
    seedGroup(WS1, "data-eng", "idp-de", ada, sp);
    seedUser(WS2, "ada@example.com", "idp-ada");
    String grace = seedUser(WS2, "grace@example.com", "idp-grace");
    seedGroup(WS2, "data-eng", "idp-de", grace);
    String bo = seedUser(WS3, "bo@example.com", "idp-bo");
    seedGroup(WS3, "ops", "idp-ops", bo);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String seedUser(long workspaceId, String userName, String externalId) {
    return server.state().seed(workspaceId, User.builder().userName(userName).externalId(externalId).build()).id()
        .get();
  }

  void seedGroup(long workspaceId, String name, String externalId, String... members) {
    Group.Builder group = Group.builder().displayName(name).externalId(externalId);
    for (String member : members) {
      group.addMembers(ComplexValue.of(member));
    }
    server.state().seed(workspaceId, group.build());
  }

  WorkspaceToAccountMigration.Builder migration() {
    return WorkspaceToAccountMigration.builder().accountClient(account).clock(clock)
        .addWorkspace(WS1, FakeClients.workspace(server, WS1))
        .addWorkspace(WS2, FakeClients.workspace(server, WS2))
        .addWorkspace(WS3, FakeClients.workspace(server, WS3));
  }

  List<RecordedCall> writes() {
    return server.recordedRequests().stream().filter(call -> !call.method().equals("GET"))
        .collect(Collectors.toList());
  }

  Set<String> memberNames(String groupName) {
    Group group = server.state().groupByName(groupName).orElseThrow(AssertionError::new);
    Set<String> names = new TreeSet<>();
    for (String id : server.state().members(group.id().get())) {
      server.state().user(id).ifPresent(u -> names.add(u.userName()));
      server.state().servicePrincipal(id).ifPresent(s -> names.add(s.applicationId().get()));
    }
    return names;
  }

  @Test
  void plan_severalWorkspaces_buildsTheAccountDirectoryAndSendsNoWrites() {
    server.clearRecordedRequests();

    ProvisioningMigrationPlan plan = migration().build().plan();

    assertThat(writes()).isEmpty();
    assertThat(plan.directory().users()).extracting(DirectoryUser::userName)
        .contains("ada@example.com", "alan@example.com", "grace@example.com", "bo@example.com");
    DirectoryGroup dataEng = plan.directory().groups().stream().filter(g -> g.displayName().equals("data-eng"))
        .findFirst().orElseThrow(AssertionError::new);
    assertThat(dataEng.memberUsers()).containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
    assertThat(dataEng.memberServicePrincipals()).containsExactly(SP_APP);
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("data-eng has other members"));
    assertThat(plan.syncPlan().count(PlannedOperation.Action.CREATE, PrincipalKind.USER)).isGreaterThanOrEqualTo(1);
    assertThat(plan.syncPlan().count(PlannedOperation.Action.CREATE, PrincipalKind.GROUP)).isEqualTo(2);
    assertThat(plan.syncPlan().removalCount()).isZero();
    assertThat(plan.syncPlan().operations()).noneMatch(op -> op.action() == PlannedOperation.Action.UNASSIGN);
    assertThat(plan.workspaces()).extracting(WorkspaceConnectorStatus::verdict).containsExactly(
        ConnectorVerdict.MIGRATE_LOCAL_GROUPS_FIRST, ConnectorVerdict.MIGRATE_LOCAL_GROUPS_FIRST,
        ConnectorVerdict.KEEP_RUNNING);
    assertThat(plan.workspaces().get(2).uncovered()).contains("user:bo@example.com", "group:ops");
    assertThat(plan.summary()).contains("keep its workspace-level SCIM connector running");
    assertThat(plan.table()).contains("keep-running");
    assertThat(plan.toJson()).contains("\"format\" : \"dbscim-provisioning-migration-plan/1\"");
  }

  @Test
  void apply_thenGroupMigration_letsFederatedConnectorsShutDownAndKeepsTheOtherRunning() {
    WorkspaceToAccountMigration migration = migration().build();

    ProvisioningMigrationReport report = migration.apply(migration.plan());

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(server.state().userByName("bo@example.com").get().externalId()).contains("idp-bo");
    assertThat(memberNames("data-eng")).containsExactlyInAnyOrder("ada@example.com", "grace@example.com", SP_APP);
    assertThat(report.workspace(WS1).uncovered()).isEmpty();
    assertThat(report.workspace(WS1).verdict()).isEqualTo(ConnectorVerdict.MIGRATE_LOCAL_GROUPS_FIRST);
    assertThat(report.workspace(WS3).verdict()).isEqualTo(ConnectorVerdict.KEEP_RUNNING);

    for (long workspaceId : new long[] {WS1, WS2}) {
      WorkspaceGroupMigration groups = WorkspaceGroupMigration.builder().accountClient(account)
          .workspaceClient(FakeClients.workspace(server, workspaceId)).workspaceId(workspaceId)
          .options(GroupMigrationOptions.builder().mergeOnNameClash(true).build())
          .clock(clock).sleeper(clock::advance).build();
      assertThat(groups.run().isSuccess()).isTrue();
    }
    ProvisioningMigrationPlan after = migration.plan();

    assertThat(after.syncPlan().isEmpty()).as(after.syncPlan().table()).isTrue();
    assertThat(after.workspaces()).extracting(WorkspaceConnectorStatus::verdict).containsExactly(
        ConnectorVerdict.SHUT_DOWN, ConnectorVerdict.SHUT_DOWN, ConnectorVerdict.KEEP_RUNNING);
  }

  @Test
  void plan_savedAsJsonAndReadBack_isEqualAndAppliesLikeTheOriginal() {
    WorkspaceToAccountMigration migration = migration().build();
    ProvisioningMigrationPlan plan = migration.plan();

    ProvisioningMigrationPlan read = ProvisioningMigrationPlan.fromJson(plan.toJson());

    assertThat(read).isEqualTo(plan);
    assertThat(read.toJson()).isEqualTo(plan.toJson());
    assertThat(read.workspaces().get(2).uncovered()).contains("user:bo@example.com", "group:ops");
    ProvisioningMigrationReport report = migration.apply(read);
    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(server.state().groupByName("ops")).isPresent();
    assertThat(migration.plan().syncPlan().isEmpty()).isTrue();
  }

  @Test
  void fromJson_notAProvisioningPlan_failsWithoutRepeatingTheText() {
    String plan = migration().build().plan().toJson();

    assertThatThrownBy(() -> ProvisioningMigrationPlan.fromJson("{\"format\":\"secret-value\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"format\" must be")
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> ProvisioningMigrationPlan.fromJson("{not json secret-value"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("not a provisioning migration plan: malformed JSON");
    assertThatThrownBy(() -> ProvisioningMigrationPlan.fromJson(plan.replace("\"KEEP_RUNNING\"", "\"LATER\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown \"connector\" verdict of workspace "
            + WS3);
    assertThatThrownBy(() -> ProvisioningMigrationPlan.fromJson(plan.replace("\"syncPlan\"", "\"other\"")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"syncPlan\" must be");
    assertThatThrownBy(() -> ProvisioningMigrationPlan.fromJson(
        plan.replace("\"format\" : \"dbscim-provisioning-migration-plan/1\"", "\"format\" : \"dbscim-sync-plan/1\"")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProvisioningMigrationPlan.fromJson(
        plan.replaceFirst("\"directory\" : \\{", "\"directory\" : { \"unknownKey\" : 1,")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a provisioning migration plan: The directory has 1 problem")
        .hasMessageContaining("unknownKey");
  }

  @Test
  void apply_interruptedByAFailedCreate_reRunCompletesWithoutDuplicates() {
    WorkspaceToAccountMigration migration = migration().build();
    // A 5xx create is checked and re-sent by the client; a 400 is a clear failure that stops the step.
    server.failNext(Fault.status(400).on("POST", "/accounts/.*/Groups").times(1));

    ProvisioningMigrationReport first = migration.apply(migration.plan());
    assertThat(first.isSuccess()).isFalse();

    ProvisioningMigrationReport second = migration.run();

    assertThat(second.isSuccess()).as(second.summary()).isTrue();
    assertThat(second.syncReport().requests()).isPositive();
    assertThat(migration.plan().syncPlan().isEmpty()).isTrue();
    assertThat(server.state().groupByName("ops")).isPresent();
    assertThat(server.state().groupByName("data-eng")).isPresent();
  }

  @Test
  void plan_givenDirectoryAndExplicitFederation_givenEntriesWinAndUnlistedWorkspacesKeepRunning() {
    Directory idp = Directory.builder()
        .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").externalId("idp-ada").build(),
            DirectoryUser.builder("new@example.com").externalId("idp-new").build())
        .build();

    ProvisioningMigrationPlan plan = migration().directory(idp).federatedWorkspaces(WS1).build().plan();

    assertThat(plan.directory().users()).filteredOn(u -> u.userName().equals("ada@example.com")).singleElement()
        .satisfies(u -> assertThat(u.displayName()).contains("Ada Lovelace"));
    assertThat(plan.directory().users()).extracting(DirectoryUser::userName).contains("new@example.com");
    assertThat(plan.workspaces()).extracting(WorkspaceConnectorStatus::federated).containsExactly(true, false, false);
    assertThat(plan.workspaces().get(1).verdict()).isEqualTo(ConnectorVerdict.KEEP_RUNNING);
  }
}
