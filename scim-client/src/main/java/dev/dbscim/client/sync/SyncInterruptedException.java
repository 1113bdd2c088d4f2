package dev.dbscim.client.sync;

/**
 * Thrown when the thread reading the current state for a plan is interrupted; the thread's interrupt flag is set
 * again. (An interrupted or {@linkplain SyncCancellation cancelled}
 * {@link SyncEngine#apply(SyncPlan, SyncCancellation) apply} returns a partial {@link SyncReport} instead.)
 */
public final class SyncInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was interrupted
   */
  public SyncInterruptedException(String message) {
    super(message);
  }
}
