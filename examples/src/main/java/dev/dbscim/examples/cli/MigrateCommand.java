package dev.dbscim.examples.cli;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.migrate.GroupMigrationOptions;
import dev.dbscim.client.migrate.GroupMigrationPlan;
import dev.dbscim.client.migrate.GroupMigrationReport;
import dev.dbscim.client.migrate.GroupMigrationResult;
import dev.dbscim.client.migrate.GroupMigrationResult.Outcome;
import dev.dbscim.client.migrate.PlannedGroupMigration;
import dev.dbscim.client.migrate.ProvisioningMigrationPlan;
import dev.dbscim.client.migrate.ProvisioningMigrationReport;
import dev.dbscim.client.migrate.WorkspaceGroupMigration;
import dev.dbscim.client.migrate.WorkspaceToAccountMigration;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.examples.MigrationFakeSetup;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dbscim migrate groups|provisioning}: the two migrations, planned (a dry run) unless {@code --apply} is given.
 * Without {@code DATABRICKS_*} variables both run against an embedded fake seeded with workspace-level principals and
 * nested workspace-local groups in two federated workspaces and one without federation.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Migrates workspace-local groups to account groups, or workspace-level SCIM provisioning to the "
        + "account. Plans only (a dry run) unless --apply is given."},
    subcommands = {MigrateCommand.Groups.class, MigrateCommand.Provisioning.class})
final class MigrateCommand implements Callable<Integer> {
  private final CliContext context;

  MigrateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    throw new CliFailure(DbscimCli.EXIT_USAGE, "Name a migration: 'migrate groups' or 'migrate provisioning'");
  }

  /** Where the migration runs: the embedded fake or the configured account and workspaces. */
  private static final class Session implements AutoCloseable {
    final FakeScimServer fake;
    final ScimAccountClient account;
    final Map<Long, ScimWorkspaceClient> workspaces = new LinkedHashMap<>();
    final Clock clock;
    final Sleeper sleeper;

    Session(CliContext context, Map<Long, String> workspaceHosts) {
      if (!context.hasDatabricksVariables()) {
        context.err().println("No DATABRICKS_* variables are set: migrating inside an embedded fake Databricks "
            + "seeded with workspace-level principals and local groups.");
        context.err().flush();
        fake = MigrationFakeSetup.start();
        account = EmbeddedFakeClients.account(fake);
        for (FakeWorkspace workspace : fake.workspaces()) {
          if (workspaceHosts.isEmpty() || workspaceHosts.containsKey(workspace.id())) {
            workspaces.put(workspace.id(), EmbeddedFakeClients.workspace(fake, workspace.id()));
          }
        }
        FakeClock fakeClock = (FakeClock) fake.clock();
        clock = fakeClock;
        sleeper = fakeClock::advance;
        return;
      }
      if (workspaceHosts.isEmpty()) {
        throw new CliFailure(DbscimCli.EXIT_USAGE, "Name at least one workspace with --workspace ID=HOST");
      }
      fake = null;
      Map<String, String> environment = context.environment();
      account = ScimAccountClient.fromEnvironment(environment);
      for (Map.Entry<Long, String> workspace : workspaceHosts.entrySet()) {
        Map<String, String> workspaceEnvironment = new HashMap<>(environment);
        workspaceEnvironment.put("DATABRICKS_HOST", workspace.getValue());
        if (environment.containsKey("DATABRICKS_WORKSPACE_TOKEN")) {
          workspaceEnvironment.put("DATABRICKS_TOKEN", environment.get("DATABRICKS_WORKSPACE_TOKEN"));
        }
        workspaces.put(workspace.getKey(), ScimWorkspaceClient.fromEnvironment(workspaceEnvironment));
      }
      clock = Clock.systemUTC();
      sleeper = Sleeper.system();
    }

    @Override
    public void close() {
      workspaces.values().forEach(ScimWorkspaceClient::close);
      account.close();
      if (fake != null) {
        fake.close();
      }
    }
  }

  static Map<Long, String> parseWorkspaces(List<String> specs) {
    Map<Long, String> hosts = new LinkedHashMap<>();
    for (String spec : specs) {
      int equals = spec.indexOf('=');
      try {
        long id = Long.parseLong(equals < 0 ? spec.trim() : spec.substring(0, equals).trim());
        String host = equals < 0 ? "" : spec.substring(equals + 1).trim();
        if (!host.isEmpty()) {
          URI.create(host);
        }
        hosts.put(id, host);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(DbscimCli.EXIT_USAGE,
            "--workspace takes ID=HOST, such as 1234567890=https://adb-1234567890.12.azuredatabricks.net; got '"
                + spec + "'");
      }
    }
    return hosts;
  }

  /** {@code migrate groups}: workspace-local groups to account groups. */
  @Command(name = "groups", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Moves a workspace's local groups to account groups with the same members: create or match the "
          + "account group, rename the local group out of the way, assign the account group to the workspace, and "
          + "move the local group's permissions to the account group with the permission migration API, and "
          + "(with --delete-local-groups, once no permission is left on it) delete the renamed local group. "
          + "Resumable: run it again after an interruption.",
        "Asks before changing anything when run at a terminal (--yes skips the question).",
        "Environment: DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID and DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID with "
            + "DATABRICKS_CLIENT_SECRET) for the account; DATABRICKS_WORKSPACE_TOKEN for the workspace (default: "
            + "the account credentials). Without DATABRICKS_* variables it runs against an embedded fake.",
        "Exit codes: 0 every group the plan could move was migrated; 1 a group failed or was left (blocked, "
            + "skipped, name clash), or the plan was not confirmed; 64 usage error."})
  static final class Groups implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    MigrateCommand parent;

    @Option(names = "--workspace", paramLabel = "ID=HOST",
        description = "The workspace (required with DATABRICKS_* variables; default in the fake: the first one).")
    String workspace;

    @Option(names = "--apply", description = "Run the migration (default: only print the plan).")
    boolean apply;

    @Option(names = "--delete-local-groups", description = "Delete the renamed local groups once validated.")
    boolean deleteLocalGroups;

    @Option(names = "--rename-prefix", paramLabel = "PREFIX",
        description = "Prefix for renamed local groups (default: ${DEFAULT-VALUE}).")
    String renamePrefix = GroupMigrationOptions.DEFAULT_RENAME_PREFIX;

    @Option(names = "--merge-on-name-clash",
        description = "Use an account group with the same name even when its members differ.")
    boolean mergeOnNameClash;

    @Option(names = "--permission-batch-size", paramLabel = "N",
        description = "Permissions moved per permission migration request (default: ${DEFAULT-VALUE}, as ucx).")
    int permissionBatchSize = 1000;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking.")
    boolean yes;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
      CliContext context = parent.context;
      List<String> specs = new ArrayList<>();
      if (workspace != null) {
        specs.add(workspace);
      }
      try (Session session = new Session(context, parseWorkspaces(specs))) {
        long workspaceId = session.workspaces.keySet().iterator().next();
        WorkspaceGroupMigration migration = WorkspaceGroupMigration.builder()
            .accountClient(session.account)
            .workspaceClient(session.workspaces.get(workspaceId))
            .workspaceId(workspaceId)
            .options(GroupMigrationOptions.builder().renamePrefix(renamePrefix).mergeOnNameClash(mergeOnNameClash)
                .dangerouslyDeleteLocalGroups(deleteLocalGroups).permissionBatchSize(permissionBatchSize).build())
            .clock(session.clock)
            .sleeper(session.sleeper)
            .build();
        PrintWriter out = context.out();
        GroupMigrationPlan plan = migration.plan();
        if (json) {
          out.println(plan.toJson());
        } else {
          out.print(plan.summary());
          out.print(cliWords(plan.table()));
        }
        if (!apply) {
          context.err().println("Dry run: nothing was changed. Run again with --apply to migrate.");
          return DbscimCli.EXIT_OK;
        }
        if (plan.isEmpty()) {
          out.println("Nothing to do.");
          return left(plan) == 0 ? DbscimCli.EXIT_OK : DbscimCli.EXIT_FAILURE;
        }
        if (context.interactive() && !yes) {
          confirm(context, plan, workspaceId);
        }
        GroupMigrationReport report = migration.apply(plan);
        out.print(cliWords(report.summary()));
        int left = 0;
        for (GroupMigrationResult result : report.results()) {
          if (result.outcome() != Outcome.MIGRATED && result.outcome() != Outcome.ALREADY_DONE) {
            left++;
          }
        }
        if (left == 0) {
          out.println("Every group is migrated.");
          return DbscimCli.EXIT_OK;
        }
        out.println(left + " group(s) not migrated (listed above with the reason); fix what is named and run the "
            + "migration again.");
        return DbscimCli.EXIT_FAILURE;
      } finally {
        context.out().flush();
        context.err().flush();
      }
    }
  }

  /** Names the command-line flag where the library's message names the Java option. */
  static String cliWords(String text) {
    return text.replace("enable mergeOnNameClash", "run with --merge-on-name-clash");
  }

  /** Returns how many groups the plan cannot migrate (blocked or name clash). */
  static int left(GroupMigrationPlan plan) {
    return plan.count(PlannedGroupMigration.Status.BLOCKED) + plan.count(PlannedGroupMigration.Status.NAME_CLASH);
  }

  /** Asks at a terminal before the migration changes anything; anything but yes stops with nothing changed. */
  static void confirm(CliContext context, GroupMigrationPlan plan, long workspaceId) {
    int groups = 0;
    for (PlannedGroupMigration group : plan.groups()) {
      if (group.actionable()) {
        groups++;
      }
    }
    context.confirm("Migrate " + groups + " group(s) in workspace " + workspaceId
        + (plan.deletesLocalGroups() ? ", deleting the renamed local groups" : "") + "?");
  }


  /** {@code migrate provisioning}: workspace-level SCIM provisioning to account-level provisioning. */
  @Command(name = "provisioning", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Builds the account-level directory from the workspaces' principals, checks that every identity "
          + "their workspace-level connectors provision is covered, provisions the account and assigns the "
          + "principals to their workspaces, then says which workspace-level connectors can be shut down."})
  static final class Provisioning implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    MigrateCommand parent;

    @Option(names = "--workspace", paramLabel = "ID=HOST",
        description = "A workspace to migrate; repeat it (default in the fake: all).")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--federated", paramLabel = "ID", split = ",",
        description = "Workspaces known to use identity federation (default: detected from their assignments).")
    List<Long> federated = new ArrayList<>();

    @Option(names = "--apply", description = "Provision the account (default: only print the plan).")
    boolean apply;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
      CliContext context = parent.context;
      try (Session session = new Session(context, parseWorkspaces(workspaces))) {
        WorkspaceToAccountMigration.Builder builder = WorkspaceToAccountMigration.builder()
            .accountClient(session.account).clock(session.clock);
        session.workspaces.forEach(builder::addWorkspace);
        if (!federated.isEmpty()) {
          builder.federatedWorkspaces(federated.stream().mapToLong(Long::longValue).toArray());
        }
        WorkspaceToAccountMigration migration = builder.build();
        PrintWriter out = context.out();
        ProvisioningMigrationPlan plan = migration.plan();
        if (json) {
          out.println(plan.toJson());
        } else {
          out.print(plan.summary());
          out.print(plan.syncPlan().table(50));
          out.print(plan.table());
        }
        if (!apply) {
          context.err().println("Dry run: nothing was changed. Run again with --apply to provision the account.");
          return DbscimCli.EXIT_OK;
        }
        ProvisioningMigrationReport report = migration.apply(plan);
        out.print(report.summary());
        out.print(report.table());
        return report.isSuccess() ? DbscimCli.EXIT_OK : DbscimCli.EXIT_FAILURE;
      } finally {
        context.out().flush();
        context.err().flush();
      }
    }
  }
}
