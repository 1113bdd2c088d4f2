package dev.dbscim.client.migrate;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WorkspaceGroupMigration} moves workspace-local groups to account groups. Immutable.
 *
 * <p>Defaults: rename prefix {@value #DEFAULT_RENAME_PREFIX} (as databrickslabs/ucx uses), no merge into account groups
 * whose members differ, local groups kept after the migration, 10 renames per minute (the workspace group rename limit
 * ucx applies), renames awaited for up to 2 minutes, polled every 5 seconds, 100 resources per list page.
 *
 * <pre>{@code
 * GroupMigrationOptions options = GroupMigrationOptions.builder()
 *     .renamePrefix("ucx-renamed-")
 *     .mergeOnNameClash(true)
 *     .build();
 * }</pre>
 */
public final class GroupMigrationOptions {
  /** The default prefix renamed local groups get. */
  public static final String DEFAULT_RENAME_PREFIX = "db-temp-";

  private static final GroupMigrationOptions DEFAULTS = builder().build();

  private final String renamePrefix;
  private final boolean mergeOnNameClash;
  private final boolean dangerouslyDeleteLocalGroups;
  private final int renamesPerMinute;
  private final Duration renameTimeout;
  private final Duration pollInterval;
  private final int pageSize;

  private GroupMigrationOptions(Builder builder) {
    this.renamePrefix = builder.renamePrefix;
    this.mergeOnNameClash = builder.mergeOnNameClash;
    this.dangerouslyDeleteLocalGroups = builder.dangerouslyDeleteLocalGroups;
    this.renamesPerMinute = builder.renamesPerMinute;
    this.renameTimeout = builder.renameTimeout;
    this.pollInterval = builder.pollInterval;
    this.pageSize = builder.pageSize;
  }

  /**
   * Returns the defaults.
   *
   * @return the default options
   */
  public static GroupMigrationOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder with the defaults.
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
  public Builder toBuilder() {
    return new Builder().renamePrefix(renamePrefix).mergeOnNameClash(mergeOnNameClash)
        .dangerouslyDeleteLocalGroups(dangerouslyDeleteLocalGroups).renamesPerMinute(renamesPerMinute)
        .renameTimeout(renameTimeout).pollInterval(pollInterval).pageSize(pageSize);
  }

  /**
   * Returns the prefix a migrated local group's name gets. A re-run recognises local groups whose name starts with it
   * as already renamed, so it must not be the start of ordinary group names.
   *
   * @return the prefix
   */
  public String renamePrefix() {
    return renamePrefix;
  }

  /**
   * Returns whether a local group is migrated into an existing account group of the same name whose members differ,
   * by adding the local members to it (members are never removed). When false, such groups are reported as name
   * clashes and skipped.
   *
   * @return whether to merge
   */
  public boolean mergeOnNameClash() {
    return mergeOnNameClash;
  }

  /**
   * Returns whether the renamed local groups are deleted once the account group is visible in the workspace with
   * every member. Deleting a local group drops the permissions granted to it that were not copied to the account
   * group; copy them first (for example with the permission migration API).
   *
   * @return whether local groups are deleted
   */
  public boolean dangerouslyDeleteLocalGroups() {
    return dangerouslyDeleteLocalGroups;
  }

  /**
   * Returns how many local groups are renamed per minute.
   *
   * @return the rename rate
   */
  public int renamesPerMinute() {
    return renamesPerMinute;
  }

  /**
   * Returns how long a rename is awaited in workspace group lists before the step fails (a re-run continues).
   *
   * @return the timeout
   */
  public Duration renameTimeout() {
    return renameTimeout;
  }

  /**
   * Returns how often the workspace group list is read while a rename is awaited.
   *
   * @return the poll interval
   */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * Returns the page size of the lists read while planning.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof GroupMigrationOptions)) {
      return false;
    }
    GroupMigrationOptions that = (GroupMigrationOptions) other;
    return renamePrefix.equals(that.renamePrefix) && mergeOnNameClash == that.mergeOnNameClash
        && dangerouslyDeleteLocalGroups == that.dangerouslyDeleteLocalGroups
        && renamesPerMinute == that.renamesPerMinute && renameTimeout.equals(that.renameTimeout)
        && pollInterval.equals(that.pollInterval) && pageSize == that.pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(renamePrefix, mergeOnNameClash, dangerouslyDeleteLocalGroups, renamesPerMinute, renameTimeout,
        pollInterval, pageSize);
  }

  @Override
  public String toString() {
    return "GroupMigrationOptions{renamePrefix=" + renamePrefix + ", mergeOnNameClash=" + mergeOnNameClash
        + ", dangerouslyDeleteLocalGroups=" + dangerouslyDeleteLocalGroups + ", renamesPerMinute=" + renamesPerMinute
        + ", renameTimeout=" + renameTimeout + ", pollInterval=" + pollInterval + ", pageSize=" + pageSize + "}";
  }

  /** Builds {@link GroupMigrationOptions}; starts from the defaults. */
  public static final class Builder {
    private String renamePrefix = DEFAULT_RENAME_PREFIX;
    private boolean mergeOnNameClash;
    private boolean dangerouslyDeleteLocalGroups;
    private int renamesPerMinute = 10;
    private Duration renameTimeout = Duration.ofMinutes(2);
    private Duration pollInterval = Duration.ofSeconds(5);
    private int pageSize = 100;

    private Builder() {}

    /**
     * Sets the prefix renamed local groups get.
     *
     * @param renamePrefix a non-blank prefix; default {@value GroupMigrationOptions#DEFAULT_RENAME_PREFIX}
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder renamePrefix(String renamePrefix) {
      Objects.requireNonNull(renamePrefix, "renamePrefix");
      if (renamePrefix.trim().isEmpty()) {
        throw new IllegalArgumentException("renamePrefix must not be blank");
      }
      this.renamePrefix = renamePrefix;
      return this;
    }

    /**
     * Sets whether local groups are merged into existing account groups whose members differ.
     *
     * @param mergeOnNameClash whether to merge; default false
     * @return this builder
     */
    public Builder mergeOnNameClash(boolean mergeOnNameClash) {
      this.mergeOnNameClash = mergeOnNameClash;
      return this;
    }

    /**
     * Sets whether renamed local groups are deleted after validation.
     *
     * @param delete whether to delete; default false
     * @return this builder
     */
    public Builder dangerouslyDeleteLocalGroups(boolean delete) {
      this.dangerouslyDeleteLocalGroups = delete;
      return this;
    }

    /**
     * Sets how many renames go out per minute.
     *
     * @param renamesPerMinute 1 to 600; default 10
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder renamesPerMinute(int renamesPerMinute) {
      if (renamesPerMinute < 1 || renamesPerMinute > 600) {
        throw new IllegalArgumentException("renamesPerMinute must be between 1 and 600: " + renamesPerMinute);
      }
      this.renamesPerMinute = renamesPerMinute;
      return this;
    }

    /**
     * Sets how long a rename is awaited.
     *
     * @param renameTimeout a positive duration; default 2 minutes
     * @return this builder
     */
    public Builder renameTimeout(Duration renameTimeout) {
      this.renameTimeout = positive(renameTimeout, "renameTimeout");
      return this;
    }

    /**
     * Sets how often a rename is polled.
     *
     * @param pollInterval a positive duration; default 5 seconds
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Sets the page size of the lists read while planning.
     *
     * @param pageSize 1 to 10000; default 100
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 10_000) {
        throw new IllegalArgumentException("pageSize must be between 1 and 10000: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the options
     */
    public GroupMigrationOptions build() {
      return new GroupMigrationOptions(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
