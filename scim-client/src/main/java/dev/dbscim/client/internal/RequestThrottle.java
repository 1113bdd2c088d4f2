package dev.dbscim.client.internal;

import dev.dbscim.client.OperationClass;

/**
 * Client-side rate limiting, consulted by the transport before every attempt (retries included).
 *
 * <p>Not public API; may change without notice.
 */
public interface RequestThrottle {
  /**
   * Blocks until a request of the given class may be sent.
   *
   * @param operation the kind of call about to be sent
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void acquire(OperationClass operation) throws InterruptedException;

  /**
   * Tells the throttle that the service answered a request of the given class with 429, so it can slow that class
   * down for a while. Default: nothing.
   *
   * @param operation the kind of call that was refused
   */
  default void rateLimited(OperationClass operation) {}

  /**
   * Returns a throttle that never waits.
   *
   * @return the no-op throttle
   */
  static RequestThrottle none() {
    return operation -> {};
  }
}
