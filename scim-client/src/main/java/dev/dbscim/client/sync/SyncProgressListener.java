package dev.dbscim.client.sync;

/**
 * Hears about each step an apply finishes. Calls come from the apply's worker threads, one at a time (never two at
 * once), so a listener needs no locking of its own; it should return quickly.
 *
 * <pre>{@code
 * SyncProgressListener printer = (result, progress) -> System.err.println(progress);
 * }</pre>
 */
@FunctionalInterface
public interface SyncProgressListener {
  /**
   * Called after a step ends.
   *
   * @param result the step's result
   * @param progress the progress including this step
   */
  void onOperationDone(OperationResult result, SyncProgress progress);

  /**
   * Returns a listener that does nothing.
   *
   * @return the listener
   */
  static SyncProgressListener none() {
    return (result, progress) -> { };
  }
}
