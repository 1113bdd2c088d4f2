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
 * <p>Time comes from an injected nanosecond source and waiting from an injected {@link Sleeper}, so tests run on fake
 * time.
 *
 * <p>Not public API; may change without notice.
 */
public final class TokenBucketThrottle implements RequestThrottle {
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

  /** One class's schedule: the theoretical arrival time of the next permit, in the clock's nanoseconds. */
  private static final class Bucket {
    private final long intervalNanos;
    private final long burstAllowanceNanos;
    private final LongSupplier nanoTime;
    private long theoreticalArrival;

    Bucket(double permitsPerSecond, int burst, LongSupplier nanoTime) {
      this.intervalNanos = Math.max(1L, Math.round(1e9 / permitsPerSecond));
      this.burstAllowanceNanos = intervalNanos * burst;
      this.nanoTime = nanoTime;
      this.theoreticalArrival = nanoTime.getAsLong();
    }

    /** Reserves the next permit and returns how long the caller must wait for it, 0 when it is free now. */
    synchronized long reserve() {
      long now = nanoTime.getAsLong();
      long start = now - theoreticalArrival > 0 ? now : theoreticalArrival;
      theoreticalArrival = start + intervalNanos;
      long wait = theoreticalArrival - now - burstAllowanceNanos;
      return Math.max(0L, wait);
    }
  }
}
