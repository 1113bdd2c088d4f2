package dev.dbscim.examples;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.migrate.GroupMigrationOptions;
import dev.dbscim.client.migrate.GroupMigrationPlan;
import dev.dbscim.client.migrate.GroupMigrationReport;
import dev.dbscim.client.migrate.GroupMigrationResult;
import dev.dbscim.client.migrate.WorkspaceGroupMigration;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the workspace-local groups of a workspace to account groups with {@link WorkspaceGroupMigration}: plan,
 * print, apply, print the report, and plan again to show that nothing is left.
 *
 * <p>With no {@code DATABRICKS_HOST} in the environment it starts the embedded fake Databricks from scim-testkit,
 * seeded with nested local groups, and runs the whole migration there (renames are paced and awaited on the fake's
 * clock, so it finishes at once). With {@code DATABRICKS_HOST}, {@code DATABRICKS_ACCOUNT_ID} and
 * {@code DATABRICKS_TOKEN} (or {@code DATABRICKS_CLIENT_ID}/{@code DATABRICKS_CLIENT_SECRET}) for the account, plus
 * {@code DATABRICKS_WORKSPACE_HOST}, {@code DATABRICKS_WORKSPACE_ID} and optionally {@code DATABRICKS_WORKSPACE_TOKEN}
 * (otherwise the account credentials are used) for the workspace, it plans against that real workspace and only
 * prints the plan (a dry run); pass {@code --apply} to run it, and {@code --delete-local-groups} as well to delete the
 * renamed local groups after validation.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.MigrateWorkspaceGroups}.
 */
public final class MigrateWorkspaceGroups {
  private MigrateWorkspaceGroups() {}

  /**
   * Runs the migration against the embedded fake, or against a real workspace when configured.
   *
   * @param args {@code --apply} and {@code --delete-local-groups} (real workspaces only)
   */
  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    List<String> flags = Arrays.asList(args);
    if (environment.containsKey("DATABRICKS_HOST")) {
      long workspaceId = Long.parseLong(required(environment, "DATABRICKS_WORKSPACE_ID"));
      try (ScimAccountClient account = ScimAccountClient.fromEnvironment();
          ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment(workspaceEnvironment(environment))) {
        GroupMigrationOptions options = GroupMigrationOptions.builder()
            .dangerouslyDeleteLocalGroups(flags.contains("--delete-local-groups")).build();
        run(account, workspace, workspaceId, options, Clock.systemUTC(), Sleeper.system(), flags.contains("--apply"),
            System.out);
      }
      return;
    }
    try (FakeScimServer fake = MigrationFakeSetup.start()) {
      FakeClock clock = (FakeClock) fake.clock();
      run(EmbeddedFakeClients.account(fake), EmbeddedFakeClients.workspace(fake, fake.workspaces().get(0).id()), fake.workspaces().get(0).id(),
          GroupMigrationOptions.defaults(), clock, clock::advance, true, System.out);
    }
  }

  static Map<String, String> workspaceEnvironment(Map<String, String> environment) {
    Map<String, String> workspace = new HashMap<>(environment);
    workspace.put("DATABRICKS_HOST", required(environment, "DATABRICKS_WORKSPACE_HOST"));
    if (environment.containsKey("DATABRICKS_WORKSPACE_TOKEN")) {
      workspace.put("DATABRICKS_TOKEN", environment.get("DATABRICKS_WORKSPACE_TOKEN"));
    }
    return workspace;
  }

  static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalStateException(name + " is required");
    }
    return value.trim();
  }

  static GroupMigrationReport run(ScimAccountClient account, ScimWorkspaceClient workspace, long workspaceId,
      GroupMigrationOptions options, Clock clock, Sleeper sleeper, boolean apply, PrintStream out) {
    WorkspaceGroupMigration migration = WorkspaceGroupMigration.builder()
        .accountClient(account)
        .workspaceClient(workspace)
        .workspaceId(workspaceId)
        .options(options)
        .clock(clock)
        .sleeper(sleeper)
        .build();
    GroupMigrationPlan plan = migration.plan();
    out.print(plan.summary());
    out.print(plan.table());
    if (!apply) {
      out.println("Dry run: nothing was changed. Run with --apply to migrate.");
      return null;
    }
    GroupMigrationReport report = migration.apply(plan);
    out.print(report.summary());
    out.print(report.table());
    out.println("After the migration: " + (report.isSuccess() && report.count(GroupMigrationResult.Outcome.BLOCKED)
        + report.count(GroupMigrationResult.Outcome.SKIPPED) == 0 ? "nothing left to do." : "groups remain; run again."));
    return report;
  }
}
