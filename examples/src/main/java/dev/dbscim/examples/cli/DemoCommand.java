package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.ImpactNotAllowedException;
import dev.dbscim.client.sync.ImpactOptions;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import dev.dbscim.testkit.RecordedCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dbscim demo} (also what {@code dbscim} alone runs): provisions a realistic directory into an embedded fake
 * account, syncs again to show that a second run changes nothing, with times and request counts, then removes a user
 * who owns a scheduled job and a token to show the plan's impact and apply's refusal.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Provisions a realistic directory (about 2,000 users in 300 groups) into an embedded fake "
        + "Databricks account, then syncs again to show that the second run plans no changes, then removes a user "
        + "who owns a scheduled job and a token in a workspace: the plan shows what the removal breaks, apply "
        + "refuses it, and apply with impact allowed goes through.",
        "Never contacts Databricks, whatever DATABRICKS_* variables are set."})
final class DemoCommand implements Callable<Integer> {
  /** The bundled directory, on the class path. */
  static final String DEMO_DIRECTORY = "/dev/dbscim/examples/demo-directory.json";
  private static final int TABLE_ROWS = 10;

  private final CliContext context;

  /** The class path resource the demo reads without {@code --directory}; a test points it at a missing one. */
  String bundledDirectoryResource = DEMO_DIRECTORY;

  @Spec
  CommandSpec spec;

