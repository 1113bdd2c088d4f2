package dev.dbscim.examples.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * What the commands get from the outside world: the environment variables, standard input and output, whether a
 * person sits at a terminal, and how {@code fake} waits to be stopped. Tests make one with their own values, so that
 * nothing in the CLI reads {@code System.getenv()}, {@code System.console()} or {@code System.in} directly.
 */
final class CliContext {
  /** Blocks until the process is asked to stop; {@code fake} serves until then. */
  interface Waiter {
    void awaitStop() throws InterruptedException;
  }

  private final Map<String, String> environment;
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;
  private final Waiter waiter;
  private final StopSignals stopSignals;

  CliContext(Map<String, String> environment, Reader in, PrintWriter out, PrintWriter err, boolean interactive,
      Waiter waiter) {
    this(environment, in, out, err, interactive, waiter, StopSignals.none());
  }

  CliContext(Map<String, String> environment, Reader in, PrintWriter out, PrintWriter err, boolean interactive,
      Waiter waiter, StopSignals stopSignals) {
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    this.in = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.interactive = interactive;
    this.waiter = Objects.requireNonNull(waiter, "waiter");
    this.stopSignals = Objects.requireNonNull(stopSignals, "stopSignals");
  }

  /**
   * Returns the context of the real process: its environment, standard streams and console, and its SIGINT and
   * SIGTERM handling (this installs a shutdown hook; see {@link StopSignals}).
   */
  static CliContext system() {
    Charset charset = Charset.defaultCharset();
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    return new CliContext(System.getenv(), new InputStreamReader(System.in, charset),
        new PrintWriter(new OutputStreamWriter(System.out, charset), true),
        err,
        System.console() != null,
        () -> new CountDownLatch(1).await(),
        StopSignals.install(err));
  }

  Map<String, String> environment() {
    return environment;
  }

  /**
   * Returns whether any {@code DATABRICKS_*} variable is set (and not blank): then {@code plan} and {@code apply}
   * talk to Databricks, never to an embedded fake.
   */
  boolean hasDatabricksVariables() {
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (variable.getKey().startsWith("DATABRICKS_") && variable.getValue() != null
          && !variable.getValue().trim().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  BufferedReader in() {
    return in;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /**
   * Asks a question on stderr and reads the answer from stdin; anything but yes (or y) stops the command with exit 1
   * and "Nothing was changed: the plan was not confirmed."
   */
  void confirm(String question) {
    err.print(question + " Type 'yes' to go on: ");
    err.flush();
    String answer;
    try {
      answer = in.readLine();
    } catch (java.io.IOException e) {
      answer = null;
    }
    String normalized = answer == null ? "" : answer.trim().toLowerCase(java.util.Locale.ROOT);
    if (!normalized.equals("yes") && !normalized.equals("y")) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Nothing was changed: the plan was not confirmed.");
    }
  }

  /** Returns whether a person is at a terminal: then apply asks before changing anything, and progress is a bar. */
  boolean interactive() {
    return interactive;
  }

  Waiter waiter() {
    return waiter;
  }

  /** Returns what SIGINT and SIGTERM do: {@code apply} guards its changes with it. */
  StopSignals stopSignals() {
    return stopSignals;
  }
}
