package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.migrate.GroupMigrationPlan;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    assertThat(run.out).contains("Every group is migrated.").contains("Permissions moved to account groups: 3");
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

  /** Adds local groups (one member each) to the embedded fake's first workspace, next to its two. */
  static void seedGroups(picocli.CommandLine commandLine, int count) {
    MigrateCommand.Groups groups = commandLine.getSubcommands().get("migrate").getSubcommands().get("groups")
        .getCommand();
    groups.seedFake = fake -> {
      long workspaceId = fake.workspaces().get(0).id();
      for (int i = 0; i < count; i++) {
        String user = fake.state().seed(workspaceId, User.builder().userName("member" + i + "@example.com").build())
            .id().orElseThrow();
        fake.state().seed(workspaceId, Group.builder().displayName(String.format("team-%02d", i))
            .addMembers(ComplexValue.of(user)).build());
      }
    };
  }

  @Test
  void migrateGroups_applyNotAtATerminal_saysTheTimeUpFront_andPrintsAPlainProgressLineAtLeastEveryFiveSeconds() {
    CliRun run = CliRun.run(commandLine -> seedGroups(commandLine, 18), "migrate", "groups", "--apply");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Time at the limits: 20 rename(s) at 10 a minute take at least 1m54s "
        + "((20 - 1) x 6s), plus the time each rename takes to show in the workspace's group lists (up to 2m00s "
        + "each).");
    List<String> lines = run.err.lines().filter(line -> line.startsWith("Progress: ")).collect(Collectors.toList());
    // On the fake's clock every group takes 15 s (its renames show in lists after 15 s), so each ends past the 5 s
    // mark of the last line: one line per group, and none redrawn.
    assertThat(lines).as(run.err).hasSize(20);
    assertThat(run.err).doesNotContain("\r");
    Pattern line = Pattern.compile("Progress: (\\d+)/20 \\(\\d+%\\), \\d+\\.\\d/min, ETA \\S+");
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).matches(line).startsWith("Progress: " + (i + 1) + "/20 (");
    }
    assertThat(lines.get(0)).isEqualTo("Progress: 1/20 (5%), 4.0/min, ETA 4m45s");
    assertThat(lines.get(19)).isEqualTo("Progress: 20/20 (100%), 4.0/min, ETA 0s");
  }

  @Test
  void migrateGroups_dryRun_saysTheTimeAtTheLimitsToo() {
    CliRun run = CliRun.run("migrate", "groups");

    assertThat(run.out).contains("Time at the limits: 2 rename(s) at 10 a minute take at least 6s ((2 - 1) x 6s)");
  }
}
