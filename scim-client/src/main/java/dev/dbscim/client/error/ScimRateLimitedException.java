package dev.dbscim.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Signals that the service refused the call because of load: a 429 answer, or the Databricks SCIM concurrency limit,
 * which arrives as a 500 whose {@code detail} or {@code error_code} contains {@code REQUEST_LIMIT_EXCEEDED}
 * ({@link #status()} then returns 500). Always {@link #retryable()}: the service rejected the call before acting on it,
 * so even a create may be repeated.
 */
public class ScimRateLimitedException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  /** The parsed {@code Retry-After} wait, or {@code null}. */
  private final Duration retryAfter;

  ScimRateLimitedException(ServiceFailure failure, int attempts) {
    super(failure, attempts, true);
    this.retryAfter = failure.retryAfter;
  }

  /**
   * Returns how long the service asked the caller to wait, from the {@code Retry-After} header (seconds or an HTTP
   * date, not capped).
   *
   * @return the wait, if the answer carried a valid {@code Retry-After}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
