package dev.dbscim.client;

import dev.dbscim.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-call settings that override the client's {@link ClientConfig}: a timeout, extra headers, a retry policy.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .retryPolicy(RetryPolicy.none())
 *     .build();
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = builder().build();

  private final Duration timeout;
  private final Map<String, String> headers;
  private final RetryPolicy retryPolicy;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.headers = Collections.unmodifiableMap(ClientConfig.copyIgnoringCase(builder.headers));
    this.retryPolicy = builder.retryPolicy;
  }

  /**
   * Returns the options that override nothing.
   *
   * @return the empty options
   */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a new builder that overrides nothing yet.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.headers.putAll(headers);
    builder.retryPolicy = retryPolicy;
    return builder;
  }

  /**
   * Returns the request timeout for each attempt of this call, replacing {@link ClientConfig#requestTimeout()}.
   *
   * @return the timeout, if overridden
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns headers added to this call, after the client's default headers (a same-named default is replaced).
   *
   * @return the headers sorted by name, looked up ignoring case; empty when none
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the retry policy for this call, replacing {@link ClientConfig#retryPolicy()}.
   *
   * @return the policy, if overridden
   */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) other;
    return Objects.equals(timeout, that.timeout) && headers.equals(that.headers)
        && Objects.equals(retryPolicy, that.retryPolicy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, headers, retryPolicy);
  }

  /**
   * Returns a description that names the extra headers but never shows their values.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", headers=" + headers.keySet() + ", retryPolicy=" + retryPolicy + "}";
  }

  /** Builds {@link RequestOptions} values. Not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private RetryPolicy retryPolicy;

    private Builder() {}

    /**
     * Sets the request timeout for each attempt of this call.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Adds a header to this call, replacing an earlier one of the same name (ignoring case). The same headers are
     * refused as in {@link ClientConfig.Builder#putDefaultHeader(String, String)}.
     *
     * @param name the header name
     * @param value the header value, printable ASCII
     * @return this builder
     */
    public Builder putHeader(String name, String value) {
      ClientConfig.Builder.checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * Sets the retry policy for this call, for example {@link RetryPolicy#none()} for a probe.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Returns the options.
     *
     * @return new immutable options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
