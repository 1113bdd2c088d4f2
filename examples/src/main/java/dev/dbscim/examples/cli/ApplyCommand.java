package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.DeletionThresholdExceededException;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.SyncCancellation;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbscim apply FILE} or {@code dbscim apply --plan PLANFILE}: plans (or reads a plan) and applies it. */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Plans a sync of the directory in FILE and applies it, or applies a plan saved with "
        + "'dbscim plan --out PLANFILE'.",
        "Asks before changing anything when run at a terminal (--yes skips the question). Exit codes: 0 applied, "
            + "1 some changes failed or an error, 2 refused by the deletion threshold or because removals break "
            + "active objects (see --allow-impact), 3 invalid directory, "
            + "4 the saved plan no longer matches a fresh plan (nothing sent), 64 usage error, 130 stopped by Ctrl-C "
            + "or SIGTERM (the partial report is printed).",
        "A saved plan is verified before anything is sent: the current state is read again and the plan must be "
            + "exactly what a fresh plan from the directory it records would do. The deletion threshold is this "
            + "run's (--max-removals, --max-removal-percent), never the file's, and so is --allow-impact.",
        SyncSettings.IMPACT_HELP})
final class ApplyCommand implements Callable<Integer> {
  private static final int TABLE_ROWS = 20;
  /** How long a signal waits for the report beyond the engine's grace period for the running steps. */
  private static final Duration REPORT_WAIT = Duration.ofSeconds(5);

  private final CliContext context;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The directory JSON file (a CSV folder with --source csv; none with --source google).")
  Path file;

  @Option(names = "--plan", paramLabel = "PLANFILE", description = "Apply this saved plan instead of planning.")
  Path planFile;

  @Option(names = {"-y", "--yes"}, description = "Apply without asking.")
  boolean yes;

  @Mixin
  SyncSettings settings = new SyncSettings();

  ApplyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    boolean fromDirectory = file != null || (planFile == null && !settings.needsFile());
    if (fromDirectory == (planFile != null)) {
      throw new ParameterException(spec.commandLine(),
          "Give either a directory FILE or --plan PLANFILE, not " + (file == null ? "neither" : "both"));
    }
    settings.checkConcurrency(spec);
    Directory directory = null;
    SyncPlan saved = null;
    SortedSet<Long> workspaceIds;
    if (planFile != null && settings.removalPolicy != null) {
      throw new ParameterException(spec.commandLine(), "--removal-policy shapes a new plan; the saved plan in "
          + planFile + " already has its own (the deletion threshold options do apply to it)");
    }
    SyncOptions options = settings.options(spec);
    Map<Long, String> workspaceHosts = settings.workspaceHosts();
    if (planFile != null) {
      saved = SyncCommands.loadPlan(planFile);
      workspaceIds = TargetSession.workspaceIds(saved);
    } else {
      directory = SyncCommands.loadDirectory(file, settings, context, spec);
      workspaceIds = TargetSession.workspaceIds(directory);
    }
    PrintWriter err = context.err();
    PrintWriter text = settings.json ? err : context.out();
    try (TargetSession session = TargetSession.open(context, settings.workspaceHost, workspaceIds, workspaceHosts,
        settings.workspaceTokenFile)) {
      ProgressPrinter progress = new ProgressPrinter(err, context.interactive(), System::nanoTime);
      SyncEngine engine = SyncCommands.engine(session, options, settings.concurrency, progress);
      String target = session.target().description();
      SyncPlan plan;
      if (saved != null) {
        if (!saved.target().equals(target) || saved.targetKind() != session.target().kind()) {
          throw new CliFailure(DbscimCli.EXIT_FAILURE, "The plan in " + planFile + " was made for " + saved.target()
              + ", but this run targets " + target + "; apply a plan only to the target it was made for"
              + (session.fake().isPresent()
                  ? " (without DATABRICKS_* variables every run starts a new embedded fake)" : "") + ".");
        }
        err.println("Reading the current state of " + target + " to verify the saved plan ...");
        err.flush();
        plan = engine.verify(saved);
      } else {
        err.println("Reading the current state of " + target + " ...");
        err.flush();
        plan = engine.plan(directory);
      }
      SyncCommands.printPlan(text, plan, TABLE_ROWS);
      if (plan.exceedsDeletionThreshold()) {
        if (!settings.allowRemovalsAboveThreshold) {
          throw new DeletionThresholdExceededException(plan.removalCount(), plan.managedPrincipalCount(),
              plan.deletionThreshold());
        }
        plan = plan.allowRemovalsAboveThreshold();
      }
      // Refuses breaking removals before asking or sending anything (the engine would, after the question).
      engine.checkAllowed(plan);
      if (plan.isEmpty() && !settings.json) {
        return DbscimCli.EXIT_OK;
      }
      if (!plan.isEmpty() && context.interactive() && !yes) {
        confirm(plan, target);
      }
      if (!plan.isEmpty()) {
        err.println("Applying " + plan.operations().size() + " change(s) to " + target + " ...");
        err.flush();
      }
      SyncCancellation cancellation = SyncCancellation.create();
      SyncReport report;
      // On SIGINT or SIGTERM: no new step starts, the running ones finish, and the partial report is printed.
      try (StopSignals.Guard guard = context.stopSignals().guard(() -> {
        progress.stopping(engine.stopGracePeriod());
        cancellation.cancel();
      }, engine.stopGracePeriod().plus(REPORT_WAIT))) {
        report = engine.apply(plan, cancellation);
        progress.finish();
        if (settings.json) {
          context.out().println(ReportJson.write(report));
        } else {
          context.out().print(report.summary());
        }
        context.out().flush();
      }
      if (cancellation.cancelled()) {
        return DbscimCli.EXIT_INTERRUPTED;
      }
      return report.isSuccess() ? DbscimCli.EXIT_OK : DbscimCli.EXIT_FAILURE;
    }
  }

  private void confirm(SyncPlan plan, String target) {
    context.confirm("Apply these " + plan.operations().size() + " change(s) to " + target + "?");
  }
}
