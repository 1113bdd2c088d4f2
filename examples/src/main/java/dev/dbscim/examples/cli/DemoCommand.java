package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dbscim demo} (also what {@code dbscim} alone runs): provisions a realistic directory into an embedded fake
 * account, then syncs again to show that a second run changes nothing, with times and request counts.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Provisions a realistic directory (about 2,000 users in 300 groups) into an embedded fake "
        + "Databricks account, then syncs again to show that the second run plans no changes.",
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
    try (FakeScimServer fake = TargetSession.startFake(TargetSession.workspaceIds(directory), false, err)) {
      out.println("Started an embedded fake Databricks account at " + fake.url() + " with "
          + fake.workspaces().size() + " workspace(s).");
      out.println();
      ProgressPrinter progress = new ProgressPrinter(err, context.interactive(), System::nanoTime);
      SyncEngine engine = SyncEngine.builder()
          .target(SyncTarget.account(EmbeddedFakeClients.account(fake)))
          .options(SyncOptions.defaults())
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
      out.println("Next: 'dbscim plan FILE' and 'dbscim apply FILE' with your own directory JSON; with "
          + "DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID and DATABRICKS_TOKEN set they work on your account.");
      out.flush();
      return DbscimCli.EXIT_OK;
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
