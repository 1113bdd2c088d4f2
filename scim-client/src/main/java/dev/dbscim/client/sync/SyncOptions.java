package dev.dbscim.client.sync;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a sync plans: which principals it owns, what it does with those the directory no longer has, how much it may
 * remove, which entitlements and workspaces it manages, and how it reads the current state. Immutable.
 *
 * <p>Defaults: {@link Ownership#EXTERNAL_ID}, {@link RemovalPolicy#DEACTIVATE}, {@link DeletionThreshold#defaults()}
 * (500 removals, 20%), {@link MembershipReads#AUTO}, external ids stamped, managed entitlements = those the directory
 * mentions, no protected principals, managed workspaces = those the directory assigns, 20 member changes per PATCH
 * (the chunk size databrickslabs/ucx uses), 100 resources per page.
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder()
 *     .removalPolicy(RemovalPolicy.DELETE)
 *     .deletionThreshold(DeletionThreshold.of(100, 10.0))
 *     .addProtectedNames("admin@example.com")
 *     .build();
 * }</pre>
 */
public final class SyncOptions {
  /** The prefix of the external ids the engine stamps on principals the directory gives none. */
  public static final String EXTERNAL_ID_STAMP_PREFIX = "dbscim:";

  private static final SyncOptions DEFAULTS = builder().build();

  private final Ownership ownership;
  private final RemovalPolicy removalPolicy;
  private final DeletionThreshold deletionThreshold;
  private final MembershipReads membershipReads;
  private final boolean stampExternalIds;
  private final Set<String> managedEntitlements;
  private final Set<String> protectedNames;
  private final Set<String> protectedLower;
  private final Set<Long> managedWorkspaces;
  private final int memberBatchSize;
  private final int pageSize;

  private SyncOptions(Builder builder) {
    this.ownership = builder.ownership;
    this.removalPolicy = builder.removalPolicy;
    this.deletionThreshold = builder.deletionThreshold;
    this.membershipReads = builder.membershipReads;
    this.stampExternalIds = builder.stampExternalIds;
    this.managedEntitlements =
        builder.managedEntitlements == null ? null : Collections.unmodifiableSet(new TreeSet<>(builder.managedEntitlements));
    this.protectedNames = Collections.unmodifiableSet(new TreeSet<>(builder.protectedNames));
    Set<String> lower = new TreeSet<>();
    for (String name : builder.protectedNames) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    this.protectedLower = lower;
    this.managedWorkspaces = Collections.unmodifiableSet(new TreeSet<>(builder.managedWorkspaces));
    this.memberBatchSize = builder.memberBatchSize;
    this.pageSize = builder.pageSize;
  }

  /**
   * Returns the default options.
   *
   * @return the defaults
   */
  public static SyncOptions defaults() {
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
    Builder builder = new Builder()
        .ownership(ownership)
        .removalPolicy(removalPolicy)
        .deletionThreshold(deletionThreshold)
        .membershipReads(membershipReads)
        .stampExternalIds(stampExternalIds)
        .memberBatchSize(memberBatchSize)
        .pageSize(pageSize);
    builder.managedEntitlements = managedEntitlements == null ? null : new LinkedHashSet<>(managedEntitlements);
    builder.protectedNames.addAll(protectedNames);
    builder.managedWorkspaces.addAll(managedWorkspaces);
    return builder;
  }

  /**
   * Returns which principals the sync owns beyond those in the directory.
   *
   * @return the ownership rule
   */
  public Ownership ownership() {
    return ownership;
  }

  /**
   * Returns what happens to managed principals the directory no longer has.
   *
   * @return the removal policy
   */
  public RemovalPolicy removalPolicy() {
    return removalPolicy;
  }

  /**
   * Returns the removal count above which a plan is refused unless explicitly allowed.
   *
   * @return the threshold
   */
  public DeletionThreshold deletionThreshold() {
    return deletionThreshold;
  }

  /**
   * Returns how group members are read.
   *
   * @return the strategy
   */
  public MembershipReads membershipReads() {
    return membershipReads;
  }

  /**
   * Returns whether principals that the directory gives no external id receive one, {@value #EXTERNAL_ID_STAMP_PREFIX}
   * followed by their directory identity, when the engine creates or adopts them, so that later syncs recognise them
   * as their own under {@link Ownership#EXTERNAL_ID}. Default true.
   *
   * @return whether external ids are stamped
   */
  public boolean stampExternalIds() {
    return stampExternalIds;
  }

  /**
   * Returns the entitlements the sync sets and removes, when set explicitly; when empty, the sync manages exactly the
   * entitlements the directory mentions somewhere, and leaves all others alone.
   *
   * @return the managed entitlements, if set
   */
  public Optional<Set<String>> managedEntitlements() {
    return Optional.ofNullable(managedEntitlements);
  }

  /**
   * Returns the user names, application ids and group display names (compared case-insensitively) that the sync never
   * deactivates, deletes, or removes from groups and workspaces, such as the admin running it.
   *
   * @return the protected names
   */
  public Set<String> protectedNames() {
    return protectedNames;
  }

  /**
   * Returns workspaces whose assignments the sync manages besides those the directory assigns: assignments of managed
   * principals there that the directory does not list are removed.
   *
   * @return the extra managed workspace ids
   */
  public Set<Long> managedWorkspaces() {
    return managedWorkspaces;
  }

  /**
   * Returns the most member changes sent in one group PATCH.
   *
   * @return the batch size
   */
  public int memberBatchSize() {
    return memberBatchSize;
  }

  /**
   * Returns the page size used to read the current state.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  boolean isProtected(String name) {
    return !protectedLower.isEmpty() && protectedLower.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the options that shape what a plan does (removal policy, external-id stamps, managed entitlements and
   * workspaces, membership reads, member batch), the safety rules left at their defaults. A saved plan records these.
   */
  SyncOptions planShape() {
    Builder shape = builder()
        .removalPolicy(removalPolicy)
        .stampExternalIds(stampExternalIds)
        .membershipReads(membershipReads)
        .memberBatchSize(memberBatchSize);
    shape.managedEntitlements = managedEntitlements;
    shape.managedWorkspaces.addAll(managedWorkspaces);
    return shape.build();
  }

  /**
   * Returns these plan-shaping options with the safety rules of a run: its ownership, protected names and deletion
   * threshold (and its page size). A saved plan never brings its own safety rules.
   */
  SyncOptions withSafetyRulesOf(SyncOptions run) {
    Builder combined = toBuilder()
        .ownership(run.ownership)
        .deletionThreshold(run.deletionThreshold)
        .pageSize(run.pageSize);
    combined.protectedNames.clear();
    combined.protectedNames.addAll(run.protectedNames);
    return combined.build();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SyncOptions)) {
      return false;
    }
    SyncOptions that = (SyncOptions) other;
    return ownership == that.ownership
        && removalPolicy == that.removalPolicy
        && deletionThreshold.equals(that.deletionThreshold)
        && membershipReads == that.membershipReads
        && stampExternalIds == that.stampExternalIds
        && Objects.equals(managedEntitlements, that.managedEntitlements)
        && protectedNames.equals(that.protectedNames)
        && managedWorkspaces.equals(that.managedWorkspaces)
        && memberBatchSize == that.memberBatchSize
        && pageSize == that.pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ownership, removalPolicy, deletionThreshold, membershipReads, stampExternalIds,
        managedEntitlements, protectedNames, managedWorkspaces, memberBatchSize, pageSize);
  }

  @Override
  public String toString() {
    return "SyncOptions{ownership=" + ownership + ", removalPolicy=" + removalPolicy + ", deletionThreshold="
        + deletionThreshold + ", membershipReads=" + membershipReads + ", stampExternalIds=" + stampExternalIds
        + ", managedEntitlements=" + (managedEntitlements == null ? "<from directory>" : managedEntitlements)
        + ", protectedNames=" + protectedNames + ", managedWorkspaces=" + managedWorkspaces
        + ", memberBatchSize=" + memberBatchSize + ", pageSize=" + pageSize + "}";
  }

  /** Builds {@link SyncOptions}; starts from the defaults. */
  public static final class Builder {
    private Ownership ownership = Ownership.EXTERNAL_ID;
    private RemovalPolicy removalPolicy = RemovalPolicy.DEACTIVATE;
    private DeletionThreshold deletionThreshold = DeletionThreshold.defaults();
    private MembershipReads membershipReads = MembershipReads.AUTO;
    private boolean stampExternalIds = true;
    private Set<String> managedEntitlements;
    private final Set<String> protectedNames = new LinkedHashSet<>();
    private final Set<Long> managedWorkspaces = new LinkedHashSet<>();
    private int memberBatchSize = 20;
    private int pageSize = 100;

    private Builder() {}

    /**
     * Sets which principals the sync owns beyond those in the directory.
     *
     * @param ownership the rule
     * @return this builder
     */
    public Builder ownership(Ownership ownership) {
      this.ownership = Objects.requireNonNull(ownership, "ownership");
      return this;
    }

    /**
     * Sets what happens to managed principals the directory no longer has.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public Builder removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = Objects.requireNonNull(removalPolicy, "removalPolicy");
      return this;
    }

    /**
     * Sets the removal threshold.
     *
     * @param deletionThreshold the threshold
     * @return this builder
     */
    public Builder deletionThreshold(DeletionThreshold deletionThreshold) {
      this.deletionThreshold = Objects.requireNonNull(deletionThreshold, "deletionThreshold");
      return this;
    }

    /**
     * Sets how group members are read.
     *
     * @param membershipReads the strategy
     * @return this builder
     */
    public Builder membershipReads(MembershipReads membershipReads) {
      this.membershipReads = Objects.requireNonNull(membershipReads, "membershipReads");
      return this;
    }

    /**
     * Sets whether external ids are stamped on principals the directory gives none.
     *
     * @param stampExternalIds whether to stamp
     * @return this builder
     */
    public Builder stampExternalIds(boolean stampExternalIds) {
      this.stampExternalIds = stampExternalIds;
      return this;
    }

    /**
     * Sets the entitlements the sync manages, instead of those the directory mentions.
     *
     * @param entitlements the entitlement values, such as {@code databricks-sql-access}
     * @return this builder
     */
    public Builder managedEntitlements(Collection<String> entitlements) {
      Set<String> copy = new LinkedHashSet<>();
      for (String entitlement : Objects.requireNonNull(entitlements, "entitlements")) {
        copy.add(Objects.requireNonNull(entitlement, "entitlement"));
      }
      this.managedEntitlements = copy;
      return this;
    }

    /**
     * Adds protected principals (user names, application ids or group display names).
     *
     * @param names the names
     * @return this builder
     */
    public Builder addProtectedNames(String... names) {
      for (String name : names) {
        protectedNames.add(Objects.requireNonNull(name, "name"));
      }
      return this;
    }

    /**
     * Adds workspaces whose assignments the sync manages besides those the directory assigns.
     *
     * @param workspaceIds the workspace ids
     * @return this builder
     */
    public Builder addManagedWorkspaces(long... workspaceIds) {
      for (long id : workspaceIds) {
        managedWorkspaces.add(id);
      }
      return this;
    }

    /**
     * Sets the most member changes sent in one group PATCH.
     *
     * @param memberBatchSize 1 to 1000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder memberBatchSize(int memberBatchSize) {
      if (memberBatchSize < 1 || memberBatchSize > 1000) {
        throw new IllegalArgumentException("memberBatchSize must be between 1 and 1000: " + memberBatchSize);
      }
      this.memberBatchSize = memberBatchSize;
      return this;
    }

    /**
     * Sets the page size used to read the current state.
     *
     * @param pageSize 1 to 10000
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
    public SyncOptions build() {
      return new SyncOptions(this);
    }
  }
}
