package dev.dbscim.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

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
public final class RetryPolicy {
  private static final DoubleSupplier SYSTEM_JITTER = () -> ThreadLocalRandom.current().nextDouble();
  private static final RetryPolicy STANDARD = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final NonIdempotentRetry nonIdempotentRetry;
  private final DoubleSupplier jitter;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.nonIdempotentRetry = builder.nonIdempotentRetry;
    this.jitter = builder.jitter;
  }

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
   * Returns a builder initialised with the {@link #standard()} values.
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
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.maxAttempts = maxAttempts;
    builder.baseDelay = baseDelay;
    builder.maxDelay = maxDelay;
    builder.maxRetryAfter = maxRetryAfter;
    builder.nonIdempotentRetry = nonIdempotentRetry;
    builder.jitter = jitter;
    return builder;
  }

  /**
   * Returns the total number of attempts, the first one included.
   *
   * @return at least 1; 3 by default
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the backoff before the first retry, before jitter.
   *
   * @return the base delay; 200 ms by default
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * Returns the largest backoff, before jitter, when the answer has no {@code Retry-After}.
   *
   * @return the backoff cap; 10 s by default
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Returns the longest {@code Retry-After} the client obeys; a longer one is shortened to this.
   *
   * @return the cap; 60 s by default
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Returns when {@code POST} and {@code PATCH} are retried.
   *
   * @return the rule; {@link NonIdempotentRetry#SAFE} by default
   */
  public NonIdempotentRetry nonIdempotentRetry() {
    return nonIdempotentRetry;
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
      return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    long capMillis = maxDelay.toMillis();
    long exponential = baseDelay.toMillis();
    for (int i = 1; i < retry && exponential < capMillis; i++) {
      exponential *= 2;
    }
    long ceiling = Math.min(capMillis, exponential);
    double factor = jitter.getAsDouble();
    if (!(factor >= 0.0)) {
      factor = 0.0;
    } else if (factor > 1.0) {
      factor = 1.0;
    }
    return Duration.ofMillis((long) (ceiling * factor));
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) other;
    return maxAttempts == that.maxAttempts
        && baseDelay.equals(that.baseDelay)
        && maxDelay.equals(that.maxDelay)
        && maxRetryAfter.equals(that.maxRetryAfter)
        && nonIdempotentRetry == that.nonIdempotentRetry
        && jitter.equals(that.jitter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, maxDelay, maxRetryAfter, nonIdempotentRetry, jitter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", maxRetryAfter=" + maxRetryAfter + ", nonIdempotentRetry=" + nonIdempotentRetry + "}";
  }

  /** Builds {@link RetryPolicy} values; starts from the {@link RetryPolicy#standard()} values. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private NonIdempotentRetry nonIdempotentRetry = NonIdempotentRetry.SAFE;
    private DoubleSupplier jitter = SYSTEM_JITTER;

    private Builder() {}

    /**
     * Sets the total number of attempts, the first one included; 1 turns retries off. Default 3; raise it for batch
     * jobs that prefer waiting to failing.
     *
     * @param maxAttempts at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the backoff before the first retry, before jitter; it doubles for each further retry. Default 200 ms.
     *
     * @param baseDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = nonNegative(baseDelay, "baseDelay");
      return this;
    }

    /**
     * Sets the largest backoff before jitter. Default 10 s.
     *
     * @param maxDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client obeys. Default 60 s; lower it for interactive callers that
     * cannot block that long.
     *
     * @param maxRetryAfter zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets when {@code POST} and {@code PATCH} are retried. Default {@link NonIdempotentRetry#SAFE}.
     *
     * @param nonIdempotentRetry the rule
     * @return this builder
     */
    public Builder nonIdempotentRetry(NonIdempotentRetry nonIdempotentRetry) {
      this.nonIdempotentRetry = Objects.requireNonNull(nonIdempotentRetry, "nonIdempotentRetry");
      return this;
    }

    /**
     * Sets the source of the jitter factor, a number from 0 (inclusive) to 1; values outside are clamped. Default a
     * thread-local random; tests pass a constant for exact waits.
     *
     * @param jitter the source
     * @return this builder
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * Returns the policy.
     *
     * @return a new immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
