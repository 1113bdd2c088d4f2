package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbscim plan FILE}: shows what a sync would change, sending only reads. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Shows what a sync of the directory in FILE would change, sending only reads.",
        "Talks to the account in DATABRICKS_HOST/DATABRICKS_ACCOUNT_ID (or to --workspace-host) when DATABRICKS_* "
            + "variables are set, else to a fresh embedded fake.",
        SyncSettings.IMPACT_HELP})
final class PlanCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The directory JSON file (a CSV folder with --source csv; none with --source google).")
  Path file;

  @Option(names = "--out", paramLabel = "PLANFILE",
      description = "Also save the plan as JSON in PLANFILE, for 'dbscim apply --plan PLANFILE'.")
  Path out;

  @Mixin
  SyncSettings settings = new SyncSettings();

  PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SyncOptions options = settings.options(spec);
    Map<Long, String> workspaceHosts = settings.workspaceHosts();
    if (settings.allowRemovalsAboveThreshold) {
      context.err().println("Note: --allow-removals-above-threshold is not saved with a plan; give it to apply.");
    }
    if (settings.allowImpact) {
      context.err().println("Note: --allow-impact is not saved with a plan; give it to apply.");
    }
    Directory directory = SyncCommands.loadDirectory(file, settings, context, spec);
    try (TargetSession session = TargetSession.open(context, settings.workspaceHost,
        TargetSession.workspaceIds(directory), workspaceHosts, settings.workspaceTokenFile)) {
      SyncEngine engine =
          SyncCommands.engine(session, options, settings.concurrency, SyncProgressListener.none());
      context.err().println("Reading the current state of " + session.target().description() + " ...");
      context.err().flush();
      SyncPlan plan = engine.plan(directory);
      if (out != null) {
        SyncCommands.savePlan(plan, out);
        context.err().println("Saved the plan to " + out + "; apply it with: dbscim apply --plan " + out
            + (session.fake().isPresent() ? " (against the same target; this embedded fake stops now)" : ""));
      }
      if (settings.json) {
        context.out().println(plan.toJson());
      } else {
        SyncCommands.printPlan(context.out(), plan, Integer.MAX_VALUE);
      }
      context.out().flush();
      return DbscimCli.EXIT_OK;
    }
  }
}
