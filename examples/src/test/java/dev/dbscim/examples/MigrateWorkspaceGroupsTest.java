package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.migrate.GroupMigrationOptions;
import dev.dbscim.client.migrate.GroupMigrationReport;
import dev.dbscim.client.migrate.GroupMigrationResult.Outcome;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MigrateWorkspaceGroupsTest {
  @Test
  void run_againstTheSeededFake_migratesNestedGroupsAndLeavesNothingToDo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (FakeScimServer fake = MigrationFakeSetup.start()) {
      FakeClock clock = (FakeClock) fake.clock();
      long workspaceId = fake.workspaces().get(0).id();

      GroupMigrationReport report = MigrateWorkspaceGroups.run(EmbeddedFakeClients.account(fake),
          EmbeddedFakeClients.workspace(fake, workspaceId), workspaceId, GroupMigrationOptions.defaults(), clock, clock::advance,
          true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      assertThat(report.count(Outcome.MIGRATED)).isEqualTo(2);
      assertThat(fake.state().groupByName("data-engineers").get().workspaceLocal()).isFalse();
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("2 migrate")
        .contains("analysts")
        .contains("create-account-group,rename-local-group,assign-account-group,migrate-permissions")
        .contains("2 migrated")
        .contains("nothing left to do");
  }

  @Test
  void run_withoutApply_isADryRunThatSendsNoWrites() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (FakeScimServer fake = MigrationFakeSetup.start()) {
      FakeClock clock = (FakeClock) fake.clock();
      long workspaceId = fake.workspaces().get(0).id();
      fake.clearRecordedRequests();

      MigrateWorkspaceGroups.run(EmbeddedFakeClients.account(fake), EmbeddedFakeClients.workspace(fake, workspaceId), workspaceId,
          GroupMigrationOptions.defaults(), clock, clock::advance, false,
          new PrintStream(bytes, true, StandardCharsets.UTF_8));

      assertThat(fake.recordedRequests()).allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Dry run");
  }
}
