package dev.dbscim.client.sync;

import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.WorkspaceObject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How a plan finds out what its removals break: which workspaces it reads (with which clients), which kinds of object,
 * and whether it makes the deeper reads that cost one call per object. Part of {@link SyncOptions#impact()}; like the
 * safety rules, these always come from the engine that plans or applies, never from a saved plan. Immutable.
 *
 * <p>On a workspace target the target's own client reads its workspace. On an account target each workspace needs a
 * client in {@link #workspaceClients()}: one built with the account's credentials where they work there (OAuth M2M of
 * a service principal that is admin of the workspace), or with a workspace admin's token. A workspace the plan's
 * principals have access to but that has no client, refuses the credentials or cannot be reached becomes a warning in
 * the plan, never a silent "owns nothing".
 *
 * <pre>{@code
 * ImpactOptions impact = ImpactOptions.builder()
 *     .putWorkspaceClients(1001L, prodWorkspaceClient)
 *     .deepReads(true)      // jobs/get per job and permissions per Lakeview dashboard
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ImpactOptions {
  private static final ImpactOptions DEFAULTS = builder().build();

  ImpactOptions() {}

  /**
   * Returns the defaults: enabled, every kind, no deep reads, removals only, no workspace clients.
   *
   * @return the defaults
   */
  public static ImpactOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the options that turn impact off: plans carry neither access changes nor removal impact, and their
   * summary says so.
   *
   * @return the options
   */
  public static ImpactOptions disabled() {
    return builder().enabled(false).build();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns whether plans compute access changes and read what removals break. Default true.
   *
   * @return whether enabled
   */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /**
   * Returns whether plans also make the reads that cost one call per object: {@code jobs/get} for each job (its
   * run-as user) and the permissions of each Lakeview dashboard (who manages it). Default false; the plan then says
   * what those reads would cost.
   *
   * @return whether deep reads are made
   */
  @Value.Default
  public boolean deepReads() {
    return false;
  }

  /**
   * Returns whether principals that lose all access to a workspace (without being removed) are checked too, in that
   * workspace. Default false: only deactivated and deleted principals are.
   *
   * @return whether access losses are checked
   */
  @Value.Default
  public boolean accessLosses() {
    return false;
  }

  /**
   * Returns the kinds of object read. Default: all.
   *
   * @return the kinds
   */
  @Value.Default
  public Set<WorkspaceObject.Kind> kinds() {
    return EnumSet.allOf(WorkspaceObject.Kind.class);
  }

  /**
   * Returns the clients that read each workspace of an account target, by workspace id. The caller owns them (the
   * engine does not close them). Ignored on a workspace target.
   *
   * @return the clients
   */
  public abstract Map<Long, ScimWorkspaceClient> workspaceClients();

  /** Requires a kind to read when enabled. */
  @Value.Check
  void check() {
    if (enabled() && kinds().isEmpty()) {
      throw new IllegalArgumentException("impact reads need at least one kind of object; use disabled() for none");
    }
    for (Long id : workspaceClients().keySet()) {
      if (id < 1) {
        throw new IllegalArgumentException("workspace ids must be positive: " + id);
      }
    }
  }

  /**
   * Returns the settings without the clients, which say nothing about themselves.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "ImpactOptions{enabled=" + enabled() + ", deepReads=" + deepReads() + ", accessLosses=" + accessLosses()
        + ", kinds=" + kinds() + ", workspaces=" + workspaceClients().keySet() + "}";
  }

  /** Builds a {@link ImpactOptions}; {@code build()} checks the values. */
  public static final class Builder extends ImmutableImpactOptions.Builder {
    Builder() {}
  }
}
