package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code plan}, {@code apply} and {@code demo} share: reading files, building engines, printing plans. */
final class SyncCommands {
  private SyncCommands() {}

  /** Reads a directory file; format problems throw {@link dev.dbscim.client.sync.InvalidDirectoryException}. */
  static Directory loadDirectory(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "There is no directory file " + file + ".");
    }
    return DirectoryJson.read(file);
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
        if (!Files.isDirectory(file)) {
          throw new CliFailure(DbscimCli.EXIT_FAILURE, "There is no CSV folder " + file + ".");
        }
        return dev.dbscim.client.sync.csv.CsvDirectorySource.ofFolder(file).load();
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
    context.err().flush();
    return report.directory();
  }

  /** Reads a plan saved with {@code plan --out}. */
  static SyncPlan loadPlan(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "There is no plan file " + file + ".");
    }
    String json;
    try {
      json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Cannot read the plan file " + file + ": " + e.getMessage(), e);
    }
    try {
      return SyncPlan.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE,
          file + " is not a plan saved by 'dbscim plan --out': " + e.getMessage(), e);
    }
  }

  static void savePlan(SyncPlan plan, Path file) {
    try {
      Files.write(file, plan.toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Cannot write the plan to " + file + ": " + e.getMessage(), e);
    }
  }

  static SyncEngine engine(TargetSession session, SyncOptions options, int concurrency,
      SyncProgressListener listener) {
    return SyncEngine.builder()
        .target(session.target())
        .options(options)
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
