package dev.dbscim.client.migrate;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a {@link WorkspaceGroupMigration#apply(GroupMigrationPlan) group migration} has come: groups done of the
 * groups it runs, failures, elapsed time and the time left. Immutable.
 *
 * <p>The time left is the larger of two estimates: the renames still to come at
 * {@link GroupMigrationOptions#renamesPerMinute()} (the limit that dominates), and the groups left at the rate so far
 * (which includes the time renames take to show in workspace group lists).
 */
public final class GroupMigrationProgress {
  private final int done;
  private final int total;
  private final int failed;
  private final Duration elapsed;
  private final Duration pacingLeft;

  GroupMigrationProgress(int done, int total, int failed, Duration elapsed, Duration pacingLeft) {
    this.done = done;
    this.total = total;
    this.failed = failed;
    this.elapsed = elapsed;
    this.pacingLeft = pacingLeft;
  }

  /**
   * Returns the groups whose work in this run has ended (after deletion when the plan deletes), successful or not.
   *
   * @return the groups done
   */
  public int done() {
    return done;
  }

  /**
   * Returns the groups this run works on: those of the plan with steps left.
   *
   * @return the total
   */
  public int total() {
    return total;
  }

  /**
   * Returns the groups that failed or were blocked by a failed member group so far.
   *
   * @return the failures
   */
  public int failed() {
    return failed;
  }

  /**
   * Returns the time since the run started, on the migration's clock.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns the groups done per second so far.
   *
   * @return the rate, 0 before the first group ends
   */
  public double ratePerSecond() {
    long nanos = elapsed.toNanos();
    return nanos <= 0 ? 0 : done * 1e9 / nanos;
  }

  /**
   * Returns the estimated time left: the larger of the rename pacing still ahead and the groups left at the rate so
   * far.
   *
   * @return the estimate; empty while neither is known (no group done and no rename left)
   */
  public Optional<Duration> estimatedTimeLeft() {
    if (done >= total) {
      return Optional.of(Duration.ZERO);
    }
    double rate = ratePerSecond();
    Duration atRate = rate <= 0 ? null : Duration.ofMillis((long) ((total - done) / rate * 1000));
    if (atRate == null) {
      return pacingLeft.isZero() ? Optional.empty() : Optional.of(pacingLeft);
    }
    return Optional.of(atRate.compareTo(pacingLeft) > 0 ? atRate : pacingLeft);
  }

  @Override
  public String toString() {
    return done + "/" + total + " (" + failed + " failed" + estimatedTimeLeft().map(eta -> ", ETA "
        + eta.getSeconds() + "s").orElse("") + ")";
  }
}
