package dev.dbscim.examples.cli;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in this JVM with an injected environment, input and terminal flag, capturing its output. */
final class CliRun {
  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CliRun run(String... args) {
    return run(Collections.emptyMap(), "", false, args);
  }

  static CliRun run(Map<String, String> environment, String... args) {
    return run(environment, "", false, args);
  }

  static CliRun run(Map<String, String> environment, String input, boolean interactive, String... args) {
    return run(environment, input, interactive, commandLine -> { }, args);
  }

  /** Runs the CLI after {@code setup} has adjusted its command line, such as a package-private seam of a command. */
  static CliRun run(Consumer<CommandLine> setup, String... args) {
    return run(Collections.emptyMap(), "", false, setup, args);
  }

  private static CliRun run(Map<String, String> environment, String input, boolean interactive,
      Consumer<CommandLine> setup, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(new LinkedHashMap<>(environment), new StringReader(input),
        new PrintWriter(out, true), new PrintWriter(err, true), interactive, () -> { });
    CommandLine commandLine = DbscimCli.commandLine(context);
    setup.accept(commandLine);
    int code = commandLine.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Returns the variables of a "real" account: the given fake, reached like Databricks. */
  static Map<String, String> accountEnvironment(dev.dbscim.testkit.FakeScimServer server) {
    Map<String, String> environment = new java.util.HashMap<>();
    environment.put("DATABRICKS_HOST", server.url().toString());
    environment.put("DATABRICKS_ACCOUNT_ID", server.accountId());
    environment.put("DATABRICKS_TOKEN", server.accountToken());
    return environment;
  }

  /** Returns the path of a test resource of this package. */
  static String resource(String name) {
    try {
      return Paths.get(CliRun.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path resourcePath(String name) {
    return Paths.get(resource(name));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
