package dev.dbscim.client.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a plan does to people's access and what its removals break: the access changes per workspace (computed from the
 * state the plan read, without requests of its own), what each removed principal owns or runs in each workspace read,
 * the warnings where something could not be read, and what the reads cost. {@link SyncEngine#apply(SyncPlan)} refuses
 * a plan whose removals {@linkplain #breaking() break} active objects unless the run allows it
 * ({@link SyncOptions#allowImpact()} or {@link SyncPlan#allowImpact()}). Immutable.
 */
@Value.Immutable
public abstract class PlanImpact {
  PlanImpact() {}

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the instant the impact was judged at (the plan's creation): tokens that expire before it are not active.
   *
   * @return the instant
   */
  public abstract Instant asOf();

  /**
   * Returns the access changes, one entry per workspace whose access was computed.
   *
   * @return the access changes
   */
  public abstract List<WorkspaceAccessChanges> access();

  /**
   * Returns the users and service principals that have access to some workspace before the plan and to none after,
   * by name.
   *
   * @return the principals losing all access
   */
  public abstract List<PrincipalRef> losingAllAccess();

  /**
   * Returns what each checked principal has, in plan order.
   *
   * @return the removal impacts
   */
  public abstract List<RemovalImpact> removals();

  /**
   * Returns whether removal impact was read at all (false when {@link ImpactOptions#enabled()} is off, or for a plan
   * made without requests).
   *
   * @return whether objects were read
   */
  public abstract boolean objectsRead();

  /**
   * Returns what could not be read or counted: workspaces without credentials, refused or unreachable, kinds of
   * object refused, groups whose members were not read.
   *
   * @return the warnings
   */
  public abstract List<String> warnings();

  /**
   * Returns how many object lists were read: one per kind and workspace, never one per principal (each list follows
   * its API's pages).
   *
   * @return the lists read
   */
  @Value.Default
  public int listsRead() {
    return 0;
  }

  /**
   * Returns how many one-object requests the deep reads took.
   *
   * @return the detail requests
   */
  @Value.Default
  public int detailRequests() {
    return 0;
  }

  /**
   * Returns what the deep reads cost or would cost, per workspace read, such as {@code workspace 1001: 2,000 jobs and
   * 12 Lakeview dashboards, 2,012 calls, about 3 min 21 s at 10 calls/s}.
   *
   * @return the estimates
   */
  public abstract List<String> deepReadCost();

  /**
   * Returns the removals that break active objects (at {@link #asOf()}).
   *
   * @return the breaking removals
   */
  public List<RemovalImpact> breaking() {
    List<RemovalImpact> breaking = new ArrayList<>();
    for (RemovalImpact removal : removals()) {
      if (!removal.breaking(asOf()).isEmpty()) {
        breaking.add(removal);
      }
    }
    return breaking;
  }

  /**
   * Returns a short summary: the counts (the changes may be many).
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "PlanImpact{workspaces=" + access().size() + ", losingAllAccess=" + losingAllAccess().size()
        + ", removals=" + removals().size() + ", breaking=" + breaking().size() + ", warnings=" + warnings().size()
        + "}";
  }

  /** Builds a {@link PlanImpact}; {@code build()} checks the values. */
  public static final class Builder extends ImmutablePlanImpact.Builder {
    Builder() {}
  }
}
