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
