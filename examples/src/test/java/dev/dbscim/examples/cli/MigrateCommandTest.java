package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.migrate.GroupMigrationPlan;
import dev.dbscim.testkit.FakeScimServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MigrateCommandTest {
  @Test
  void migrateGroups_withoutApply_isADryRunOnTheEmbeddedFake() {
    CliRun run = CliRun.run("migrate", "groups");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("embedded fake").contains("Dry run: nothing was changed");
    assertThat(run.out).contains("analysts").contains("data-engineers");
  }

  @Test
  void migrateGroups_apply_migratesEverythingWithPermissionsAndSaysSo() {
    CliRun run = CliRun.run("migrate", "groups", "--apply");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Every group is migrated.").contains("Permissions moved to account groups:");
  }

  @Test
  void migrateGroups_applyAtATerminal_asksFirst_andYesSkipsTheQuestion() {
    CliRun refused = CliRun.run(new HashMap<>(), "no\n", true, "migrate", "groups", "--apply");

    assertThat(refused.exitCode).as(refused.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(refused.err).contains("Type 'yes' to go on").contains("Nothing was changed");
    assertThat(refused.out).doesNotContain("Every group is migrated.");

    CliRun confirmed = CliRun.run(new HashMap<>(), "yes\n", true, "migrate", "groups", "--apply");
    assertThat(confirmed.exitCode).as(confirmed.toString()).isZero();
    assertThat(confirmed.out).contains("Every group is migrated.");

    CliRun skipped = CliRun.run(new HashMap<>(), "", true, "migrate", "groups", "--apply", "--yes");
    assertThat(skipped.exitCode).as(skipped.toString()).isZero();
    assertThat(skipped.err).doesNotContain("Type 'yes'");
  }

  @Test
  void cliWords_namesTheFlagInsteadOfTheJavaOption() {
    assertThat(MigrateCommand.cliWords("account group x exists with other members; enable mergeOnNameClash to add"))
        .contains("run with --merge-on-name-clash").doesNotContain("mergeOnNameClash");
  }

  @Test
  void migrateGroups_help_namesTheEnvironmentVariablesAndExitCodes() {
    CliRun run = CliRun.run("migrate", "groups", "--help");

    assertThat(run.out).contains("DATABRICKS_WORKSPACE_TOKEN").contains("DATABRICKS_ACCOUNT_ID")
        .contains("DATABRICKS_CLIENT_SECRET").contains("Exit codes").contains("--permission-batch-size");
  }

  @Test
  void migrateGroups_json_printsAReadablePlan() {
    CliRun run = CliRun.run("migrate", "groups", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(GroupMigrationPlan.fromJson(run.out.trim()).isEmpty()).isFalse();
  }

  @Test
  void migrateProvisioning_apply_reportsWhichConnectorsCanBeShutDown() {
    CliRun run = CliRun.run("migrate", "provisioning", "--apply");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("linus@example.com").contains("keep-running").contains("migrate-local-groups-first");
  }

  @Test
  void migrate_withoutAMigration_orWithoutWorkspacesForARealAccount_isAUsageError() {
    assertThat(CliRun.run("migrate").exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    try (FakeScimServer server = FakeScimServer.builder().workspaces(1).build().start()) {
      Map<String, String> environment = new HashMap<>();
      environment.put("DATABRICKS_HOST", server.url().toString());
      environment.put("DATABRICKS_ACCOUNT_ID", server.accountId());
      environment.put("DATABRICKS_TOKEN", server.accountToken());
      CliRun run = CliRun.run(environment, "migrate", "groups");
      assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
      assertThat(run.err).contains("--workspace ID=HOST");
      CliRun bad = CliRun.run(environment, "migrate", "provisioning", "--workspace", "abc=x");
      assertThat(bad.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    }
  }
}
