package dev.dbscim.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a run. The JVM runs its shutdown hooks on both signals while the command
 * goes on in the main thread; the hook installed here asks the running apply, if any, to stop, waits (bounded) until
 * the command has printed its partial report, and ends the process with {@value DbscimCli#EXIT_INTERRUPTED} for both
 * signals. Outside an apply a signal ends the run as the JVM does by default (nothing is being changed then). A run
 * that ends normally calls {@link #exiting()} before {@code System.exit}, so that the hook does nothing.
 */
final class StopSignals {
  /** Ends the process without running the other hooks: {@code Runtime::halt}, or a recorder in tests. */
  interface Halt {
    void halt(int status);
  }

  private final PrintWriter err;
  private final Halt halt;
  private final Object lock = new Object();
  private Guard current;
  private boolean exiting;
  private boolean signalled;

  StopSignals(PrintWriter err, Halt halt) {
    this.err = err;
    this.halt = halt;
  }

  /** Returns signals that are never raised: for runs inside another program, such as tests. */
  static StopSignals none() {
    return new StopSignals(new PrintWriter(new java.io.StringWriter()), status -> { });
  }

  /** Installs the shutdown hook for this process; {@code err} is its standard error. */
  static StopSignals install(PrintWriter err) {
    Runtime runtime = Runtime.getRuntime();
    StopSignals signals = new StopSignals(err, runtime::halt);
    runtime.addShutdownHook(new Thread(signals::onSignal, "dbscim-stop"));
    return signals;
  }

  /**
   * Marks the start of an apply: until the returned guard is closed, a signal runs {@code stop} and then waits up to
   * {@code wait} for the close (the command closes it once its report is printed).
   */
  Guard guard(Runnable stop, Duration wait) {
    Guard guard = new Guard(stop, wait);
    synchronized (lock) {
      current = guard;
    }
    return guard;
  }

  /** Says that the run ends normally: the hook that {@code System.exit} runs then does nothing. */
  void exiting() {
    synchronized (lock) {
      exiting = true;
    }
  }

  /** Returns whether a signal arrived. */
  boolean signalled() {
    synchronized (lock) {
      return signalled;
    }
  }

  /** The shutdown hook: stops the guarded apply, waits for its report and ends with the interrupted exit code. */
  void onSignal() {
    Guard guard;
    synchronized (lock) {
      if (exiting) {
        return;
      }
      signalled = true;
      guard = current;
    }
    if (guard == null || guard.closed()) {
      return;
    }
    guard.stop.run();
    boolean printed;
    try {
      printed = guard.closed.await(guard.wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      printed = false;
    }
    if (!printed) {
      err.println("The apply did not end within " + guard.wait.getSeconds() + " s of the interruption; stopping "
          + "without its report. Run the same command again: it plans what is left.");
    }
    err.flush();
    halt.halt(DbscimCli.EXIT_INTERRUPTED);
  }

  /** An apply in progress; closing it says that its report is printed. */
  final class Guard implements AutoCloseable {
    private final Runnable stop;
    private final Duration wait;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Guard(Runnable stop, Duration wait) {
      this.stop = stop;
      this.wait = wait;
    }

    private boolean closed() {
      return closed.getCount() == 0;
    }

    @Override
    public void close() {
      synchronized (lock) {
        if (current == this) {
          current = null;
        }
      }
      closed.countDown();
    }
  }
}
