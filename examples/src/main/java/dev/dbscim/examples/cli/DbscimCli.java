package dev.dbscim.examples.cli;

import dev.dbscim.client.error.DbscimException;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.client.sync.DeletionThresholdExceededException;
import dev.dbscim.client.sync.DirectoryProblem;
import dev.dbscim.client.sync.ImpactNotAllowedException;
import dev.dbscim.client.sync.InvalidDirectoryException;
import dev.dbscim.client.sync.StalePlanException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code dbscim} command line: keeps a Databricks account (or one workspace without identity federation) in step
 * with a directory JSON file, using the sync engine of {@code dev.dbscim.client.sync}.
 *
 * <pre>
 * java -jar examples/target/dbscim-cli.jar                  # the demo, against an embedded fake
 * java -jar examples/target/dbscim-cli.jar plan directory.json
 * java -jar examples/target/dbscim-cli.jar apply directory.json --removal-policy deactivate
 * java -jar examples/target/dbscim-cli.jar fake             # a fake account to point scripts at
 * </pre>
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_FAILURE} some operations failed or another error,
 * {@value #EXIT_THRESHOLD} plan refused by the deletion threshold or because its removals break active objects, {@value #EXIT_INVALID_DIRECTORY} invalid
 * directory, {@value #EXIT_STALE_PLAN} saved plan refused as stale, {@value #EXIT_USAGE} usage error,
 * {@value #EXIT_INTERRUPTED} apply stopped by Ctrl-C (SIGINT) or SIGTERM after printing its partial report. Errors are
 * sentences on standard error; {@code --debug} adds stack
 * traces.
 */
@Command(name = "dbscim", mixinStandardHelpOptions = true, versionProvider = DbscimCli.Version.class,
    description = {"Keeps a Databricks account in step with a directory of users, service principals and groups.",
        "Without a command it runs the demo against an embedded fake."},
    subcommands = CommandLine.HelpCommand.class)
public final class DbscimCli implements Callable<Integer> {
  /** The exit code of a successful run. */
  public static final int EXIT_OK = 0;
  /** The exit code when some operations failed, or of any other error. */
  public static final int EXIT_FAILURE = 1;
  /** The exit code when apply refused a plan above the deletion threshold, or whose removals break active objects. */
  public static final int EXIT_THRESHOLD = 2;
  /** The exit code when the directory is invalid. */
  public static final int EXIT_INVALID_DIRECTORY = 3;
  /** The exit code when a saved plan no longer matches a fresh plan and was refused before anything was sent. */
  public static final int EXIT_STALE_PLAN = 4;
  /** The exit code of usage errors (sysexits' EX_USAGE). */
  public static final int EXIT_USAGE = 64;
  /** The exit code of an apply stopped by SIGINT or SIGTERM (128 + SIGINT's number, as shells report Ctrl-C). */
  public static final int EXIT_INTERRUPTED = 130;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
  boolean debug;

  DbscimCli() {}

  /**
   * Runs the command line and exits with its exit code. On SIGINT or SIGTERM during an apply, it stops the apply,
   * prints the partial report and exits with {@value #EXIT_INTERRUPTED}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    CliContext context = CliContext.system();
    int code = execute(context, args);
    context.stopSignals().exiting();
    System.exit(code);
  }

  /** Runs the command line in this process and returns the exit code; never exits. */
  static int execute(CliContext context, String... args) {
    return commandLine(context).execute(args);
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new DbscimCli());
    commandLine.addSubcommand(new DemoCommand(context));
    commandLine.addSubcommand(new PlanCommand(context));
    commandLine.addSubcommand(new ApplyCommand(context));
    commandLine.addSubcommand(new FakeCommand(context));
    commandLine.addSubcommand(new MigrateCommand(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setParameterExceptionHandler(DbscimCli::usageError);
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) ->
        failure(exception, command.getErr(), debugRequested(parseResult)));
    return commandLine;
  }

  /** Runs the demo: what {@code dbscim} does without a command. */
  @Override
  public Integer call() {
    return ((DemoCommand) spec.commandLine().getSubcommands().get("demo").getCommand()).call();
  }

  private static int usageError(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(sentence(exception.getMessage()));
    if (exception instanceof UnmatchedArgumentException) {
      UnmatchedArgumentException.printSuggestions((UnmatchedArgumentException) exception, err);
    }
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' to see the usage.");
    err.flush();
    return EXIT_USAGE;
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** Explains an exception from a command in sentences and returns the exit code it ends the run with. */
  static int failure(Exception exception, PrintWriter err, boolean debug) {
    int code = EXIT_FAILURE;
    String unresolvedHost = unresolvedHost(exception);
    if (unresolvedHost != null) {
      exception = new CliFailure(EXIT_FAILURE, "Cannot resolve the host " + unresolvedHost + ": check DATABRICKS_HOST "
          + "(or --workspace-host) for a typo, and that this machine can reach its DNS server.", exception);
    }
    if (exception instanceof CliFailure) {
      code = ((CliFailure) exception).exitCode();
      err.println(sentence(exception.getMessage()));
    } else if (exception instanceof InvalidDirectoryException) {
      code = EXIT_INVALID_DIRECTORY;
      List<DirectoryProblem> problems = ((InvalidDirectoryException) exception).problems();
      err.println("The directory is not valid: it has " + problems.size()
          + (problems.size() == 1 ? " problem." : " problems.") + " Nothing was sent.");
      for (DirectoryProblem problem : problems) {
        err.println("  - " + sentence(problem.message() + " (at "
            + (problem.location().isEmpty() ? "the top level" : problem.location()) + ")"));
      }
    } else if (exception instanceof DeletionThresholdExceededException) {
      code = EXIT_THRESHOLD;
      DeletionThresholdExceededException refused = (DeletionThresholdExceededException) exception;
      err.println("The plan deactivates or deletes " + refused.removals() + " of " + refused.managedPrincipals()
          + " managed principals, more than the deletion threshold allows (" + refused.threshold().maxRemovals()
          + " removals or " + percent(refused.threshold().maxPercent()) + "%), so nothing was changed.");
      err.println("Review the plan; to apply it anyway, run apply again with --allow-removals-above-threshold "
          + "(or raise --max-removals / --max-removal-percent).");
    } else if (exception instanceof ImpactNotAllowedException) {
      code = EXIT_THRESHOLD;
      List<String> breaking = ((ImpactNotAllowedException) exception).breaking();
      err.println("The plan's removals would break active objects of " + breaking.size() + " principal"
          + (breaking.size() == 1 ? "" : "s") + ", so nothing was changed:");
      for (String line : breaking) {
        err.println("  - " + line);
      }
      err.println("Review the plan (give the objects new owners first, or accept that they stop); to apply it "
          + "anyway, run apply again with --allow-impact.");
    } else if (exception instanceof StalePlanException) {
      code = EXIT_STALE_PLAN;
      err.println(exception.getMessage());
      err.println("Run 'dbscim plan' again, review the new plan, and apply that one.");
    } else if (exception instanceof ScimUnauthorizedException) {
      err.println("Databricks did not accept the credentials (HTTP 401): check DATABRICKS_TOKEN, or "
          + "DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET. " + sentence(exception.getMessage()));
    } else if (exception instanceof ScimForbiddenException) {
      err.println("Databricks refused the request (HTTP 403): the credentials need account admin rights (or "
          + "workspace admin rights with --workspace-host). " + sentence(exception.getMessage()));
    } else if (exception instanceof ScimException) {
      err.println("A request to Databricks failed: " + sentence(exception.getMessage()));
    } else if (exception instanceof DbscimException) {
      // The rest of the SDK's tree (a directory source that failed, an interrupted read): its message says it all.
      err.println(sentence(exception.getMessage()));
    } else if (exception instanceof UncheckedIOException) {
      Throwable cause = exception.getCause() == null ? exception : exception.getCause();
      err.println(sentence(exception.getMessage() + ": " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : " " + cause.getMessage())));
    } else if (exception instanceof IllegalStateException || exception instanceof IllegalArgumentException) {
      err.println(sentence(exception.getMessage()));
    } else {
      err.println("Unexpected error: " + exception.getClass().getSimpleName()
          + (exception.getMessage() == null ? "." : ": " + sentence(exception.getMessage())));
    }
    if (debug) {
      exception.printStackTrace(err);
    } else if (code == EXIT_FAILURE && !(exception instanceof CliFailure)) {
      err.println("(Run again with --debug for the stack trace.)");
    }
    err.flush();
    return code;
  }

  /** Returns the host named by an {@link UnknownHostException} among the causes, or null when there is none. */
  private static String unresolvedHost(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof UnknownHostException && cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return cause.getMessage();
      }
    }
    return null;
  }

  private static String percent(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** Returns the text as a sentence: a capital first letter and a full stop at the end. */
  static String sentence(String text) {
    if (text == null || text.trim().isEmpty()) {
      return "Something went wrong.";
    }
    String trimmed = text.trim();
    String first = trimmed.substring(0, 1).toUpperCase(Locale.ROOT);
    String rest = trimmed.substring(1);
    char last = trimmed.charAt(trimmed.length() - 1);
    return first + rest + (last == '.' || last == '!' || last == '?' ? "" : ".");
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = DbscimCli.class.getPackage().getImplementationVersion();
      return new String[] {"dbscim " + (version == null ? "(development build)" : version)};
    }
  }
}
