package dev.dbscim.client.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What applying a {@link GroupMigrationPlan} did for one group. Immutable. */
public final class GroupMigrationResult {
  /** How the migration of a group ended. */
  public enum Outcome {
    /** Every planned step ran and was checked. */
    MIGRATED,
    /** Nothing was left to do. */
    ALREADY_DONE,
    /** Skipped: a name clash, or not selected when the plan was made. */
    SKIPPED,
    /** Blocked: a member without an account principal, a blocked member group, a workspace without federation. */
    BLOCKED,
    /** A step failed or could not be checked; running the migration again continues from there. */
    FAILED,
    /** Not run: the run was stopped before this group. */
    NOT_RUN
  }

  private final String name;
  private final Outcome outcome;
  private final List<GroupMigrationStep> completedSteps;
  private final GroupMigrationStep failedStep;
  private final String accountGroupId;
  private final String detail;

  GroupMigrationResult(String name, Outcome outcome, List<GroupMigrationStep> completedSteps,
      GroupMigrationStep failedStep, String accountGroupId, String detail) {
    this.name = Objects.requireNonNull(name, "name");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.completedSteps = Collections.unmodifiableList(new ArrayList<>(completedSteps));
    this.failedStep = failedStep;
    this.accountGroupId = accountGroupId;
    this.detail = detail;
  }

  /**
   * Returns the group's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns how the migration of the group ended.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns the steps this run completed and checked, in order.
   *
   * @return the steps
   */
  public List<GroupMigrationStep> completedSteps() {
    return completedSteps;
  }

  /**
   * Returns the step that failed.
   *
   * @return the step, or empty
   */
  public Optional<GroupMigrationStep> failedStep() {
    return Optional.ofNullable(failedStep);
  }

  /**
   * Returns the id of the account group, when it exists.
   *
   * @return the id, or empty
   */
  public Optional<String> accountGroupId() {
    return Optional.ofNullable(accountGroupId);
  }

  /**
   * Returns why the group failed, was skipped or blocked.
   *
   * @return the detail, if any
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof GroupMigrationResult)) {
      return false;
    }
    GroupMigrationResult that = (GroupMigrationResult) other;
    return name.equals(that.name) && outcome == that.outcome && completedSteps.equals(that.completedSteps)
        && failedStep == that.failedStep && Objects.equals(accountGroupId, that.accountGroupId)
        && Objects.equals(detail, that.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, outcome, completedSteps, failedStep);
  }

  @Override
  public String toString() {
    return "GroupMigrationResult{name=" + name + ", outcome=" + outcome + ", completedSteps=" + completedSteps
        + (failedStep == null ? "" : ", failedStep=" + failedStep) + (detail == null ? "" : ", detail=" + detail)
        + "}";
  }
}
