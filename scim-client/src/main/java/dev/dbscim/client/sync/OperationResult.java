package dev.dbscim.client.sync;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** What became of one {@link PlannedOperation} when a plan was applied. */
@Value.Immutable
public abstract class OperationResult {
  /** How a step ended. */
  public enum Outcome {
    /** The step was applied (possibly partly; see {@link #detail()}). */
    SUCCEEDED,
    /**
     * The step failed, or was still running when a stopped apply's grace period ended (it may have taken effect);
     * the others went on. Re-running the sync retries it.
     */
    FAILED,
    /** The step was not run: the apply was stopped (cancelled or interrupted) first. */
    NOT_RUN
  }

  OperationResult() {}

  /** Returns a result; {@code detail} and {@code errorType} may be null. */
  static OperationResult of(PlannedOperation operation, Outcome outcome, int requests, String detail, String errorType,
      Duration duration) {
    return ImmutableOperationResult.builder().operation(operation).outcome(outcome).requests(requests)
        .detail(Optional.ofNullable(detail)).errorType(Optional.ofNullable(errorType)).duration(duration).build();
  }

  /**
   * Returns the step.
   *
   * @return the planned operation
   */
  public abstract PlannedOperation operation();

  /**
   * Returns how the step ended.
   *
   * @return the outcome
   */
  public abstract Outcome outcome();

  /**
   * Returns the write requests the step sent (retries inside the client not counted).
   *
   * @return the request count
   */
  public abstract int requests();

  /**
   * Returns a sentence about the outcome: the error message of a failure, or a note such as "already existed" or
   * "2 member(s) skipped: their creation failed".
   *
   * @return the detail, if any
   */
  public abstract Optional<String> detail();

  /**
   * Returns the simple class name of the exception that failed the step, such as {@code ScimConflictException}.
   *
   * @return the error type, if the step failed
   */
  public abstract Optional<String> errorType();

  /**
   * Returns how long the step took.
   *
   * @return the duration
   */
  public abstract Duration duration();

  /**
   * Returns the step, its outcome and the detail, such as {@code #3 CREATE USER ada@example.com -> SUCCEEDED}.
   *
   * @return the result in one line
   */
  @Override
  public String toString() {
    return operation() + " -> " + outcome() + detail().map(detail -> ": " + detail).orElse("");
  }
}
