package dev.dbscim.client.migrate;

import dev.dbscim.client.migrate.GroupMigrationResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What applying a {@link GroupMigrationPlan} did: one {@link GroupMigrationResult} per group, in plan order. A report
 * with failures is normal under faults; running the migration again continues where it stopped.
 *
 * <pre>{@code
 * GroupMigrationReport report = migration.apply(plan);
 * System.out.println(report.summary());
 * }</pre>
 */
public final class GroupMigrationReport {
  private final long workspaceId;
  private final List<GroupMigrationResult> results;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final boolean interrupted;

  GroupMigrationReport(long workspaceId, List<GroupMigrationResult> results, Instant startedAt, Instant finishedAt,
      boolean interrupted) {
    this.workspaceId = workspaceId;
    this.results = Collections.unmodifiableList(new ArrayList<>(results));
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
    this.interrupted = interrupted;
  }

  /**
   * Returns whether the run was stopped (cancelled or interrupted) before the end; the groups it did not finish are
   * {@link Outcome#NOT_RUN NOT_RUN}, and running the migration again continues.
   *
   * @return whether the run was stopped
   */
  public boolean interrupted() {
    return interrupted;
  }

  /**
   * Returns the workspace.
   *
   * @return the workspace id
   */
  public long workspaceId() {
    return workspaceId;
  }

  /**
   * Returns the result of every group, in plan order.
   *
   * @return the results
   */
  public List<GroupMigrationResult> results() {
    return results;
  }

  /**
   * Returns the result of a group.
   *
   * @param name the group's name
   * @return the result
   * @throws java.util.NoSuchElementException when the report has no such group
   */
  public GroupMigrationResult result(String name) {
    for (GroupMigrationResult result : results) {
      if (result.name().equals(name)) {
        return result;
      }
    }
    throw new java.util.NoSuchElementException("no result for group " + name);
  }

  /**
   * Returns the number of groups with an outcome.
   *
   * @param outcome the outcome
   * @return the count
   */
  public int count(Outcome outcome) {
    int count = 0;
    for (GroupMigrationResult result : results) {
      if (result.outcome() == outcome) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns whether no group failed or was left unrun (skipped and blocked groups are reported, not failures).
   *
   * @return whether the run completed
   */
  public boolean isSuccess() {
    return count(Outcome.FAILED) == 0 && count(Outcome.NOT_RUN) == 0;
  }

  /**
   * Returns how long the run took.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /**
   * Returns a few lines for people: counts, and one line per group that did not migrate.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Group migration in workspace ").append(workspaceId).append(':');
    for (Outcome outcome : Outcome.values()) {
      int count = count(outcome);
      if (count > 0) {
        out.append(' ').append(count).append(' ').append(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(',');
      }
    }
    if (out.charAt(out.length() - 1) == ',') {
      out.setLength(out.length() - 1);
    }
    out.append(" (").append(duration().getSeconds()).append(" s").append(interrupted ? ", interrupted" : "")
        .append(").\n");
    out.append("Permissions moved to account groups: ").append(permissionsMigrated()).append('\n');
    for (GroupMigrationResult result : results) {
      if (result.permissionsMigrated() > 0) {
        out.append("  ").append(result.name()).append(": ").append(result.permissionsMigrated())
            .append(" permission(s) moved\n");
      }
    }
    for (GroupMigrationResult result : results) {
      if (result.outcome() != Outcome.MIGRATED && result.outcome() != Outcome.ALREADY_DONE) {
        out.append("  ").append(result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
            .append(result.name());
        result.failedStep().ifPresent(step -> out.append(" at ").append(step.name().toLowerCase(Locale.ROOT)));
        result.detail().ifPresent(detail -> out.append(": ").append(detail));
        out.append('\n');
      }
    }
    if (!isSuccess()) {
      out.append("Run the migration again to continue where it stopped.\n");
    }
    return out.toString();
  }

  /**
   * Returns how many permissions the run moved, over every group.
   *
   * @return the count
   */
  public long permissionsMigrated() {
    long total = 0;
    for (GroupMigrationResult result : results) {
      total += result.permissionsMigrated();
    }
    return total;
  }

  /**
   * Returns every group as a text table (group, outcome, steps done, permissions moved, detail), for people.
   *
   * @return the table
   */
  public String table() {
    String[] header = {"#", "group", "outcome", "steps done", "permissions moved", "detail"};
    List<String[]> rows = new ArrayList<>();
    int index = 1;
    for (GroupMigrationResult result : results) {
      List<String> steps = new ArrayList<>();
      for (GroupMigrationStep step : result.completedSteps()) {
        steps.add(step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      String detail = result.failedStep().map(step -> "at " + step.name().toLowerCase(Locale.ROOT).replace('_', '-')
          + ": ").orElse("") + result.detail().orElse("");
      rows.add(new String[] {Integer.toString(index++), result.name(),
        result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        steps.isEmpty() ? "-" : String.join(",", steps), Long.toString(result.permissionsMigrated()), detail});
    }
    return MigrationText.table(header, rows);
  }

  @Override
  public String toString() {
    return "GroupMigrationReport{workspaceId=" + workspaceId + ", migrated=" + count(Outcome.MIGRATED) + ", failed="
        + count(Outcome.FAILED) + ", skipped=" + count(Outcome.SKIPPED) + ", blocked=" + count(Outcome.BLOCKED) + "}";
  }
}
