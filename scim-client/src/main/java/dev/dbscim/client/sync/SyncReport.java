package dev.dbscim.client.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What an apply did: one {@link OperationResult} per step, in plan order, with counts and timing. A report with
 * failures is normal under faults; running the sync again retries what failed.
 *
 * <pre>{@code
 * SyncReport report = engine.apply(plan);
 * System.out.println(report.summary());
 * report.failures().forEach(failure -> System.err.println(failure));
 * }</pre>
 */
@Value.Immutable
public abstract class SyncReport {
  SyncReport() {}

  static SyncReport of(String target, List<OperationResult> results, Instant startedAt, Instant finishedAt,
      boolean interrupted) {
    return ImmutableSyncReport.builder().target(target).results(results).startedAt(startedAt).finishedAt(finishedAt)
        .interrupted(interrupted).build();
  }

  /**
   * Returns the target the plan was applied to.
   *
   * @return the target description
   */
  public abstract String target();

  /**
   * Returns the result of every step, in plan order.
   *
   * @return the results
   */
  public abstract List<OperationResult> results();

  /**
   * Returns the results of the failed steps.
   *
   * @return the failures
   */
  public List<OperationResult> failures() {
    List<OperationResult> failures = new ArrayList<>();
    for (OperationResult result : results()) {
      if (result.outcome() == OperationResult.Outcome.FAILED) {
        failures.add(result);
      }
    }
    return failures;
  }

  /**
   * Returns the number of steps with an outcome.
   *
   * @param outcome the outcome
   * @return the count
   */
  public int count(OperationResult.Outcome outcome) {
    int count = 0;
    for (OperationResult result : results()) {
      if (result.outcome() == outcome) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the write requests sent.
   *
   * @return the request count
   */
  public int requests() {
    int count = 0;
    for (OperationResult result : results()) {
      count += result.requests();
    }
    return count;
  }

  /**
   * Returns whether every step succeeded.
   *
   * @return true when nothing failed and nothing was left unrun
   */
  public boolean isSuccess() {
    return count(OperationResult.Outcome.SUCCEEDED) == results().size();
  }

  /**
   * Returns whether the apply was stopped ({@linkplain SyncCancellation cancelled} or its thread interrupted) before
   * every step ended: the steps it did not start are {@link OperationResult.Outcome#NOT_RUN NOT_RUN}, and running
   * the sync again does the rest.
   *
   * @return whether interrupted
   */
  public abstract boolean interrupted();

  /**
   * Returns when the apply started.
   *
   * @return the start
   */
  public abstract Instant startedAt();

  /**
   * Returns when the apply ended.
   *
   * @return the end
   */
  public abstract Instant finishedAt();

  /**
   * Returns how long the apply took.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.between(startedAt(), finishedAt());
  }

  /**
   * Returns a few lines for people: counts, requests, time, and the first failures.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Applied to ").append(target()).append(": ").append(count(OperationResult.Outcome.SUCCEEDED))
        .append(" succeeded, ").append(count(OperationResult.Outcome.FAILED)).append(" failed");
    int notRun = count(OperationResult.Outcome.NOT_RUN);
    if (notRun > 0) {
      out.append(", ").append(notRun).append(" not run");
    }
    out.append("; ").append(requests()).append(" write request(s) in ").append(duration().toMillis()).append(" ms");
    if (interrupted()) {
      out.append(" (interrupted)");
    }
    out.append(".\n");
    int shown = 0;
    for (OperationResult failure : failures()) {
      if (shown++ == 20) {
        out.append("  ... and more failures\n");
        break;
      }
      out.append("  failed: ").append(failure.operation().action().name().toLowerCase(java.util.Locale.ROOT))
          .append(' ').append(failure.operation().principal().name()).append(": ")
          .append(failure.detail().orElse("")).append('\n');
    }
    if (!isSuccess()) {
      out.append("Run the sync again to retry what did not succeed.\n");
    }
    return out.toString();
  }

  /**
   * Returns the target and the counts (not the results, which may be many).
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "SyncReport{target=" + target() + ", succeeded=" + count(OperationResult.Outcome.SUCCEEDED) + ", failed="
        + count(OperationResult.Outcome.FAILED) + ", notRun=" + count(OperationResult.Outcome.NOT_RUN)
        + ", requests=" + requests() + ", interrupted=" + interrupted() + "}";
  }
}
