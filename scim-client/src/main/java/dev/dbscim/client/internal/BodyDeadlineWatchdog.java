package dev.dbscim.client.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces whole-request deadlines on response bodies without a thread or scheduled task per request. The JDK's
 * {@code HttpRequest.timeout} only covers the wait for the headers; a body that stalls afterwards would block
 * {@code HttpClient.send} forever. Each exchange {@link #register(long) registers} its deadline, attaches its
 * {@link LimitedBodySubscriber} once the headers arrive, and {@link Deadline#close() deregisters} when done. One shared
 * daemon thread parks until the earliest pending deadline, then aborts the bodies of the exchanges past theirs, which
 * makes their {@code send} fail with an {@code IOException}.
 *
 * <p>Registration is a set insertion plus one atomic read; the thread is woken only when a new deadline is earlier
 * than the one it sleeps until (or it sleeps with nothing pending). The thread starts on first use and ends after it
 * has had nothing to watch for {@code idleNanos}; the next registration starts a new one.
 *
 * <p>The wake-up protocol, on one {@code AtomicLong wakeAt} (nanos since {@code ORIGIN}, so plain comparisons work):
 * the thread sets {@code SCANNING}, scans, then publishes its next wake time with {@code CAS(SCANNING, next)}; a
 * registration made during the scan has replaced {@code SCANNING}, so the CAS fails and the thread scans again. A
 * registrant that sees a wake time at or before its own deadline does nothing: the thread will scan (and see it) by
 * then. Otherwise it lowers the wake time and unparks the thread. {@code STOPPED} means no thread; the registrant that
 * replaces it starts one.
 *
 * <p>Not public API; may change without notice.
 */
final class BodyDeadlineWatchdog {
  /** The watchdog all transports share. */
  static final BodyDeadlineWatchdog SHARED = new BodyDeadlineWatchdog(TimeUnit.SECONDS.toNanos(30));

  private static final long ORIGIN = System.nanoTime();
  private static final long STOPPED = -1;
  private static final long SCANNING = 0;
  private static final long IDLE = Long.MAX_VALUE;

  private final long idleNanos;
  private final Set<Deadline> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong wakeAt = new AtomicLong(STOPPED);
  private volatile Thread thread;

  BodyDeadlineWatchdog(long idleNanos) {
    this.idleNanos = idleNanos;
  }

  /**
   * Registers an exchange that must be complete within the given time from now.
   *
   * @param timeoutNanos the time the whole exchange may take
   * @return the registration; close it when the exchange ends
   */
  Deadline register(long timeoutNanos) {
    long now = now();
    long at = timeoutNanos >= IDLE - now ? IDLE - 1 : now + Math.max(1, timeoutNanos);
    Deadline deadline = new Deadline(this, at);
    pending.add(deadline);
    while (true) {
      long wake = wakeAt.get();
      if (wake != SCANNING && wake != STOPPED && wake <= at) {
        return deadline;
      }
      if (wakeAt.compareAndSet(wake, at)) {
        if (wake == STOPPED) {
          start();
        } else if (wake != SCANNING) {
          LockSupport.unpark(thread);
        }
        return deadline;
      }
    }
  }

  /** Returns the watchdog thread last started, or {@code null}; for tests. */
  Thread thread() {
    return thread;
  }

  private void start() {
    Thread watcher = new Thread(this::watch, "dbscim-body-deadline");
    watcher.setDaemon(true);
    thread = watcher;
    watcher.start();
  }

  private void watch() {
    long idleSince = now();
    while (true) {
      wakeAt.set(SCANNING);
      long now = now();
      long next = IDLE;
      for (Deadline deadline : pending) {
        if (deadline.at <= now) {
          pending.remove(deadline);
          deadline.expire();
        } else if (deadline.at < next) {
          next = deadline.at;
        }
      }
      if (next != IDLE) {
        idleSince = now;
      } else if (now - idleSince >= idleNanos) {
        if (wakeAt.compareAndSet(SCANNING, STOPPED)) {
          return;
        }
        continue;
      }
      if (!wakeAt.compareAndSet(SCANNING, next)) {
        continue;
      }
      LockSupport.parkNanos(this, next == IDLE ? idleNanos : next - now);
    }
  }

  private static long now() {
    return System.nanoTime() - ORIGIN + 1;
  }

  /** One registered exchange: its deadline, and its body once the headers have arrived. */
  static final class Deadline implements AutoCloseable {
    private final BodyDeadlineWatchdog watchdog;
    private final long at;
    private volatile LimitedBodySubscriber body;
    private volatile boolean expired;

    private Deadline(BodyDeadlineWatchdog watchdog, long at) {
      this.watchdog = watchdog;
      this.at = at;
    }

    /**
     * Attaches the exchange's body; aborts it at once when the deadline has already passed.
     *
     * @param subscriber the body
     */
    void attach(LimitedBodySubscriber subscriber) {
      body = subscriber;
      if (expired) {
        subscriber.abort();
      }
    }

    /**
     * Returns whether the deadline passed before the exchange ended.
     *
     * @return true when the watchdog expired this exchange
     */
    boolean expired() {
      return expired;
    }

    /** Aborts the body, if any, without marking the deadline as passed; used on interrupt. */
    void abortBody() {
      LimitedBodySubscriber subscriber = body;
      if (subscriber != null) {
        subscriber.abort();
      }
    }

    /** Deregisters the exchange. */
    @Override
    public void close() {
      watchdog.pending.remove(this);
    }

    private void expire() {
      expired = true;
      try {
        abortBody();
      } catch (RuntimeException e) {
        // Completing the aborted body runs the HTTP client's dependent steps on this thread; one failing must not
        // stop the watchdog.
      }
    }
  }
}
