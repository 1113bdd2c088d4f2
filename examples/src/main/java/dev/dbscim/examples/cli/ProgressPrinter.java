package dev.dbscim.examples.cli;

import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.SyncProgress;
import dev.dbscim.client.sync.SyncProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how far an apply (or a group migration) has come on standard error. On a terminal it redraws one line with a carriage return
 * (a bar, done/total, rate and time left), at most ten times a second; otherwise, as in CI logs, it prints a plain
 * line every 10% or every 5 seconds, whichever comes first, and one at the end.
 */
final class ProgressPrinter implements SyncProgressListener {
  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long PLAIN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int PLAIN_EVERY_PERCENT = 10;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private long lastPrinted = Long.MIN_VALUE;
  private int lastTenth = 0;
  private int lastLength = 0;
  private boolean lineOpen;

  ProgressPrinter(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void onOperationDone(OperationResult result, SyncProgress progress) {
    update(progress.done(), progress.total(), progress.failed(), progress.ratePerSecond(),
        progress.estimatedTimeLeft().orElse(null));
  }

  /** Shows a state of the apply; {@code eta} may be null while unknown. */
  synchronized void update(int done, int total, int failed, double ratePerSecond, Duration eta) {
    long now = nanoTime.getAsLong();
    boolean last = done >= total;
    if (terminal) {
      if (!last && lastPrinted != Long.MIN_VALUE && now - lastPrinted < REDRAW_NANOS) {
        return;
      }
      String line = barLine(done, total, failed, ratePerSecond, eta);
      StringBuilder draw = new StringBuilder("\r").append(line);
      for (int i = line.length(); i < lastLength; i++) {
        draw.append(' ');
      }
      lastLength = line.length();
      err.print(draw);
      lineOpen = true;
      if (last) {
        err.println();
        lineOpen = false;
      }
      err.flush();
    } else {
      int tenth = total == 0 ? PLAIN_EVERY_PERCENT : (int) ((long) done * PLAIN_EVERY_PERCENT / total);
      boolean due = last || tenth > lastTenth || lastPrinted == Long.MIN_VALUE
          || now - lastPrinted >= PLAIN_EVERY_NANOS;
      if (!due) {
        return;
      }
      lastTenth = tenth;
      err.println("Progress: " + counts(done, total, failed, ratePerSecond, eta));
      err.flush();
    }
    lastPrinted = now;
  }

  /** Says that the apply was interrupted and how long it waits for the running steps, on a line of its own. */
  synchronized void stopping(Duration gracePeriod) {
    finish();
    err.println("Interrupted: no new change starts; the running ones get up to " + duration(gracePeriod)
        + " to finish, then the report follows.");
    err.flush();
  }

  /** Ends an open bar line, so that what follows starts on a line of its own. */
  synchronized void finish() {
    if (lineOpen) {
      err.println();
      err.flush();
      lineOpen = false;
    }
  }

  static String barLine(int done, int total, int failed, double ratePerSecond, Duration eta) {
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < BAR_WIDTH; i++) {
      bar.append(i < filled ? '#' : '.');
    }
    return bar.append("] ").append(counts(done, total, failed, ratePerSecond, eta)).toString();
  }

  static String counts(int done, int total, int failed, double ratePerSecond, Duration eta) {
    int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
    StringBuilder text = new StringBuilder()
        .append(done).append('/').append(total).append(" (").append(percent).append("%), ")
        .append(rate(ratePerSecond)).append(", ETA ")
        .append(done >= total ? "0s" : eta == null ? "?" : duration(eta));
    if (failed > 0) {
      text.append(", ").append(failed).append(" failed");
    }
    return text.toString();
  }

  /** Returns the rate per second, or per minute below one a second (a group migration paced at 10 a minute). */
  static String rate(double ratePerSecond) {
    return ratePerSecond > 0 && ratePerSecond < 1
        ? String.format(Locale.ROOT, "%.1f/min", ratePerSecond * 60)
        : String.format(Locale.ROOT, "%.0f/s", ratePerSecond);
  }

  static String duration(Duration duration) {
    long millis = Math.max(0, duration.toMillis());
    if (millis < 1000) {
      return millis == 0 ? "0s" : "<1s";
    }
    long seconds = (millis + 999) / 1000;
    if (seconds < 60) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
    }
    return minutes / 60 + "h" + String.format(Locale.ROOT, "%02d", minutes % 60) + "m";
  }
}
