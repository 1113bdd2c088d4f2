package dev.dbscim.examples.cli;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.client.migrate.AttributeConflict;
import dev.dbscim.client.migrate.ConflictOverrides;
import dev.dbscim.client.migrate.ConflictRule;
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
import dev.dbscim.client.sync.SyncCancellation;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.examples.MigrationFakeSetup;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    final WorkspaceLogins logins;
    final Map<Long, ScimWorkspaceClient> workspaces;
    final Clock clock;
    final Sleeper sleeper;

    Session(CliContext context, Map<Long, String> workspaceHosts, Path tokenFile) {
      this(context, workspaceHosts, tokenFile, fake -> { });
    }

    /** Opens the session; {@code seedFake} adds to the embedded fake's seed (tests). */
    Session(CliContext context, Map<Long, String> workspaceHosts, Path tokenFile, Consumer<FakeScimServer> seedFake) {
      if (!context.hasDatabricksVariables()) {
        context.err().println("No DATABRICKS_* variables are set: migrating inside an embedded fake Databricks "
            + "seeded with workspace-level principals and local groups.");
        context.err().flush();
        fake = MigrationFakeSetup.start();
        seedFake.accept(fake);
        account = EmbeddedFakeClients.account(fake);
        logins = WorkspaceLogins.ofFake(fake, workspaceHosts);
        workspaces = logins.clients();
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
      try {
        logins = WorkspaceLogins.open(environment, workspaceHosts, tokenFile);
      } catch (RuntimeException e) {
        account.close();
        throw e;
      }
      workspaces = logins.clients();
      clock = Clock.systemUTC();
      sleeper = Sleeper.system();
    }

    /**
     * Explains a failed request with the workspace it went to: the host that cannot be resolved, or (for HTTP 401
     * and 403) the first of the account and the workspaces that refuses a one-item read, with where its token came
     * from. Returns the exception unchanged when it cannot tell.
     */
    RuntimeException explain(RuntimeException failure) {
      if (fake != null) {
        return failure;
      }
      Optional<CliFailure> unknownHost = logins.explainUnknownHost(failure);
      if (unknownHost.isPresent()) {
        return unknownHost.get();
      }
      if (!(failure instanceof ScimUnauthorizedException || failure instanceof ScimForbiddenException)) {
        return failure;
      }
      if (WorkspaceLogins.refuses(() -> account.users().list(q -> q.count(1)).iterator().hasNext())) {
        return new CliFailure(DbscimCli.EXIT_FAILURE, "The account (DATABRICKS_HOST) refused its credentials ("
            + WorkspaceLogins.status(failure) + "): DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and "
            + "DATABRICKS_CLIENT_SECRET, need account admin rights. " + DbscimCli.sentence(failure.getMessage()),
            failure);
      }
      Optional<CliFailure> refused = logins.explainRefusal(failure);
      return refused.isPresent() ? refused.get() : failure;
    }

    @Override
    public void close() {
      logins.close();
      account.close();
      if (fake != null) {
        fake.close();
      }
    }
  }

  /** {@code migrate groups}: workspace-local groups to account groups. */
  @Command(name = "groups", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Moves a workspace's local groups to account groups with the same members: create or match the "
          + "account group, rename the local group out of the way, assign the account group to the workspace, and "
          + "move the local group's permissions to the account group with the permission migration API, and "
          + "(with --delete-local-groups, once no permission is left on it) delete the renamed local group. "
          + "Resumable: run it again after an interruption.",
        "Asks before changing anything when run at a terminal (--yes skips the question). Says how long the "
            + "renames take at the limits (10 a minute: 6 s per group after the first, plus the time each rename "
            + "takes to show in group lists) and shows progress on standard error. Ctrl-C or SIGTERM stops cleanly: "
            + "no new group or step starts, the request being sent finishes, the partial report is printed.",
        "Environment: DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID and DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID with "
            + "DATABRICKS_CLIENT_SECRET) for the account; DATABRICKS_WORKSPACE_TOKEN_<ID>, else "
            + "DATABRICKS_WORKSPACE_TOKEN, for workspace <ID> (default: the account credentials). Without DATABRICKS_* variables it runs against an embedded fake.",
        "Exit codes: 0 every group the plan could move was migrated; 1 a group failed or was left (blocked, "
            + "skipped, name clash), or the plan was not confirmed; 64 usage error; 130 stopped by Ctrl-C or "
            + "SIGTERM (run it again to continue)."})
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

    /** Adds to the embedded fake's seed before the run: a seam for tests. */
    Consumer<FakeScimServer> seedFake = fake -> { };

    @Override
    public Integer call() {
      CliContext context = parent.context;
      List<String> specs = new ArrayList<>();
      if (workspace != null) {
        specs.add(workspace);
      }
      try (Session session = new Session(context, WorkspaceLogins.parseWorkspaces(specs), null, seedFake)) {
        long workspaceId = session.workspaces.keySet().iterator().next();
        Clock clock = session.clock;
        ProgressPrinter progress = new ProgressPrinter(context.err(), context.interactive(),
            () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
        WorkspaceGroupMigration migration = WorkspaceGroupMigration.builder()
            .accountClient(session.account)
            .workspaceClient(session.workspaces.get(workspaceId))
            .workspaceId(workspaceId)
            .options(GroupMigrationOptions.builder().renamePrefix(renamePrefix).mergeOnNameClash(mergeOnNameClash)
                .dangerouslyDeleteLocalGroups(deleteLocalGroups).permissionBatchSize(permissionBatchSize).build())
            .clock(session.clock)
            .sleeper(session.sleeper)
            .listener((result, state) -> progress.update(state.done(), state.total(), state.failed(),
                state.ratePerSecond(), state.estimatedTimeLeft().orElse(null)))
            .build();
        PrintWriter out = context.out();
        GroupMigrationPlan plan = migration.plan();
        if (json) {
          out.println(plan.toJson());
        } else {
          out.print(plan.summary());
          out.print(cliWords(plan.table()));
        }
        estimate(json ? context.err() : out, migration, plan);
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
        SyncCancellation cancellation = SyncCancellation.create();
        GroupMigrationReport report;
        // On SIGINT or SIGTERM: no new group or step starts, the request being sent finishes, the report is printed.
        try (StopSignals.Guard guard = context.stopSignals().guard(() -> {
          progress.finish();
          context.err().println("Interrupted: no new group or step starts; the request being sent finishes, then "
              + "the report follows.");
          context.err().flush();
          cancellation.cancel();
        }, STOP_WAIT)) {
          report = migration.apply(plan, cancellation);
          progress.finish();
          out.print(cliWords(report.summary()));
          if (report.interrupted()) {
            out.println("Stopped before the end: run the same command again to continue where it stopped.");
          }
          out.flush();
        }
        if (report.interrupted()) {
          return DbscimCli.EXIT_INTERRUPTED;
        }
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

  /** How long a signal waits for the running request (up to the client's timeout) and the report. */
  static final Duration STOP_WAIT = Duration.ofSeconds(65);

  /**
   * Says how long the plan's renames take at the limits: {@code (R - 1) x 60 s / renamesPerMinute}, plus the time
   * each rename takes to show in workspace group lists, which only Databricks knows.
   */
  static void estimate(PrintWriter out, WorkspaceGroupMigration migration, GroupMigrationPlan plan) {
    int renames = WorkspaceGroupMigration.renames(plan);
    if (renames == 0) {
      return;
    }
    int perMinute = migration.options().renamesPerMinute();
    out.println("Time at the limits: " + renames + " rename(s) at " + perMinute + " a minute take at least "
        + ProgressPrinter.duration(migration.estimatedDuration(plan)) + " ((" + renames + " - 1) x "
        + ProgressPrinter.duration(Duration.ofMinutes(1).dividedBy(perMinute)) + "), plus the time each rename takes to show in the workspace's group lists (up to "
        + ProgressPrinter.duration(migration.options().renameTimeout()) + " each).");
  }

  static final String ENVIRONMENT_FOOTER = "%nEnvironment (without any DATABRICKS_* variable the command runs "
      + "against an embedded fake):%n"
      + "  DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID  the account console and account id%n"
      + "  DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET  the account admin's credentials%n"
      + "  DATABRICKS_WORKSPACE_TOKEN_<ID>  the token of workspace <ID> (after --workspace-token-file)%n"
      + "  DATABRICKS_WORKSPACE_TOKEN  the token of every other workspace (default: the account's credentials)";

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
          + "principals to their workspaces, then says which workspace-level connectors can be shut down. Principals "
          + "whose attributes differ between workspaces are conflicts: the plan lists them, and --apply refuses "
          + "until --on-conflict, --prefer-workspace or --conflict-file settles them."},
      footer = ENVIRONMENT_FOOTER)
  static final class Provisioning implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    MigrateCommand parent;

    @Option(names = "--workspace", paramLabel = "ID=HOST",
        description = "A workspace to migrate; repeat it (default in the fake: all).")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--federated", paramLabel = "ID", split = ",",
        description = "Workspaces known to use identity federation (default: detected from their assignments).")
    List<Long> federated = new ArrayList<>();

    @Option(names = "--workspace-token-file", paramLabel = "FILE",
        description = "A file of <workspaceId>=<token> lines (# starts a comment): the token of each workspace. "
            + "Default per workspace: DATABRICKS_WORKSPACE_TOKEN_<ID>, then DATABRICKS_WORKSPACE_TOKEN, then the "
            + "account's credentials.")
    Path workspaceTokenFile;

    @Option(names = "--on-conflict", paramLabel = "RULE",
        description = "How to settle a principal whose attributes differ between workspaces: refuse (the default: "
            + "list the conflicts and do not apply), keep-account (keep the account's current value).")
    String onConflict = "refuse";

    @Option(names = "--prefer-workspace", paramLabel = "ID", split = ",",
        description = "Settle conflicts with the value of these workspaces, first one first.")
    List<Long> preferWorkspaces = new ArrayList<>();

    @Option(names = "--conflict-file", paramLabel = "FILE",
        description = "A JSON file of chosen values per principal and attribute (see docs/migrations.md); wins over "
            + "--on-conflict and --prefer-workspace.")
    Path conflictFile;

    @Option(names = "--apply", description = "Provision the account (default: only print the plan).")
    boolean apply;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
      CliContext context = parent.context;
      ConflictOverrides overrides;
      try {
        overrides = conflictFile == null ? ConflictOverrides.empty() : ConflictOverrides.read(conflictFile);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(DbscimCli.EXIT_USAGE, "--conflict-file " + conflictFile + ": " + e.getMessage());
      }
      ConflictRule rule = conflictRule();
      try (Session session = new Session(context, WorkspaceLogins.parseWorkspaces(workspaces), workspaceTokenFile)) {
        WorkspaceToAccountMigration.Builder builder = WorkspaceToAccountMigration.builder()
            .accountClient(session.account).clock(session.clock).conflictRule(rule).conflictOverrides(overrides);
        session.workspaces.forEach(builder::addWorkspace);
        if (!federated.isEmpty()) {
          builder.federatedWorkspaces(federated.stream().mapToLong(Long::longValue).toArray());
        }
        if (!preferWorkspaces.isEmpty()) {
          builder.preferredWorkspaces(preferWorkspaces.stream().mapToLong(Long::longValue).toArray());
        }
        WorkspaceToAccountMigration migration = builder.build();
        PrintWriter out = context.out();
        try {
          ProvisioningMigrationPlan plan = migration.plan();
          if (json) {
            out.println(plan.toJson());
          } else {
            out.print(plan.summary());
            out.print(plan.conflictTable());
            out.print(plan.syncPlan().table(50));
            out.print(plan.table());
          }
          if (!apply) {
            context.err().println("Dry run: nothing was changed. Run again with --apply to provision the account.");
            return DbscimCli.EXIT_OK;
          }
          if (!plan.unresolvedConflicts().isEmpty()) {
            throw unresolved(plan.unresolvedConflicts());
          }
          ProvisioningMigrationReport report = migration.apply(plan);
          out.print(report.summary());
          out.print(report.table());
          return report.isSuccess() ? DbscimCli.EXIT_OK : DbscimCli.EXIT_FAILURE;
        } catch (ScimException e) {
          throw session.explain(e);
        }
      } finally {
        context.out().flush();
        context.err().flush();
      }
    }

    private ConflictRule conflictRule() {
      String rule = onConflict.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      if (rule.equals("refuse")) {
        return ConflictRule.REFUSE;
      }
      if (rule.equals("keep-account")) {
        return ConflictRule.KEEP_ACCOUNT;
      }
      throw new CliFailure(DbscimCli.EXIT_USAGE, "--on-conflict takes refuse or keep-account (to prefer a "
          + "workspace's values, use --prefer-workspace ID); got '" + onConflict + "'");
    }

    private static CliFailure unresolved(List<AttributeConflict> conflicts) {
      StringBuilder message = new StringBuilder("The workspaces disagree on ").append(conflicts.size())
          .append(conflicts.size() == 1 ? " attribute" : " attributes").append(" of principals, so nothing was "
              + "changed. Settle them with --on-conflict keep-account, --prefer-workspace ID[,ID...] or "
              + "--conflict-file FILE, then run again:");
      for (int i = 0; i < conflicts.size() && i < 20; i++) {
        message.append("\n  - ").append(conflicts.get(i).describe());
      }
      if (conflicts.size() > 20) {
        message.append("\n  ... and ").append(conflicts.size() - 20).append(" more");
      }
      return new CliFailure(DbscimCli.EXIT_FAILURE, message.toString());
    }
  }
}
