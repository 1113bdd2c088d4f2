package dev.dbscim.client.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one {@link PlannedOperation} when a plan was applied. */
public final class OperationResult {
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

  private final PlannedOperation operation;
  private final Outcome outcome;
  private final int requests;
  private final String detail;
  private final String errorType;
  private final Duration duration;

  OperationResult(PlannedOperation operation, Outcome outcome, int requests, String detail, String errorType,
      Duration duration) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.requests = requests;
    this.detail = detail;
    this.errorType = errorType;
    this.duration = Objects.requireNonNull(duration, "duration");
  }

  /**
   * Returns the step.
   *
   * @return the planned operation
   */
  public PlannedOperation operation() {
    return operation;
  }

  /**
   * Returns how the step ended.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns the write requests the step sent (retries inside the client not counted).
   *
   * @return the request count
   */
  public int requests() {
    return requests;
  }

  /**
   * Returns a sentence about the outcome: the error message of a failure, or a note such as "already existed" or
   * "2 member(s) skipped: their creation failed".
   *
   * @return the detail, if any
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /**
   * Returns the simple class name of the exception that failed the step, such as {@code ScimConflictException}.
   *
   * @return the error type, if the step failed
   */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  /**
   * Returns how long the step took.
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return operation + " -> " + outcome + (detail == null ? "" : ": " + detail);
  }
}
