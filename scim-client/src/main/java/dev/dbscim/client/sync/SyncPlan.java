package dev.dbscim.client.sync;

import dev.dbscim.client.internal.Utf8Text;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a sync would do to bring its target in line with the directory: an ordered list of {@link PlannedOperation}s,
 * warnings, and the removal count checked against the {@link DeletionThreshold}. A plan is a value: print it
 * ({@link #summary()}, {@link #table()}), save it ({@link #toJson()}, {@link #fromJson(String)}) and apply it later
 * with {@link SyncEngine#apply(SyncPlan)} to the target it was made for.
 *
 * <pre>{@code
 * SyncPlan plan = engine.plan(DirectorySource.ofFile(Path.of("directory.json")));
 * System.out.println(plan.summary());
 * System.out.println(plan.table());
 * if (plan.exceedsDeletionThreshold()) {
 *   plan = plan.allowRemovalsAboveThreshold();   // only after a human has read the plan
 * }
 * SyncReport report = engine.apply(plan);
 * }</pre>
 */
@Value.Immutable
public abstract class SyncPlan {
  SyncPlan() {}

  /** Returns a builder of a plan; only the engine and {@link PlanJson} make plans. */
  static ImmutableSyncPlan.Builder builder() {
    return ImmutableSyncPlan.builder();
  }

  /**
   * Reads a plan saved with {@link #toJson()}. A plan read back is not trusted: {@link SyncEngine#apply(SyncPlan)}
   * applies it only after {@linkplain SyncEngine#verify(SyncPlan) verifying} that a fresh plan, made from the directory
   * and plan-shaping options the file records and the current state, has exactly the same steps; the safety rules
   * (ownership, protected principals, deletion threshold) always come from the engine that applies. The permission
   * given by {@link #allowRemovalsAboveThreshold()} is not saved: it must be given again.
   *
   * @param json the plan JSON
   * @return the plan
   * @throws IllegalArgumentException when the text is not a plan; the message begins with "not a sync plan: " and
   *     gives the line and column of a JSON syntax error
   */
  public static SyncPlan fromJson(String json) {
    return PlanJson.read(Objects.requireNonNull(json, "json"), "text");
  }

  /**
   * Reads a plan file saved from {@link #toJson()}, as UTF-8 (a leading byte order mark is skipped); see
   * {@link #fromJson(String)} for how a plan read back is applied.
   *
   * @param file the plan file
   * @return the plan
   * @throws IllegalArgumentException when the file is not UTF-8 (the message names the line and byte offset), not
   *     valid JSON (line and column; whether the file ends early) or not a plan; the message begins with
   *     "not a sync plan: "
   * @throws UncheckedIOException when the file cannot be read
   */
  public static SyncPlan read(Path file) {
    String json;
    try {
      json = Utf8Text.read(Objects.requireNonNull(file, "file"));
    } catch (Utf8Text.NotUtf8Exception e) {
      throw new IllegalArgumentException(PlanJson.NOT_A_PLAN + "not UTF-8: " + e.getMessage(), e);
    }
    return PlanJson.read(json, "file");
  }

  /**
   * Returns the plan as JSON, readable by {@link #fromJson(String)} and by other tools.
   *
   * @return the JSON text
   */
  public String toJson() {
    return PlanJson.write(this);
  }

  /**
   * Returns the level of the target the plan was made for.
   *
   * @return the target kind
   */
  public abstract SyncTarget.Kind targetKind();

  /**
   * Returns the target the plan was made for (see {@link SyncTarget#description()}).
   *
   * @return the target description
   */
  public abstract String target();

  /**
   * Returns when the plan was made.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /**
   * Returns the steps, in order.
   *
   * @return the steps
   */
  public abstract List<PlannedOperation> operations();

  /**
   * Returns the warnings: what a deletion costs, directory entries that cannot be applied to this target, principals
   * left alone, and the like.
   *
   * @return the warnings
   */
  public abstract List<String> warnings();

  /**
   * Returns whether the plan changes nothing.
   *
   * @return true when there are no steps
   */
  public boolean isEmpty() {
    return operations().isEmpty();
  }

  /**
   * Returns the number of deactivations and deletions.
   *
   * @return the removal count
   */
  public int removalCount() {
    int count = 0;
    for (PlannedOperation operation : operations()) {
      if (operation.isRemoval()) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns how many managed principals existed when the plan was made (the base of the percentage threshold).
   *
   * @return the managed principal count
   */
  public abstract int managedPrincipalCount();

  /**
   * Returns the threshold the plan is checked against.
   *
   * @return the threshold
   */
  @Value.Derived
  public DeletionThreshold deletionThreshold() {
    return options().deletionThreshold();
  }

  /**
   * Returns whether the plan removes more than its threshold allows.
   *
   * @return whether applying needs {@link #allowRemovalsAboveThreshold()}
   */
  public boolean exceedsDeletionThreshold() {
    return deletionThreshold().isExceededBy(removalCount(), managedPrincipalCount());
  }

  /**
   * Returns a copy of this plan that may be applied even though it exceeds its deletion threshold. Call it only after
   * the removals were reviewed.
   *
   * @return the allowed plan
   */
  public SyncPlan allowRemovalsAboveThreshold() {
    return builder().from(this).removalsAllowedAboveThreshold(true).build();
  }

  /**
   * Returns whether {@link #allowRemovalsAboveThreshold()} was called on this plan.
   *
   * @return whether removals above the threshold are allowed
   */
  @Value.Default
  public boolean removalsAllowedAboveThreshold() {
    return false;
  }

  /**
   * Returns what the plan does to people's access and what its removals break; see {@link PlanImpact}. A plan read
   * from JSON carries none until {@link SyncEngine#verify(SyncPlan)} plans it again. Not part of the value: two plans
   * with the same steps are equal whatever their impact.
   *
   * @return the impact
   */
  @Value.Default
  @Value.Auxiliary
  public PlanImpact impact() {
    return PlanImpact.builder().asOf(createdAt()).objectsRead(false).build();
  }

  /**
   * Returns a copy of this plan that may be applied even though its removals break active objects (see
   * {@link PlanImpact#breaking()}). Call it only after the impact was reviewed. Not saved with the plan.
   *
   * @return the allowed plan
   */
  public SyncPlan allowImpact() {
    return builder().from(this).impactAllowed(true).build();
  }

  /**
   * Returns whether {@link #allowImpact()} was called on this plan.
   *
   * @return whether breaking removals are allowed for this plan
   */
  @Value.Default
  @Value.Auxiliary
  public boolean impactAllowed() {
    return false;
  }

  /**
   * Returns the member changes sent per group PATCH when the plan is applied.
   *
   * @return the batch size
   */
  public int memberBatchSize() {
    return options().memberBatchSize();
  }

  /**
   * Returns how many write requests applying the plan sends when nothing fails.
   *
   * @return the request count
   */
  public int writeRequests() {
    int count = 0;
    for (PlannedOperation operation : operations()) {
      count += operation.writeRequests(memberBatchSize());
    }
    return count;
  }

  /**
   * Returns the number of steps with an action on a kind of principal.
   *
   * @param action the action
   * @param kind the principal kind
   * @return the count
   */
  public int count(PlannedOperation.Action action, PrincipalKind kind) {
    int count = 0;
    for (PlannedOperation operation : operations()) {
      if (operation.action() == action && operation.principal().kind() == kind) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns a few lines for people: counts per action and kind, member changes, the removal check and the warnings.
   *
   * @return the summary
   */
  public String summary() {
    return PlanText.summary(this);
  }

  /**
   * Returns every step as a text table (phase, action, kind, name, details), for people.
   *
   * @return the table
   */
  public String table() {
    return PlanText.table(this, Integer.MAX_VALUE);
  }

  /**
   * Returns the first steps as a text table, with a last line counting those left out.
   *
   * @param maxRows the most steps to show
   * @return the table
   */
  public String table(int maxRows) {
    return PlanText.table(this, maxRows);
  }

  /** Returns the directory the plan was made from. */
  abstract Directory directory();

  /**
   * Returns the options the plan was made with (for a plan read from JSON: its shaping options and threshold). Plans
   * are equal when their {@link #planShape()} and {@link #deletionThreshold()} are: the other options are the safety
   * rules of the run, which a saved plan never brings.
   */
  @Value.Auxiliary
  abstract SyncOptions options();

  /** Returns the options that shaped the plan, the part of {@link #options()} that counts for equality. */
  @Value.Derived
  SyncOptions planShape() {
    return options().planShape();
  }

  /** Returns the engine that made or verified this plan; empty for a plan read from JSON. Not part of the value. */
  @Value.Auxiliary
  abstract Optional<SyncEngine> origin();

  /** Returns whether the given engine made or verified this plan. */
  boolean madeBy(SyncEngine engine) {
    return origin().isPresent() && origin().get() == engine;
  }

  Map<PlannedOperation.Action, int[]> countsByAction() {
    Map<PlannedOperation.Action, int[]> counts = new EnumMap<>(PlannedOperation.Action.class);
    for (PlannedOperation operation : operations()) {
      counts.computeIfAbsent(operation.action(), a -> new int[PrincipalKind.values().length])
          [operation.principal().kind().ordinal()]++;
    }
    return counts;
  }

  /**
   * Returns a short summary: the target and the counts (not the steps, which may be many).
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "SyncPlan{target=" + target() + ", operations=" + operations().size() + ", removals=" + removalCount()
        + ", warnings=" + warnings().size() + "}";
  }
}
