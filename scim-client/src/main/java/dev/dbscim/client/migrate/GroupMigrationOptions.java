package dev.dbscim.client.migrate;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a {@link WorkspaceGroupMigration} moves workspace-local groups to account groups. Immutable.
 *
 * <p>Defaults: rename prefix {@value #DEFAULT_RENAME_PREFIX} (as databrickslabs/ucx uses), no merge into account groups
 * whose members differ, local groups kept after the migration, 10 renames per minute (the workspace group rename limit
 * ucx applies), renames awaited for up to 2 minutes, polled every 5 seconds, permissions moved 1000 per request (as
 * ucx does), 100 resources per list page.
 *
 * <pre>{@code
 * GroupMigrationOptions options = GroupMigrationOptions.builder()
 *     .renamePrefix("ucx-renamed-")
 *     .mergeOnNameClash(true)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class GroupMigrationOptions {
  /** The default prefix renamed local groups get. */
  public static final String DEFAULT_RENAME_PREFIX = "db-temp-";

  private static final GroupMigrationOptions DEFAULTS = builder().build();

  GroupMigrationOptions() {}

  /**
   * Returns the defaults.
   *
   * @return the default options
   */
  public static GroupMigrationOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder with the defaults; {@code build()} checks the values and throws
   * {@link IllegalArgumentException} for one out of range.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the prefix a migrated local group's name gets. A re-run recognises local groups whose name starts with it
   * as already renamed, so it must not be the start of ordinary group names.
   *
   * @return the prefix, not blank; {@value #DEFAULT_RENAME_PREFIX} by default
   */
  @Value.Default
  public String renamePrefix() {
    return DEFAULT_RENAME_PREFIX;
  }

  /**
   * Returns whether a local group is migrated into an existing account group of the same name whose members differ,
   * by adding the local members to it (members are never removed). When false, such groups are reported as name
   * clashes and skipped.
   *
   * @return whether to merge; false by default
   */
  @Value.Default
  public boolean mergeOnNameClash() {
    return false;
  }

  /**
   * Returns whether the renamed local groups are deleted once the account group is visible in the workspace with
   * every member and the permission migration API moves no more permissions from it (a group whose permissions could
   * not all be moved is kept and reported failed).
   *
   * @return whether local groups are deleted; false by default
   */
  @Value.Default
  public boolean dangerouslyDeleteLocalGroups() {
    return false;
  }

  /**
   * Returns how many local groups are renamed per minute.
   *
   * @return the rename rate, 1 to 600; 10 by default
   */
  @Value.Default
  public int renamesPerMinute() {
    return 10;
  }

  /**
   * Returns how long a rename is awaited in workspace group lists before the step fails (a re-run continues).
   *
   * @return the timeout, positive; 2 minutes by default
   */
  @Value.Default
  public Duration renameTimeout() {
    return Duration.ofMinutes(2);
  }

  /**
   * Returns how often the workspace group list is read while a rename is awaited.
   *
   * @return the poll interval, positive; 5 seconds by default
   */
  @Value.Default
  public Duration pollInterval() {
    return Duration.ofSeconds(5);
  }

  /**
   * Returns the {@code size} of each permission migration call: the most permissions one request moves. The step
   * repeats the call until it answers 0.
   *
   * @return the batch size, 1 to 100000; 1000 by default (as databrickslabs/ucx uses)
   */
  @Value.Default
  public int permissionBatchSize() {
    return 1000;
  }

  /**
   * Returns the page size of the lists read while planning.
   *
   * @return the page size, 1 to 10000; 100 by default
   */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  @Value.Check
  void check() {
    if (renamePrefix().trim().isEmpty()) {
      throw new IllegalArgumentException("renamePrefix must not be blank");
    }
    if (renamesPerMinute() < 1 || renamesPerMinute() > 600) {
      throw new IllegalArgumentException("renamesPerMinute must be between 1 and 600: " + renamesPerMinute());
    }
    positive(renameTimeout(), "renameTimeout");
    if (permissionBatchSize() < 1 || permissionBatchSize() > 100_000) {
      throw new IllegalArgumentException("permissionBatchSize must be between 1 and 100000: " + permissionBatchSize());
    }
    positive(pollInterval(), "pollInterval");
    if (pageSize() < 1 || pageSize() > 10_000) {
      throw new IllegalArgumentException("pageSize must be between 1 and 10000: " + pageSize());
    }
  }

  private static void positive(Duration duration, String name) {
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * Builds {@link GroupMigrationOptions}; setters are named like the accessors and {@code build()} checks the values.
   */
  public static final class Builder extends ImmutableGroupMigrationOptions.Builder {
    Builder() {}
  }
}
