package dev.dbscim.client.sync;

import java.time.Duration;
import java.util.Optional;

/** How far an apply has come: steps done of the total, failures, rate and estimated time left. Immutable. */
public final class SyncProgress {
  private final int done;
  private final int total;
  private final int failed;
  private final Duration elapsed;

  SyncProgress(int done, int total, int failed, Duration elapsed) {
    this.done = done;
    this.total = total;
    this.failed = failed;
    this.elapsed = elapsed;
  }

  /**
   * Returns the steps finished, successful or not.
   *
   * @return the finished steps
   */
  public int done() {
    return done;
  }

  /**
   * Returns the steps in the plan.
   *
   * @return the total
   */
  public int total() {
    return total;
  }

  /**
   * Returns the steps that failed so far.
   *
   * @return the failures
   */
  public int failed() {
    return failed;
  }

  /**
   * Returns the time since the apply started.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns the steps finished per second so far.
   *
   * @return the rate, 0 before the first step ends
   */
  public double ratePerSecond() {
    long nanos = elapsed.toNanos();
    return nanos <= 0 ? 0 : done * 1e9 / nanos;
  }

  /**
   * Returns the estimated time left at the rate so far.
   *
   * @return the estimate, empty until a step has finished
   */
  public Optional<Duration> estimatedTimeLeft() {
    double rate = ratePerSecond();
    if (rate <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000)));
  }

  /**
   * Returns the fraction done, 0 to 1 (1 for an empty plan).
   *
   * @return the fraction
   */
  public double fraction() {
    return total == 0 ? 1.0 : (double) done / total;
  }

  @Override
  public String toString() {
    return done + "/" + total + " (" + failed + " failed, " + String.format(java.util.Locale.ROOT, "%.1f", ratePerSecond())
        + "/s" + estimatedTimeLeft().map(eta -> ", ETA " + eta.getSeconds() + "s").orElse("") + ")";
  }
}
