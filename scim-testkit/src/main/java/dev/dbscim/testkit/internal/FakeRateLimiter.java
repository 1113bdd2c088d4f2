package dev.dbscim.testkit.internal;

import dev.dbscim.testkit.FakeRateLimits;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts requests per host and {@link FakeRateLimits.Operation} in fixed one-second windows of the fake's clock.
 * Thread-safe.
 */
public final class FakeRateLimiter {
  private final FakeRateLimits limits;
  private final Clock clock;
  private final Map<Long, Window> windows = new HashMap<>();

  private static final class Window {
    long second = Long.MIN_VALUE;
    final int[] counts = new int[FakeRateLimits.Operation.values().length];
  }

  /**
   * Creates a limiter.
   *
   * @param limits the limits
   * @param clock the clock whose seconds delimit the windows
   */
  public FakeRateLimiter(FakeRateLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Counts one request, unless it is over the limit.
   *
   * @param host the host ({@link FakeStore#ACCOUNT} or a workspace id)
   * @param operation the class of request
   * @return whether the request may be served
   */
  synchronized boolean tryAcquire(long host, FakeRateLimits.Operation operation) {
    int limit = limits.limit(operation);
    if (limit == 0) {
      return true;
    }
    long second = Math.floorDiv(clock.millis(), 1000L);
    Window window = windows.computeIfAbsent(host, ignored -> new Window());
    if (window.second != second) {
      window.second = second;
      java.util.Arrays.fill(window.counts, 0);
    }
    if (window.counts[operation.ordinal()] >= limit) {
      return false;
    }
    window.counts[operation.ordinal()]++;
    return true;
  }
}
