package dev.dbscim.examples.cli;

import dev.dbscim.testkit.FakeScimLauncher;
import dev.dbscim.testkit.FakeScimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dbscim fake}: serves the standalone fake Databricks account until the process is killed. */
@Command(name = "fake", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Starts a fake Databricks account (account SCIM, workspaces, workspace assignments) on loopback, "
        + "prints one JSON line with its URLs, account id and test tokens, and serves until killed (Ctrl-C).",
        "For tests only: its /_fake/ control API takes no token."})
final class FakeCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "The account host's port (default: a free one).")
  Integer port;

  @Option(names = "--workspaces", paramLabel = "K",
      description = "K workspaces with identity federation, ids from 1001 (default: 1).")
  Integer workspaces;

  @Option(names = "--non-federated", paramLabel = "M",
      description = "M workspaces without identity federation, numbered after the others (default: 0).")
  Integer nonFederated;

  @Option(names = "--account-id", paramLabel = "ID", description = "The account id (default: a random UUID).")
  String accountId;

  FakeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<String> args = new ArrayList<>();
    add(args, "--port", port);
    add(args, "--workspaces", workspaces);
    add(args, "--non-federated", nonFederated);
    if (accountId != null) {
      args.add("--account-id");
      args.add(accountId);
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    FakeScimServer server;
    try (PrintStream print = new PrintStream(line, true, StandardCharsets.UTF_8.name())) {
      server = FakeScimLauncher.launch(args.toArray(new String[0]), print);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    Thread hook = new Thread(server::close, "dbscim-fake-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      context.out().print(new String(line.toByteArray(), StandardCharsets.UTF_8));
      context.out().flush();
      context.err().println("The fake serves until this process is killed (Ctrl-C). To point dbscim at it, set "
          + "DATABRICKS_HOST to its url, DATABRICKS_ACCOUNT_ID to its accountId and DATABRICKS_TOKEN to its "
          + "accountToken, from the line above.");
      context.err().flush();
      context.waiter().awaitStop();
      return DbscimCli.EXIT_OK;
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down; the hook closes the fake too.
      }
    }
  }

  private static void add(List<String> args, String name, Integer value) {
    if (value != null) {
      args.add(name);
      args.add(Integer.toString(value));
    }
  }
}
