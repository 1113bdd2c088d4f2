package dev.dbscim.client.sync;

import dev.dbscim.client.internal.Utf8Text;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
public final class SyncPlan {
  private final SyncTarget.Kind targetKind;
  private final String target;
  private final Instant createdAt;
  private final List<PlannedOperation> operations;
  private final List<String> warnings;
  private final int managedPrincipals;
  private final SyncOptions options;
  private final Directory directory;
  private final boolean removalsAllowedAboveThreshold;
  /** The engine that made or verified this plan; null for a plan read from JSON. Not part of the value. */
  private final SyncEngine origin;

  SyncPlan(SyncTarget.Kind targetKind, String target, Instant createdAt, List<PlannedOperation> operations,
      List<String> warnings, int managedPrincipals, SyncOptions options, Directory directory,
      boolean removalsAllowedAboveThreshold, SyncEngine origin) {
    this.targetKind = Objects.requireNonNull(targetKind, "targetKind");
    this.target = Objects.requireNonNull(target, "target");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.operations = Collections.unmodifiableList(new ArrayList<>(operations));
    this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    this.managedPrincipals = managedPrincipals;
    this.options = Objects.requireNonNull(options, "options");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.removalsAllowedAboveThreshold = removalsAllowedAboveThreshold;
    this.origin = origin;
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
  public SyncTarget.Kind targetKind() {
    return targetKind;
  }

  /**
   * Returns the target the plan was made for (see {@link SyncTarget#description()}).
   *
   * @return the target description
   */
  public String target() {
    return target;
  }

  /**
   * Returns when the plan was made.
   *
   * @return the instant
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * Returns the steps, in order.
   *
   * @return the steps
   */
  public List<PlannedOperation> operations() {
    return operations;
  }

  /**
   * Returns the warnings: what a deletion costs, directory entries that cannot be applied to this target, principals
   * left alone, and the like.
   *
   * @return the warnings
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Returns whether the plan changes nothing.
   *
   * @return true when there are no steps
   */
  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /**
   * Returns the number of deactivations and deletions.
   *
   * @return the removal count
   */
  public int removalCount() {
    int count = 0;
    for (PlannedOperation operation : operations) {
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
  public int managedPrincipalCount() {
    return managedPrincipals;
  }

  /**
   * Returns the threshold the plan is checked against.
   *
   * @return the threshold
   */
  public DeletionThreshold deletionThreshold() {
    return options.deletionThreshold();
  }

  /**
   * Returns whether the plan removes more than its threshold allows.
   *
   * @return whether applying needs {@link #allowRemovalsAboveThreshold()}
   */
  public boolean exceedsDeletionThreshold() {
    return options.deletionThreshold().isExceededBy(removalCount(), managedPrincipals);
  }

  /**
   * Returns a copy of this plan that may be applied even though it exceeds its deletion threshold. Call it only after
   * the removals were reviewed.
   *
   * @return the allowed plan
   */
  public SyncPlan allowRemovalsAboveThreshold() {
    return new SyncPlan(targetKind, target, createdAt, operations, warnings, managedPrincipals, options, directory,
        true, origin);
  }

  /**
   * Returns whether {@link #allowRemovalsAboveThreshold()} was called on this plan.
   *
   * @return whether removals above the threshold are allowed
   */
  public boolean removalsAllowedAboveThreshold() {
    return removalsAllowedAboveThreshold;
  }

  /**
   * Returns the member changes sent per group PATCH when the plan is applied.
   *
   * @return the batch size
   */
  public int memberBatchSize() {
    return options.memberBatchSize();
  }

  /**
   * Returns how many write requests applying the plan sends when nothing fails.
   *
   * @return the request count
   */
  public int writeRequests() {
    int count = 0;
    for (PlannedOperation operation : operations) {
      count += operation.writeRequests(options.memberBatchSize());
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
    for (PlannedOperation operation : operations) {
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
  Directory directory() {
    return directory;
  }

  /** Returns the options the plan was made with (for a plan read from JSON: its shaping options and threshold). */
  SyncOptions options() {
    return options;
  }

  /** Returns whether the given engine made or verified this plan. */
  boolean madeBy(SyncEngine engine) {
    return origin == engine;
  }

  Map<PlannedOperation.Action, int[]> countsByAction() {
    Map<PlannedOperation.Action, int[]> counts = new EnumMap<>(PlannedOperation.Action.class);
    for (PlannedOperation operation : operations) {
      counts.computeIfAbsent(operation.action(), a -> new int[PrincipalKind.values().length])
          [operation.principal().kind().ordinal()]++;
    }
    return counts;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SyncPlan)) {
      return false;
    }
    SyncPlan that = (SyncPlan) other;
    return targetKind == that.targetKind && target.equals(that.target) && createdAt.equals(that.createdAt)
        && operations.equals(that.operations) && warnings.equals(that.warnings)
        && managedPrincipals == that.managedPrincipals
        && deletionThreshold().equals(that.deletionThreshold())
        && options.planShape().equals(that.options.planShape()) && directory.equals(that.directory)
        && removalsAllowedAboveThreshold == that.removalsAllowedAboveThreshold;
  }

  @Override
  public int hashCode() {
    return Objects.hash(targetKind, target, createdAt, operations, warnings, managedPrincipals, memberBatchSize());
  }

  @Override
  public String toString() {
    return "SyncPlan{target=" + target + ", operations=" + operations.size() + ", removals=" + removalCount()
        + ", warnings=" + warnings.size() + "}";
  }
}
