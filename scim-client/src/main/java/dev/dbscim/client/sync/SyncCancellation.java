package dev.dbscim.client.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks an apply to stop, from any thread: pass it to {@link SyncEngine#apply(SyncPlan, SyncCancellation)} and call
 * {@link #cancel()} (from a shutdown hook on Ctrl-C, say). The apply then starts no new step, gives the running ones
 * the engine's {@linkplain SyncEngine#stopGracePeriod() grace period} to finish, and returns a partial
 * {@link SyncReport} whose {@link SyncReport#interrupted()} is true and whose unstarted steps are
 * {@link OperationResult.Outcome#NOT_RUN NOT_RUN}. Running the sync again finishes the job.
 *
 * <pre>{@code
 * SyncCancellation cancellation = SyncCancellation.create();
 * Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancel));
 * SyncReport report = engine.apply(plan, cancellation);
 * }</pre>
 *
 * <p>Thread-safe. A handle stays cancelled once cancelled; cancelling before the apply starts makes it send nothing.
 * The same handle stops the group migration of {@code dev.dbscim.client.migrate}.
 */
public final class SyncCancellation {
  private final Object lock = new Object();
  private final List<Runnable> callbacks = new ArrayList<>();
  private boolean cancelled;

  private SyncCancellation() {}

  /**
   * Returns a new handle, not cancelled.
   *
   * @return the handle
   */
  public static SyncCancellation create() {
    return new SyncCancellation();
  }

  /** Asks the applies using this handle to stop; returns at once, without waiting for them. Idempotent. */
  public void cancel() {
    List<Runnable> toRun;
    synchronized (lock) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(callbacks);
    }
    // Outside the lock: a callback takes the apply's own lock, and a progress listener may cancel under that one.
    for (Runnable callback : toRun) {
      callback.run();
    }
  }

  /**
   * Returns whether {@link #cancel()} was called.
   *
   * @return whether cancelled
   */
  public boolean cancelled() {
    synchronized (lock) {
      return cancelled;
    }
  }

  /**
   * Runs {@code callback} once on cancellation, on the thread that calls {@link #cancel()} (at once, on this thread,
   * when already cancelled). Work that waits, such as a group migration's rename pacing, uses it to stop waiting;
   * the callback should return quickly.
   *
   * @param callback what to run
   * @return what unregisters the callback; run it when the work ends
   */
  public Runnable onCancel(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    synchronized (lock) {
      if (!cancelled) {
        callbacks.add(callback);
        return () -> {
          synchronized (lock) {
            callbacks.remove(callback);
          }
        };
      }
    }
    callback.run();
    return () -> { };
  }

  @Override
  public String toString() {
    return "SyncCancellation{cancelled=" + cancelled() + "}";
  }
}
