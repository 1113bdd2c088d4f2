package dev.dbscim.client.sync;

import dev.dbscim.client.error.SyncException;
import java.util.List;

/**
 * Thrown by {@link SyncEngine#apply(SyncPlan)} before anything is sent when a plan's removals would break active
 * objects (scheduled jobs, running clusters, unexpired tokens, queries that run as their owner) and neither
 * {@link SyncOptions#allowImpact()} nor {@link SyncPlan#allowImpact()} allows it. The message lists what would break.
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}.
 */
public final class ImpactNotAllowedException extends SyncException {
  private static final long serialVersionUID = 1L;

  /** The breaking removals, one line each. */
  private final List<String> breaking;

  /**
   * Creates the exception.
   *
   * @param breaking what each breaking removal breaks, one line each
   */
  public ImpactNotAllowedException(List<String> breaking) {
    super("The plan's removals would break " + breaking.size() + " principal(s)' active objects; review them, then "
        + "allow it (SyncPlan.allowImpact(), SyncOptions.allowImpact(true) or --allow-impact):\n  "
        + String.join("\n  ", breaking), null);
    this.breaking = List.copyOf(breaking);
  }

  /**
   * Returns what each breaking removal breaks, one line each.
   *
   * @return the lines
   */
  public List<String> breaking() {
    return breaking;
  }
}
