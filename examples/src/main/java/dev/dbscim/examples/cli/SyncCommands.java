package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.DirectoryProblem;
import dev.dbscim.client.sync.ImpactOptions;
import dev.dbscim.client.sync.InvalidDirectoryException;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What {@code plan}, {@code apply} and {@code demo} share: reading files, building engines, printing plans. */
final class SyncCommands {
  private static final String SAVE_PLAN_AGAIN = "save the plan again with 'dbscim plan --out PLANFILE'";

  private SyncCommands() {}

  /**
   * Reads a directory file. A file that is not UTF-8 or not complete JSON fails with one sentence naming it; other
   * format problems throw {@link InvalidDirectoryException}.
   */
  static Directory loadDirectory(Path file) {
    if (Files.isDirectory(file)) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "The directory file " + file + " is a folder, not a JSON file: "
          + "give the directory JSON file (for a folder of CSV files, plan and apply take --source csv).");
    }
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "There is no directory file " + file + ".");
    }
    try {
      return DirectoryJson.read(file);
    } catch (InvalidDirectoryException e) {
      List<DirectoryProblem> problems = e.problems();
      if (problems.size() == 1 && problems.get(0).code() == DirectoryProblem.Code.MALFORMED_JSON) {
        throw new CliFailure(DbscimCli.EXIT_INVALID_DIRECTORY,
            "The directory file " + file + " is " + problems.get(0).message() + ".", e);
      }
      throw e;
    }
  }

  /**
   * Loads the directory from the source the settings name: a JSON file, a CSV folder or Google. Format problems throw
   * {@link dev.dbscim.client.sync.InvalidDirectoryException}; usage problems a picocli {@code ParameterException}.
   */
  static Directory loadDirectory(Path file, SyncSettings settings, CliContext context,
      picocli.CommandLine.Model.CommandSpec spec) {
    String source = settings.source.trim().toLowerCase(java.util.Locale.ROOT);
    switch (source) {
      case "json":
        requireFile(file, spec, "a directory JSON file");
        return loadDirectory(file);
      case "csv":
        requireFile(file, spec, "a folder with users.csv, groups.csv and memberships.csv");
        if (Files.isRegularFile(file)) {
          throw new CliFailure(DbscimCli.EXIT_FAILURE, "With --source csv, FILE is a folder holding users.csv, "
              + "groups.csv and memberships.csv, but " + file + " is a file.");
        }
        try {
          return dev.dbscim.client.sync.csv.CsvDirectorySource.ofFolder(file).load();
        } catch (UncheckedIOException e) {
          // The source's message names the folder and the files it needs; the cause adds nothing for a person.
          throw new CliFailure(DbscimCli.EXIT_FAILURE, e.getMessage(), e);
        }
      case "google":
        return loadGoogle(file, settings, context, spec);
      default:
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--source must be json, csv or google, not '" + settings.source + "'");
    }
  }

  private static void requireFile(Path file, picocli.CommandLine.Model.CommandSpec spec, String what) {
    if (file == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing FILE: " + what);
    }
  }

  private static Directory loadGoogle(Path file, SyncSettings settings, CliContext context,
      picocli.CommandLine.Model.CommandSpec spec) {
    if (file != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--source google reads the directory from Google: give no FILE");
    }
    if (settings.googleSubject == null || settings.googleSubject.trim().isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--source google needs --google-subject EMAIL, the admin the service account acts as");
    }
    String keyFile = context.environment().get(dev.dbscim.client.sync.google.GoogleCredentials.KEY_FILE_VARIABLE);
    if (keyFile == null || keyFile.trim().isEmpty()) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "--source google needs the service-account key file in "
          + dev.dbscim.client.sync.google.GoogleCredentials.KEY_FILE_VARIABLE);
    }
    dev.dbscim.client.sync.google.GoogleDirectorySource.Builder google =
        dev.dbscim.client.sync.google.GoogleDirectorySource.builder()
            .credentials(dev.dbscim.client.sync.google.GoogleCredentials.serviceAccountKey(
                java.nio.file.Paths.get(keyFile.trim()), settings.googleSubject.trim()));
    if (settings.googleCustomer != null) {
      google.customer(settings.googleCustomer);
    }
    if (settings.googleDomain != null) {
      google.domain(settings.googleDomain);
    }
    if (!settings.googleOrgUnits.isEmpty()) {
      google.orgUnits(settings.googleOrgUnits);
    }
    if (settings.googleGroup != null) {
      google.provisioningGroup(settings.googleGroup);
    }
    if (settings.googleBaseUrl != null) {
      google.baseUrl(settings.googleBaseUrl);
    }
    if (settings.googleTokenUrl != null) {
      google.tokenUrl(settings.googleTokenUrl);
    }
    context.err().println("Reading the directory from Google ...");
    context.err().flush();
    dev.dbscim.client.sync.google.GoogleLoadReport report = google.build().loadWithReport();
    context.err().println("Read " + report.usersRead() + " user(s) and " + report.groupsRead() + " group(s) from "
        + "Google; left out " + report.usersSkipped() + " user(s), " + report.groupsSkipped() + " group(s) and "
        + report.skippedMembers().size() + " member(s) out of scope or of other kinds.");
    for (String warning : report.warnings()) {
      context.err().println("Warning: " + DbscimCli.sentence(warning));
    }
    context.err().flush();
    return report.directory();
  }

  /**
   * Reads a plan saved with {@code plan --out}. A byte order mark is skipped; a file that is not UTF-8, not complete
   * JSON or not a plan fails with one sentence naming it and where it goes wrong.
   */
  static SyncPlan loadPlan(Path file) {
    String planFile = "The plan file " + file;
    if (Files.isDirectory(file)) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, planFile + " is a folder: give the file that "
          + "'dbscim plan --out PLANFILE' saved.");
    }
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "There is no plan file " + file + ".");
    }
    try {
      return SyncPlan.read(file);
    } catch (UncheckedIOException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Cannot read the plan file " + file + ": "
          + e.getCause().getMessage(), e);
    } catch (IllegalArgumentException e) {
      // "not a sync plan: not UTF-8: ..." and "not a sync plan: not valid JSON ...": say what is wrong with the file.
      String reason = e.getMessage().replaceFirst("^not a sync plan: (?=not (UTF-8|valid JSON))", "");
      throw new CliFailure(DbscimCli.EXIT_FAILURE, reason.startsWith("not a sync plan")
          ? planFile + " is not a plan saved by 'dbscim plan --out': " + reason
          : planFile + " is " + reason + "; " + SAVE_PLAN_AGAIN, e);
    }
  }

  static void savePlan(SyncPlan plan, Path file) {
    try {
      Files.write(file, plan.toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Cannot write the plan to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns an engine of the session's target whose plans read the session's workspaces for their impact. */
  static SyncEngine engine(TargetSession session, SyncOptions options, int concurrency,
      SyncProgressListener listener) {
    SyncOptions withWorkspaces = options;
    if (options.impact().enabled() && !session.workspaceClients().isEmpty()) {
      withWorkspaces = options.toBuilder().impact(ImpactOptions.builder().from(options.impact())
          .putAllWorkspaceClients(session.workspaceClients()).build()).build();
    }
    return SyncEngine.builder()
        .target(session.target())
        .options(withWorkspaces)
        .concurrency(concurrency)
        .progressListener(listener)
        .build();
  }

  /** Prints the plan's summary and up to {@code maxRows} rows of its table, or "No changes.". */
  static void printPlan(PrintWriter out, SyncPlan plan, int maxRows) {
    out.print(plan.summary());
    if (plan.isEmpty()) {
      out.println("No changes.");
    } else {
      out.println();
      out.print(plan.table(maxRows));
    }
    out.flush();
  }
}
