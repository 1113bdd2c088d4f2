package dev.dbscim.client.sync;

import dev.dbscim.client.error.SyncException;

/**
 * Thrown when the thread reading the current state for a plan is interrupted; the thread's interrupt flag is set
 * again. (An interrupted or {@linkplain SyncCancellation cancelled}
 * {@link SyncEngine#apply(SyncPlan, SyncCancellation) apply} returns a partial {@link SyncReport} instead.)
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}.
 */
public final class SyncInterruptedException extends SyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was interrupted
   */
  public SyncInterruptedException(String message) {
    super(message, null);
  }
}
