package dev.dbscim.client.retry;

import java.time.Duration;

/**
 * Waits between attempts and while a rate limit refills. Inject {@link #noWait()} or a recording sleeper in tests so
 * retry and throttling tests never sleep.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Blocks the calling thread for about {@code duration}.
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns the sleeper backed by {@link Thread#sleep(long)}, the default.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return duration -> {
      long millis = duration.toMillis();
      if (millis > 0) {
        Thread.sleep(millis);
      }
    };
  }

  /**
   * Returns a sleeper that never waits, for tests.
   *
   * @return a sleeper that returns at once
   */
  static Sleeper noWait() {
    return duration -> {};
  }
}
