package dev.dbscim.client.sync;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How far an apply has come: steps done of the total, failures, rate and estimated time left. Immutable. A group
 * migration reports its progress with it too, counting groups.
 */
@Value.Immutable
public abstract class SyncProgress {
  SyncProgress() {}

  /** Returns the progress after {@code done} of {@code total} steps, {@code failed} of them failed. */
  static SyncProgress of(int done, int total, int failed, Duration elapsed) {
    return of(done, total, failed, elapsed, Duration.ZERO);
  }

  /**
   * Returns a progress whose time left is at least {@code minimumTimeLeft}: work whose pace is known ahead (a group
   * migration's rename pacing) sets it, so that the estimate does not rest on the rate so far alone.
   *
   * @param done the units finished, successful or not, 0 to {@code total}
   * @param total the units in all
   * @param failed the units that failed, 0 to {@code done}
   * @param elapsed the time since the work started
   * @param minimumTimeLeft the least time the units left take; zero when unknown
   * @return the progress
   * @throws IllegalArgumentException when a count is out of range or a duration negative
   */
  public static SyncProgress of(int done, int total, int failed, Duration elapsed, Duration minimumTimeLeft) {
    if (done < 0 || done > total || failed < 0 || failed > done || elapsed.isNegative()
        || minimumTimeLeft.isNegative()) {
      throw new IllegalArgumentException("progress out of range: " + done + "/" + total + ", " + failed
          + " failed");
    }
    return ImmutableSyncProgress.of(done, total, failed, elapsed, minimumTimeLeft);
  }

  /**
   * Returns the steps finished, successful or not.
   *
   * @return the finished steps
   */
  @Value.Parameter
  public abstract int done();

  /**
   * Returns the steps in the plan.
   *
   * @return the total
   */
  @Value.Parameter
  public abstract int total();

  /**
   * Returns the steps that failed so far.
   *
   * @return the failures
   */
  @Value.Parameter
  public abstract int failed();

  /**
   * Returns the time since the apply started.
   *
   * @return the elapsed time
   */
  @Value.Parameter
  public abstract Duration elapsed();

  /**
   * Returns the least time the steps left take, known ahead (zero when unknown).
   *
   * @return the minimum time left
   */
  @Value.Parameter
  public abstract Duration minimumTimeLeft();

  /**
   * Returns the steps finished per second so far.
   *
   * @return the rate, 0 before the first step ends
   */
  public double ratePerSecond() {
    long nanos = elapsed().toNanos();
    return nanos <= 0 ? 0 : done() * 1e9 / nanos;
  }

  /**
   * Returns the estimated time left at the rate so far, or the {@link #minimumTimeLeft()} when that is longer.
   *
   * @return the estimate, empty until a step has finished (unless a minimum is known)
   */
  public Optional<Duration> estimatedTimeLeft() {
    double rate = ratePerSecond();
    if (rate <= 0) {
      return minimumTimeLeft().isZero() || done() >= total() ? Optional.empty() : Optional.of(minimumTimeLeft());
    }
    Duration atRate = Duration.ofMillis((long) ((total() - done()) / rate * 1000));
    return Optional.of(atRate.compareTo(minimumTimeLeft()) >= 0 || done() >= total() ? atRate : minimumTimeLeft());
  }

  /**
   * Returns the fraction done, 0 to 1 (1 for an empty plan).
   *
   * @return the fraction
   */
  public double fraction() {
    return total() == 0 ? 1.0 : (double) done() / total();
  }

  /**
   * Returns the progress in one line, such as {@code 40/100 (1 failed, 12.5/s, ETA 4s)}.
   *
   * @return the progress
   */
  @Override
  public String toString() {
    return done() + "/" + total() + " (" + failed() + " failed, " + String.format(java.util.Locale.ROOT, "%.1f",
        ratePerSecond()) + "/s" + estimatedTimeLeft().map(eta -> ", ETA " + eta.getSeconds() + "s").orElse("") + ")";
  }
}
