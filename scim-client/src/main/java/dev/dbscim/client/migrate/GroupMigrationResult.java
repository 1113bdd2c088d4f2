package dev.dbscim.client.migrate;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What applying a {@link GroupMigrationPlan} did for one group. Immutable. */
@Value.Immutable
public abstract class GroupMigrationResult {
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

  GroupMigrationResult() {}

  static GroupMigrationResult of(String name, Outcome outcome, List<GroupMigrationStep> completedSteps,
      GroupMigrationStep failedStep, String accountGroupId, String detail) {
    return of(name, outcome, completedSteps, failedStep, accountGroupId, detail, 0);
  }

  static GroupMigrationResult of(String name, Outcome outcome, List<GroupMigrationStep> completedSteps,
      GroupMigrationStep failedStep, String accountGroupId, String detail, long permissionsMigrated) {
    return ImmutableGroupMigrationResult.builder().name(name).outcome(outcome).completedSteps(completedSteps)
        .failedStep(Optional.ofNullable(failedStep)).accountGroupId(Optional.ofNullable(accountGroupId))
        .detail(Optional.ofNullable(detail)).permissionsMigrated(permissionsMigrated).build();
  }

  /**
   * Returns the group's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns how the migration of the group ended.
   *
   * @return the outcome
   */
  public abstract Outcome outcome();

  /**
   * Returns the steps this run completed and checked, in order.
   *
   * @return the steps
   */
  public abstract List<GroupMigrationStep> completedSteps();

  /**
   * Returns the step that failed.
   *
   * @return the step, or empty
   */
  public abstract Optional<GroupMigrationStep> failedStep();

  /**
   * Returns the id of the account group, when it exists.
   *
   * @return the id, or empty
   */
  public abstract Optional<String> accountGroupId();

  /**
   * Returns why the group failed, was skipped or blocked.
   *
   * @return the detail, if any
   */
  public abstract Optional<String> detail();

  /**
   * Returns how many permissions this run moved from the local group to the account group (the sum of the
   * permission migration API's answers), also when the group failed later.
   *
   * @return the count, 0 when none moved
   */
  @Value.Default
  public long permissionsMigrated() {
    return 0;
  }
}
