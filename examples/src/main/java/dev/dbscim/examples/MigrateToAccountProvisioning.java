package dev.dbscim.examples;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.migrate.ProvisioningMigrationPlan;
import dev.dbscim.client.migrate.ProvisioningMigrationReport;
import dev.dbscim.client.migrate.WorkspaceToAccountMigration;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves identity provisioning from workspace-level SCIM connectors to the account with
 * {@link WorkspaceToAccountMigration}: builds the account-level directory from the workspaces, prints the sync plan and
 * each workspace's connector verdict, applies it, and prints the verdicts again.
 *
 * <p>With no {@code DATABRICKS_HOST} in the environment it starts the embedded fake Databricks from scim-testkit with
 * two identity-federated workspaces and one without federation, each with principals a connector provisioned. With
 * {@code DATABRICKS_HOST}, {@code DATABRICKS_ACCOUNT_ID} and {@code DATABRICKS_TOKEN} (or
 * {@code DATABRICKS_CLIENT_ID}/{@code DATABRICKS_CLIENT_SECRET}) for the account, plus
 * {@code DATABRICKS_WORKSPACE_HOST}, {@code DATABRICKS_WORKSPACE_ID} and optionally {@code DATABRICKS_WORKSPACE_TOKEN}
 * for one workspace, it plans against those and prints the plan only (a dry run); pass {@code --apply} to provision
 * the account. Set {@code DATABRICKS_FEDERATED=true} or {@code false} to state the workspace's identity federation
 * instead of detecting it.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.MigrateToAccountProvisioning}.
 */
public final class MigrateToAccountProvisioning {
  private MigrateToAccountProvisioning() {}

  /**
   * Runs the migration against the embedded fake, or against a real account and workspace when configured.
   *
   * @param args {@code --apply} (real accounts only)
   */
  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    if (environment.containsKey("DATABRICKS_HOST")) {
      long workspaceId = Long.parseLong(MigrateWorkspaceGroups.required(environment, "DATABRICKS_WORKSPACE_ID"));
      try (ScimAccountClient account = ScimAccountClient.fromEnvironment();
          ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment(
              MigrateWorkspaceGroups.workspaceEnvironment(environment))) {
        Map<Long, ScimWorkspaceClient> workspaces = new LinkedHashMap<>();
        workspaces.put(workspaceId, workspace);
        String federated = environment.get("DATABRICKS_FEDERATED");
        List<Long> federatedIds = federated == null ? null
            : Boolean.parseBoolean(federated) ? Arrays.asList(workspaceId) : new ArrayList<>();
        run(account, workspaces, federatedIds, Arrays.asList(args).contains("--apply"), System.out);
      }
      return;
    }
    try (FakeScimServer fake = MigrationFakeSetup.start()) {
      Map<Long, ScimWorkspaceClient> workspaces = new LinkedHashMap<>();
      for (FakeWorkspace workspace : fake.workspaces()) {
        workspaces.put(workspace.id(), EmbeddedFakeClients.workspace(fake, workspace.id()));
      }
      run(EmbeddedFakeClients.account(fake), workspaces, null, true, System.out);
    }
  }

  static ProvisioningMigrationReport run(ScimAccountClient account, Map<Long, ScimWorkspaceClient> workspaces,
      List<Long> federatedWorkspaces, boolean apply, PrintStream out) {
    WorkspaceToAccountMigration.Builder builder = WorkspaceToAccountMigration.builder()
        .accountClient(account)
        .clock(Clock.systemUTC());
    workspaces.forEach(builder::addWorkspace);
    if (federatedWorkspaces != null) {
      builder.federatedWorkspaces(federatedWorkspaces.stream().mapToLong(Long::longValue).toArray());
    }
    WorkspaceToAccountMigration migration = builder.build();
    ProvisioningMigrationPlan plan = migration.plan();
    out.print(plan.summary());
    out.print(plan.syncPlan().table());
    out.print(plan.table());
    if (!apply) {
      out.println("Dry run: nothing was changed. Run with --apply to provision the account.");
      return null;
    }
    ProvisioningMigrationReport report = migration.apply(plan);
    out.print(report.summary());
    out.print(report.table());
    return report;
  }
}
