package dev.dbscim.client.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.immutables.value.Value;

/**
 * Says how often and how long the client waits and tries again after a transient failure. Immutable and thread-safe.
 *
 * <p>{@code GET}, {@code PUT} and {@code DELETE} are retried after connection failures, timeouts and the answers 429,
 * 502, 503, 504 and the Databricks concurrency-limit 500 ({@code REQUEST_LIMIT_EXCEEDED}). {@code POST} and
 * {@code PATCH} follow {@link #nonIdempotentRetry()}. A host name that cannot be resolved is not retried: the call
 * fails at once with a {@code ScimClientException} whose cause is an {@link java.net.UnknownHostException} naming the
 * host. The wait before retry {@code n} (1-based) is
 * {@code random(0, 1) * min(maxDelay, baseDelay * 2^(n-1))} ("full jitter"), unless the answer carried a
 * {@code Retry-After} header: then the client waits exactly that long, at most {@link #maxRetryAfter()}.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.standard().toBuilder().maxAttempts(5).build();
 * }</pre>
 */
@Value.Immutable
public abstract class RetryPolicy {
  private static final DoubleSupplier SYSTEM_JITTER = () -> ThreadLocalRandom.current().nextDouble();
  private static final RetryPolicy STANDARD = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  RetryPolicy() {}

  /**
   * Returns the default policy: 3 attempts in total, full-jitter exponential backoff from 200 ms capped at 10 s,
   * {@code Retry-After} honoured up to 60 s, {@link NonIdempotentRetry#SAFE}.
   *
   * @return the standard policy
   */
  public static RetryPolicy standard() {
    return STANDARD;
  }

  /**
   * Returns a policy that never retries (one attempt). A 401 is still repeated once when the credentials supply a
   * fresh token, since that is not a retry of the same request.
   *
   * @return the policy without retries
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Returns a builder initialised with the {@link #standard()} values; {@code build()} checks the values and
   * throws {@link IllegalArgumentException} for a negative delay or fewer than 1 attempt.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this policy's values.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the total number of attempts, the first one included; 1 turns retries off. Raise it for batch jobs that
   * prefer waiting to failing.
   *
   * @return at least 1; 3 by default
   */
  @Value.Default
  public int maxAttempts() {
    return 3;
  }

  /**
   * Returns the backoff before the first retry, before jitter; it doubles for each further retry.
   *
   * @return the base delay, zero or positive; 200 ms by default
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(200);
  }

  /**
   * Returns the largest backoff, before jitter, when the answer has no {@code Retry-After}.
   *
   * @return the backoff cap, zero or positive; 10 s by default
   */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(10);
  }

  /**
   * Returns the longest {@code Retry-After} the client obeys; a longer one is shortened to this. Lower it for
   * interactive callers that cannot block that long.
   *
   * @return the cap, zero or positive; 60 s by default
   */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofSeconds(60);
  }

  /**
   * Returns when {@code POST} and {@code PATCH} are retried.
   *
   * @return the rule; {@link NonIdempotentRetry#SAFE} by default
   */
  @Value.Default
  public NonIdempotentRetry nonIdempotentRetry() {
    return NonIdempotentRetry.SAFE;
  }

  /**
   * Returns the source of the jitter factor, a number from 0 (inclusive) to 1; values outside are clamped. Set it
   * with {@code Builder.jitter(DoubleSupplier)}: tests pass a constant for exact waits.
   *
   * @return the source; a thread-local random by default
   */
  @Value.Default
  DoubleSupplier jitter() {
    return SYSTEM_JITTER;
  }

  /**
   * Returns the wait before retry number {@code retry} (1 for the first retry).
   *
   * @param retry the 1-based retry number
   * @param retryAfter the service's {@code Retry-After} wait, or {@code null} when the answer had none
   * @return the wait: the {@code Retry-After} capped at {@link #maxRetryAfter()} when given, otherwise the jittered
   *     exponential backoff
   * @throws IllegalArgumentException if {@code retry} is less than 1
   */
  public Duration delayBeforeRetry(int retry, Duration retryAfter) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1: " + retry);
    }
    if (retryAfter != null) {
      if (retryAfter.isNegative()) {
        return Duration.ZERO;
      }
      return retryAfter.compareTo(maxRetryAfter()) > 0 ? maxRetryAfter() : retryAfter;
    }
    long capMillis = maxDelay().toMillis();
    long exponential = baseDelay().toMillis();
    for (int i = 1; i < retry && exponential < capMillis; i++) {
      exponential *= 2;
    }
    long ceiling = Math.min(capMillis, exponential);
    double factor = jitter().getAsDouble();
    if (!(factor >= 0.0)) {
      factor = 0.0;
    } else if (factor > 1.0) {
      factor = 1.0;
    }
    return Duration.ofMillis((long) (ceiling * factor));
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts());
    }
    nonNegative(baseDelay(), "baseDelay");
    nonNegative(maxDelay(), "maxDelay");
    nonNegative(maxRetryAfter(), "maxRetryAfter");
  }

  private static void nonNegative(Duration value, String name) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }

  /**
   * Returns the settings, without the jitter source.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts() + ", baseDelay=" + baseDelay() + ", maxDelay=" + maxDelay()
        + ", maxRetryAfter=" + maxRetryAfter() + ", nonIdempotentRetry=" + nonIdempotentRetry() + "}";
  }

  /**
   * Builds {@link RetryPolicy} values; starts from the {@link RetryPolicy#standard()} values. Setters are named like
   * the accessors ({@code maxAttempts(5)}, {@code jitter(() -> 0.5)}); {@code build()} checks the values.
   */
  public static final class Builder extends ImmutableRetryPolicy.Builder {
    Builder() {}
  }
}
