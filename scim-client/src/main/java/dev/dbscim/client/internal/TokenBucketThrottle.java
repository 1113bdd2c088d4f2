package dev.dbscim.client.internal;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.retry.Sleeper;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link RequestThrottle} with one token bucket per {@link OperationClass}, sized by {@link RateLimits}.
 *
 * <p>Each bucket is a virtual schedule (the generic cell rate algorithm): a caller reserves the next free slot under a
 * short lock and then sleeps, outside the lock, until its slot comes. Callers are served in the order they reserve,
 * each sleeps once, and nobody spins. Unlimited classes return at once without locking. A caller interrupted while
 * sleeping loses its slot (the permit is not returned), which errs towards sending fewer requests.
 *
 * <p>The pace adapts to the service. A 429 for a class ({@link #rateLimited(OperationClass)}) means requests arrived
 * faster than the service counted them, even though they left on schedule: on a busy host, threads delayed between
 * their slot and the socket bunch up. The class's pace then drops to 85% of what it was (never below 25% of
 * the configured rate), stays there for 5 s, and then climbs back by 2% of the configured rate per second (7.5 s from
 * 85% to 100%) until it is the configured rate again. 429s within 1 s of a decrease belong to the same bunch (requests already sent at the old pace) and lower it no
 * further.
 *
 * <p>Time comes from an injected nanosecond source and waiting from an injected {@link Sleeper}, so tests run on fake
 * time.
 *
 * <p>Not public API; may change without notice.
 */
public final class TokenBucketThrottle implements RequestThrottle {
  /** A 429 multiplies the class's pace by this percentage. */
  static final int DECREASE_PERCENT = 85;
  /** The pace never drops below this percentage of the configured rate. */
  static final int FLOOR_PERCENT = 25;
  /** After the hold, the pace regains this percentage of the configured rate per second. */
  static final int RECOVERY_PERCENT_PER_SECOND = 2;
  /** How long a lowered pace holds after the last decrease, before it recovers. */
  static final Duration HOLD = Duration.ofSeconds(5);
  /** 429s this soon after a decrease do not lower the pace again. */
  static final Duration SETTLE = Duration.ofSeconds(1);

  private final Map<OperationClass, Bucket> buckets = new EnumMap<>(OperationClass.class);
  private final Sleeper sleeper;

  /**
   * Creates a throttle for the limits, reading time from {@code nanoTime} and waiting with {@code sleeper}.
   *
   * @param limits the rates and bursts
   * @param nanoTime a monotonic nanosecond clock, such as {@code System::nanoTime}
   * @param sleeper waits until a permit is due
   */
  public TokenBucketThrottle(RateLimits limits, LongSupplier nanoTime, Sleeper sleeper) {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    for (OperationClass operation : OperationClass.values()) {
      if (limits.limited(operation)) {
        buckets.put(
            operation, new Bucket(limits.permitsPerSecond(operation), limits.burst(operation), nanoTime));
      }
    }
  }

  /**
   * Returns the throttle for the limits on the system clock and sleeper, or {@link RequestThrottle#none()} when no
   * class is limited.
   *
   * @param limits the rates and bursts
   * @return the throttle
   */
  public static RequestThrottle create(RateLimits limits) {
    Objects.requireNonNull(limits, "limits");
    for (OperationClass operation : OperationClass.values()) {
      if (limits.limited(operation)) {
        return new TokenBucketThrottle(limits, System::nanoTime, Sleeper.system());
      }
    }
    return RequestThrottle.none();
  }

  /**
   * Blocks until the class's bucket grants a permit; returns at once for an unlimited class.
   *
   * @param operation the kind of call about to be sent
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  @Override
  public void acquire(OperationClass operation) throws InterruptedException {
    Objects.requireNonNull(operation, "operation");
    Bucket bucket = buckets.get(operation);
    if (bucket == null) {
      return;
    }
    long waitNanos = bucket.reserve();
    if (waitNanos > 0) {
      sleeper.sleep(Duration.ofNanos(waitNanos));
    }
  }

  /**
   * Lowers the pace of the class after a 429, as the class documentation describes; does nothing for an unlimited
   * class.
   *
   * @param operation the kind of call that was refused
   */
  @Override
  public void rateLimited(OperationClass operation) {
    Objects.requireNonNull(operation, "operation");
    Bucket bucket = buckets.get(operation);
    if (bucket != null) {
      bucket.lower();
    }
  }

  /**
   * Returns the class's current pace as a fraction of its configured rate, 1.0 when it is not lowered; for tests.
   *
   * @param operation the class
   * @return the fraction
   */
  double pace(OperationClass operation) {
    Bucket bucket = buckets.get(operation);
    return bucket == null ? 1.0 : bucket.pace();
  }

  /**
   * One class's schedule: the theoretical arrival time of the next permit, in the clock's nanoseconds, and the
   * adaptive pace.
   */
  private static final class Bucket {
    private static final double DECREASE = DECREASE_PERCENT / 100.0;
    private static final double FLOOR = FLOOR_PERCENT / 100.0;
    private static final double RECOVERY_PER_NANO = RECOVERY_PERCENT_PER_SECOND / 100.0 / 1e9;
    private static final long HOLD_NANOS = HOLD.toNanos();
    private static final long SETTLE_NANOS = SETTLE.toNanos();

    private final long intervalNanos;
    private final int burst;
    private final LongSupplier nanoTime;
    private long theoreticalArrival;
    /** Whether the pace is below the configured rate. */
    private boolean lowered;
    /** The pace right after the last decrease, as a fraction of the configured rate. */
    private double loweredPace;
    private long loweredAt;

    Bucket(double permitsPerSecond, int burst, LongSupplier nanoTime) {
      this.intervalNanos = Math.max(1L, Math.round(1e9 / permitsPerSecond));
      this.burst = burst;
      this.nanoTime = nanoTime;
      this.theoreticalArrival = nanoTime.getAsLong();
    }

    /** Reserves the next permit and returns how long the caller must wait for it, 0 when it is free now. */
    synchronized long reserve() {
      long now = nanoTime.getAsLong();
      long interval = lowered ? Math.round(intervalNanos / pace(now)) : intervalNanos;
      long start = now - theoreticalArrival > 0 ? now : theoreticalArrival;
      theoreticalArrival = start + interval;
      long wait = theoreticalArrival - now - interval * burst;
      return Math.max(0L, wait);
    }

    synchronized void lower() {
      long now = nanoTime.getAsLong();
      if (lowered && now - loweredAt < SETTLE_NANOS) {
        return;
      }
      loweredPace = Math.max(FLOOR, pace(now) * DECREASE);
      loweredAt = now;
      lowered = true;
    }

    synchronized double pace() {
      return lowered ? pace(nanoTime.getAsLong()) : 1.0;
    }

    /** Returns the pace at a time: held after a decrease, then recovering linearly; ends the adaptation at 1.0. */
    private double pace(long now) {
      if (!lowered) {
        return 1.0;
      }
      long since = now - loweredAt;
      if (since < HOLD_NANOS) {
        return loweredPace;
      }
      double pace = loweredPace + (since - HOLD_NANOS) * RECOVERY_PER_NANO;
      if (pace >= 1.0) {
        lowered = false;
        return 1.0;
      }
      return pace;
    }
  }
}
