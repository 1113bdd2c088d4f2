package dev.dbscim.client.sync;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

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
@Value.Immutable
public abstract class SyncOptions {
  /** The prefix of the external ids the engine stamps on principals the directory gives none. */
  public static final String EXTERNAL_ID_STAMP_PREFIX = "dbscim:";

  private static final SyncOptions DEFAULTS = builder().build();

  SyncOptions() {}

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
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns which principals the sync owns beyond those in the directory.
   *
   * @return the ownership rule
   */
  @Value.Default
  public Ownership ownership() {
    return Ownership.EXTERNAL_ID;
  }

  /**
   * Returns what happens to managed principals the directory no longer has.
   *
   * @return the removal policy
   */
  @Value.Default
  public RemovalPolicy removalPolicy() {
    return RemovalPolicy.DEACTIVATE;
  }

  /**
   * Returns the removal count above which a plan is refused unless explicitly allowed.
   *
   * @return the threshold
   */
  @Value.Default
  public DeletionThreshold deletionThreshold() {
    return DeletionThreshold.defaults();
  }

  /**
   * Returns how group members are read.
   *
   * @return the strategy
   */
  @Value.Default
  public MembershipReads membershipReads() {
    return MembershipReads.AUTO;
  }

  /**
   * Returns whether principals that the directory gives no external id receive one, {@value #EXTERNAL_ID_STAMP_PREFIX}
   * followed by their directory identity, when the engine creates or adopts them, so that later syncs recognise them
   * as their own under {@link Ownership#EXTERNAL_ID}. Default true.
   *
   * @return whether external ids are stamped
   */
  @Value.Default
  public boolean stampExternalIds() {
    return true;
  }

  /**
   * Returns the entitlements the sync sets and removes, when set explicitly; when empty, the sync manages exactly the
   * entitlements the directory mentions somewhere, and leaves all others alone.
   *
   * @return the managed entitlements, if set
   */
  public abstract Optional<Set<String>> managedEntitlements();

  /**
   * Returns the user names, application ids and group display names (compared case-insensitively) that the sync never
   * deactivates, deletes, or removes from groups and workspaces, such as the admin running it.
   *
   * @return the protected names
   */
  public abstract Set<String> protectedNames();

  /**
   * Returns workspaces whose assignments the sync manages besides those the directory assigns: assignments of managed
   * principals there that the directory does not list are removed.
   *
   * @return the extra managed workspace ids
   */
  public abstract Set<Long> managedWorkspaces();

  /**
   * Returns the most member changes sent in one group PATCH.
   *
   * @return the batch size
   */
  @Value.Default
  public int memberBatchSize() {
    return 20;
  }

  /**
   * Returns the page size used to read the current state.
   *
   * @return the page size
   */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /**
   * Returns how plans find out what their removals break; see {@link ImpactOptions}. Like the safety rules, it comes
   * from the engine that plans or applies, never from a saved plan.
   *
   * @return the impact options; default {@link ImpactOptions#defaults()}
   */
  @Value.Default
  public ImpactOptions impact() {
    return ImpactOptions.defaults();
  }

  /**
   * Returns whether {@link SyncEngine#apply(SyncPlan)} applies plans whose removals break active objects (scheduled
   * jobs, running clusters, unexpired tokens, queries that run as their owner). Default false: such a plan is
   * refused with an {@link ImpactNotAllowedException} listing what would break, and nothing is sent, unless the plan
   * itself was {@linkplain SyncPlan#allowImpact() allowed}. A safety rule of the run, never saved with a plan.
   *
   * @return whether breaking removals are allowed
   */
  @Value.Default
  public boolean allowImpact() {
    return false;
  }

  /** Returns the protected names in lower case, for {@link #isProtected(String)}. */
  @Value.Lazy
  Set<String> protectedLower() {
    Set<String> lower = new TreeSet<>();
    for (String name : protectedNames()) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return lower;
  }

  boolean isProtected(String name) {
    return !protectedNames().isEmpty() && protectedLower().contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the options that shape what a plan does (removal policy, external-id stamps, managed entitlements and
   * workspaces, membership reads, member batch), the safety rules left at their defaults. A saved plan records these.
   */
  SyncOptions planShape() {
    return builder()
        .removalPolicy(removalPolicy())
        .stampExternalIds(stampExternalIds())
        .membershipReads(membershipReads())
        .memberBatchSize(memberBatchSize())
        .managedEntitlements(managedEntitlements())
        .managedWorkspaces(managedWorkspaces())
        .build();
  }

  /**
   * Returns these plan-shaping options with the safety rules of a run: its ownership, protected names, deletion
   * threshold, impact options and impact permission (and its page size). A saved plan never brings its own safety rules.
   */
  SyncOptions withSafetyRulesOf(SyncOptions run) {
    return toBuilder()
        .ownership(run.ownership())
        .deletionThreshold(run.deletionThreshold())
        .pageSize(run.pageSize())
        .protectedNames(run.protectedNames())
        .impact(run.impact())
        .allowImpact(run.allowImpact())
        .build();
  }

  /**
   * Checks the ranges, and keeps the sets sorted and the managed entitlements copied, whichever setter filled them.
   *
   * @return these options, or a sorted copy
   */
  @Value.Check
  SyncOptions normalize() {
    if (memberBatchSize() < 1 || memberBatchSize() > 1000) {
      throw new IllegalArgumentException("memberBatchSize must be between 1 and 1000: " + memberBatchSize());
    }
    if (pageSize() < 1 || pageSize() > 10_000) {
      throw new IllegalArgumentException("pageSize must be between 1 and 10000: " + pageSize());
    }
    Optional<Set<String>> entitlements = managedEntitlements();
    if (entitlements.isPresent() && !(entitlements.get() instanceof SortedCopy)) {
      return toBuilder().managedEntitlements(new SortedCopy<>(entitlements.get())).build();
    }
    if (!isSorted(protectedNames())) {
      return toBuilder().protectedNames(new TreeSet<>(protectedNames())).build();
    }
    if (!isSorted(managedWorkspaces())) {
      return toBuilder().managedWorkspaces(new TreeSet<>(managedWorkspaces())).build();
    }
    return this;
  }

  private static <T extends Comparable<T>> boolean isSorted(Set<T> values) {
    T previous = null;
    for (T value : values) {
      if (previous != null && previous.compareTo(value) > 0) {
        return false;
      }
      previous = value;
    }
    return true;
  }

  /** An unmodifiable sorted copy, which {@link #normalize()} knows needs no further copy. */
  private static final class SortedCopy<T> extends AbstractSet<T> {
    private final Set<T> values;

    SortedCopy(Collection<? extends T> values) {
      this.values = Collections.unmodifiableSet(new TreeSet<>(values));
    }

    @Override
    public Iterator<T> iterator() {
      return values.iterator();
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public boolean contains(Object value) {
      return values.contains(value);
    }
  }

  /** Builds {@link SyncOptions}; unset options keep their defaults, every collection setter replaces the collection. */
  public static final class Builder extends ImmutableSyncOptions.Builder {
    Builder() {}

    /**
     * Sets the entitlements the sync manages, instead of those the directory mentions.
     *
     * @param entitlements the entitlement values, such as {@code databricks-sql-access}
     * @return this builder
     */
    public final Builder managedEntitlements(Collection<String> entitlements) {
      Set<String> copy = new LinkedHashSet<>();
      for (String entitlement : Objects.requireNonNull(entitlements, "entitlements")) {
        copy.add(Objects.requireNonNull(entitlement, "entitlement"));
      }
      return managedEntitlements(new SortedCopy<>(copy));
    }
  }
}