  @Option(names = "--directory", paramLabel = "FILE",
      description = "Use the directory in FILE instead of the bundled one.")
  Path directoryFile;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Requests at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int concurrency = 8;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (concurrency < 1 || concurrency > 64) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be between 1 and 64, not " + concurrency);
    }
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    if (context.hasDatabricksVariables()) {
      err.println("Note: the demo always runs against an embedded fake; DATABRICKS_* variables are used by plan and "
          + "apply only.");
    }
    String source = directoryFile == null ? "the bundled demo directory" : directoryFile.toString();
    Directory directory = directoryFile == null ? bundledDirectory() : SyncCommands.loadDirectory(directoryFile);
    out.println("dbscim demo: " + source + " has " + count(directory.users().size(), "user") + ", "
        + count(directory.servicePrincipals().size(), "service principal") + ", "
        + count(directory.groups().size(), "group") + " and "
        + count(directory.workspaceAssignments().size(), "workspace assignment") + ".");
    List<AutoCloseable> resources = new ArrayList<>();
    try (FakeScimServer fake = TargetSession.startFake(TargetSession.workspaceIds(directory), false, err)) {
      out.println("Started an embedded fake Databricks account at " + fake.url() + " with "
          + fake.workspaces().size() + " workspace(s).");
      out.println();
      ProgressPrinter progress = new ProgressPrinter(err, context.interactive(), System::nanoTime);
      WorkspaceLogins workspaces = WorkspaceLogins.ofFake(fake, Collections.emptyMap());
      resources.add(workspaces);
      SyncEngine engine = SyncEngine.builder()
          .target(SyncTarget.account(EmbeddedFakeClients.account(fake)))
          .options(SyncOptions.builder()
              .impact(ImpactOptions.builder().workspaceClients(workspaces.clients()).build())
              .build())
          .concurrency(concurrency)
          .progressListener(progress)
          .build();

      out.println("First sync (empty account):");
      out.flush();
      long started = System.nanoTime();
      SyncPlan plan = engine.plan(directory);
      long planned = System.nanoTime();
      Counts planReads = Counts.of(fake);
      SyncCommands.printPlan(out, plan, TABLE_ROWS);
      err.println("Applying " + plan.operations().size() + " change(s) ...");
      err.flush();
      long applyStarted = System.nanoTime();
      SyncReport report = engine.apply(plan);
      long applied = System.nanoTime();
      progress.finish();
      Counts applyCounts = Counts.of(fake);
      out.print(report.summary());
      out.println("First sync: planned in " + millis(started, planned) + " (" + planReads.describe() + "), applied in "
          + millis(applyStarted, applied) + " (" + applyCounts.describe() + "), "
          + rate(report.results().size(), applyStarted, applied) + ".");
      out.println();

      out.println("Second sync (same directory):");
      out.flush();
      started = System.nanoTime();
      SyncPlan again = engine.plan(directory);
      planned = System.nanoTime();
      Counts againReads = Counts.of(fake);
      SyncCommands.printPlan(out, again, TABLE_ROWS);
      out.println("Second sync: planned in " + millis(started, planned) + " (" + againReads.describe()
          + "); nothing to apply.");
      out.println();
      if (!again.isEmpty()) {
        throw new CliFailure(DbscimCli.EXIT_FAILURE, "The second sync planned " + again.operations().size()
            + " change(s) instead of none" + (report.isSuccess() ? "" : ", because the first one had failures") + ".");
      }
      if (!report.isSuccess()) {
        throw new CliFailure(DbscimCli.EXIT_FAILURE, "Some changes of the first sync failed; see above.");
      }
      Optional<Leaver> leaver = Leaver.find(directory, fake);
      if (leaver.isPresent()) {
        leave(engine, fake, directory, leaver.get(), out, err);
      }
      out.println("Next: 'dbscim plan FILE' and 'dbscim apply FILE' with your own directory JSON; with "
          + "DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID and DATABRICKS_TOKEN set they work on your account.");
      out.flush();
      return DbscimCli.EXIT_OK;
    } finally {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          // Closing clients releases connections only; nothing to report.
        }
      }
    }
  }

  /**
   * The third sync: a user who owns a scheduled job and a token in a workspace leaves the directory. The plan shows
   * what the deactivation breaks, apply refuses it, and apply with impact allowed goes through.
   */
  private void leave(SyncEngine engine, FakeScimServer fake, Directory directory, Leaver leaver, PrintWriter out,
      PrintWriter err) {
    FakeWorkspace workspace = leaver.workspace;
    workspace.addJob(leaver.userName, "nightly-revenue-report", true);
    workspace.addToken(leaver.userName, "laptop CLI");
    fake.clearRecordedRequests();   // count only the third sync's requests
    out.println("Third sync (" + leaver.userName + " left; they own a scheduled job and a token in workspace "
        + workspace.id() + "):");
    out.flush();
    SyncPlan plan = engine.plan(leaver.removedFrom(directory));
    Counts reads = Counts.of(fake);
    SyncCommands.printPlan(out, plan, TABLE_ROWS);
    out.println("Third sync: planned with " + reads.describe() + ".");
    SyncReport report;
    try {
      report = engine.apply(plan);
      out.println("Apply did not refuse: this plan read no impact.");
    } catch (ImpactNotAllowedException e) {
      out.println("Apply refused (" + Counts.of(fake).writes + " write requests sent): " + e.breaking().get(0));
      out.println("Applying with impact allowed (SyncPlan.allowImpact(); 'dbscim apply --allow-impact' on the "
          + "command line):");
      out.flush();
      report = engine.apply(plan.allowImpact());
    }
    err.flush();
    out.print(report.summary());
    out.println();
    if (!report.isSuccess()) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Some changes of the third sync failed; see above.");
    }
  }

  /** A user of the directory who has access to a workspace, whom the demo removes. */
  static final class Leaver {
    final String userName;
    final FakeWorkspace workspace;

    private Leaver(String userName, FakeWorkspace workspace) {
      this.userName = userName;
      this.workspace = workspace;
    }

    /**
     * Returns the first active user of the directory assigned to a workspace of the fake, directly or through
     * groups nested at any depth; none when no user has access.
     */
    static Optional<Leaver> find(Directory directory, FakeScimServer fake) {
      for (FakeWorkspace workspace : fake.workspaces()) {
        Set<String> users = new HashSet<>();
        Deque<String> groups = new ArrayDeque<>();
        for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
          if (assignment.workspaceId() != workspace.id()) {
            continue;
          }
          if (assignment.principalKind() == PrincipalKind.USER) {
            users.add(assignment.principalName());
          } else if (assignment.principalKind() == PrincipalKind.GROUP) {
            groups.add(assignment.principalName());
          }
        }
        Set<String> seen = new HashSet<>();
        while (!groups.isEmpty()) {
          String name = groups.pop();
          if (!seen.add(name)) {
            continue;
          }
          for (DirectoryGroup group : directory.groups()) {
            if (group.displayName().equals(name)) {
              users.addAll(group.memberUsers());
              groups.addAll(group.memberGroups());
            }
          }
        }
        for (DirectoryUser user : directory.users()) {
          if (user.active() && users.contains(user.userName())) {
            return Optional.of(new Leaver(user.userName(), workspace));
          }
        }
      }
      return Optional.empty();
    }

    /** Returns the directory without this user: not a user, not a member, not assigned. */
    Directory removedFrom(Directory directory) {
      List<DirectoryUser> users = new ArrayList<>();
      for (DirectoryUser user : directory.users()) {
        if (!user.userName().equals(userName)) {
          users.add(user);
        }
      }
      List<DirectoryGroup> groups = new ArrayList<>();
      for (DirectoryGroup group : directory.groups()) {
        List<String> members = new ArrayList<>(group.memberUsers());
        groups.add(members.remove(userName) ? DirectoryGroup.builder().from(group).memberUsers(members).build()
            : group);
      }
      List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>();
      for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
        if (assignment.principalKind() != PrincipalKind.USER || !assignment.principalName().equals(userName)) {
          assignments.add(assignment);
        }
      }
      return directory.toBuilder().users(users).groups(groups).workspaceAssignments(assignments).build();
    }
  }

  private Directory bundledDirectory() {
    InputStream stream = DemoCommand.class.getResourceAsStream(bundledDirectoryResource);
    if (stream == null) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "This build has no bundled demo directory (class path resource "
          + bundledDirectoryResource + "); run 'dbscim demo --directory FILE' with a directory JSON file instead.");
    }
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      return DirectoryJson.read(reader);
    } catch (IOException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Cannot read the bundled demo directory: " + e.getMessage(), e);
    }
  }

  private static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String millis(long from, long to) {
    return TimeUnit.NANOSECONDS.toMillis(to - from) + " ms";
  }

  private static String rate(int operations, long from, long to) {
    double seconds = Math.max(to - from, 1) / 1e9;
    return String.format(Locale.ROOT, "%.0f changes/s", operations / seconds);
  }

  /** The requests the fake received since the last count, which it then forgets. */
  static final class Counts {
    final int reads;
    final int writes;

    private Counts(int reads, int writes) {
      this.reads = reads;
      this.writes = writes;
    }

    static Counts of(FakeScimServer fake) {
      List<RecordedCall> calls = fake.recordedRequests();
      fake.clearRecordedRequests();
      int reads = 0;
      for (RecordedCall call : calls) {
        if (call.method().equals("GET")) {
          reads++;
        }
      }
      return new Counts(reads, calls.size() - reads);
    }

    String describe() {
      return reads + " read request(s), " + writes + " write request(s)";
    }
  }
}
