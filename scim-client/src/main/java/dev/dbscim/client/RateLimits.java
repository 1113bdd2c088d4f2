package dev.dbscim.client;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Client-side request rates, one token bucket per {@link OperationClass}: a sustained rate in permits per second and
 * a burst, the number of requests that may go out at once after a quiet period.
 *
 * <p>Throttling on the client keeps a bulk job under the service's limits instead of running into {@code 429}s and
 * retries. Databricks publishes no official table of SCIM limits that we found; the presets use the secondary sources
 * named below:
 *
 * <table>
 *   <caption>Preset rates</caption>
 *   <tr><th>class</th><th>{@link #accountDefaults()}</th><th>{@link #workspaceDefaults()}</th></tr>
 *   <tr><td>GET</td><td>20/s</td><td>255/min</td></tr>
 *   <tr><td>LIST</td><td>240/min</td><td>255/min</td></tr>
 *   <tr><td>CREATE</td><td>5/s</td><td>5/s</td></tr>
 *   <tr><td>REPLACE</td><td>5/s</td><td>5/s</td></tr>
 *   <tr><td>PATCH</td><td>2/s</td><td>2/s</td></tr>
 *   <tr><td>DELETE</td><td>5/s</td><td>35/min</td></tr>
 * </table>
 *
 * <p>Sources: account values are the "Azure Databricks Rate Limits" summary on rate-limits.apis.io (GET 20, LIST 240,
 * PATCH 2, POST/PUT/DELETE 5, units not stated; read as per second except LIST, per minute). Workspace GET 255/min
 * appears both there and in the rate limiters of databrickslabs/ucx ({@code workspace_access/groups.py}), which also
 * use DELETE 35/min and PATCH 10/min for workspace groups (renames, entitlements and roles) and 5/s for
 * {@code PUT permissionassignments}. Workspace LIST uses the GET limit (a list page is a GET); workspace CREATE and
 * REPLACE have no published number and use the account's 5/s. Workspace PATCH also uses the account's 2/s: the 10/min
 * of ucx is put on group renames and entitlement changes, not published for every PATCH, and applied to all PATCHes it
 * would stall an ordinary membership sync (50 member batches would take five minutes) while a {@code 429} is retried
 * with backoff anyway. The default burst of a class is its rate per second rounded down, at least 1.
 *
 * <pre>{@code
 * RateLimits limits = RateLimits.workspaceDefaults().toBuilder()
 *     .limit(OperationClass.PATCH, 1.0)            // one PATCH per second
 *     .limit(OperationClass.GET, 600, Duration.ofMinutes(1))
 *     .burst(OperationClass.GET, 20)
 *     .build();
 * }</pre>
 */
public final class RateLimits {
  private static final double MIN_PERMITS_PER_SECOND = 1.0 / 3600;
  private static final int MAX_BURST = 1_000_000;
  private static final RateLimits UNLIMITED = builder().build();

  private final Map<OperationClass, Double> permitsPerSecond;
  private final Map<OperationClass, Integer> bursts;
  private final Map<OperationClass, Integer> explicitBursts;

  private RateLimits(Builder builder) {
    this.permitsPerSecond = new EnumMap<>(builder.permitsPerSecond);
    this.explicitBursts = new EnumMap<>(builder.explicitBursts);
    this.bursts = new EnumMap<>(OperationClass.class);
    for (OperationClass operation : OperationClass.values()) {
      Integer explicit = explicitBursts.get(operation);
      Double rate = permitsPerSecond.get(operation);
      int burst;
      if (explicit != null) {
        burst = explicit;
      } else if (rate == null) {
        burst = 1;
      } else {
        burst = (int) Math.max(1, Math.min(MAX_BURST, Math.floor(rate)));
      }
      bursts.put(operation, burst);
    }
  }

  /**
   * Returns limits that never throttle any class.
   *
   * @return the unlimited limits
   */
  public static RateLimits unlimited() {
    return UNLIMITED;
  }

  /**
   * Returns the limits for account-level SCIM: GET 20/s, LIST 240/min, PATCH 2/s, CREATE/REPLACE/DELETE 5/s (see the
   * class description for sources).
   *
   * @return the account presets
   */
  public static RateLimits accountDefaults() {
    return builder()
        .limit(OperationClass.GET, 20.0)
        .limit(OperationClass.LIST, 240, Duration.ofMinutes(1))
        .limit(OperationClass.CREATE, 5.0)
        .limit(OperationClass.REPLACE, 5.0)
        .limit(OperationClass.PATCH, 2.0)
        .limit(OperationClass.DELETE, 5.0)
        .build();
  }

  /**
   * Returns the limits for workspace-level SCIM, which a {@link ScimWorkspaceClient} uses unless told otherwise: GET
   * and LIST 255/min, CREATE/REPLACE 5/s, PATCH 2/s, DELETE 35/min (see the class description for sources, and why
   * PATCH is not ucx's 10/min). For ucx's strict figure, override the class:
   * {@code workspaceDefaults().toBuilder().limit(OperationClass.PATCH, 10, Duration.ofMinutes(1)).build()}.
   *
   * @return the workspace presets
   */
  public static RateLimits workspaceDefaults() {
    return builder()
        .limit(OperationClass.GET, 255, Duration.ofMinutes(1))
        .limit(OperationClass.LIST, 255, Duration.ofMinutes(1))
        .limit(OperationClass.CREATE, 5.0)
        .limit(OperationClass.REPLACE, 5.0)
        .limit(OperationClass.PATCH, 2.0)
        .limit(OperationClass.DELETE, 35, Duration.ofMinutes(1))
        .build();
  }

  /**
   * Returns a builder in which every class is unlimited.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with these limits, to override some classes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.permitsPerSecond.putAll(permitsPerSecond);
    builder.explicitBursts.putAll(explicitBursts);
    return builder;
  }

  /**
   * Returns whether requests of the class are throttled at all.
   *
   * @param operation the class
   * @return {@code false} when the class is unlimited
   */
  public boolean limited(OperationClass operation) {
    Objects.requireNonNull(operation, "operation");
    return permitsPerSecond.containsKey(operation);
  }

  /**
   * Returns the sustained rate of the class.
   *
   * @param operation the class
   * @return permits per second; {@link Double#POSITIVE_INFINITY} when the class is unlimited
   */
  public double permitsPerSecond(OperationClass operation) {
    Objects.requireNonNull(operation, "operation");
    Double rate = permitsPerSecond.get(operation);
    return rate == null ? Double.POSITIVE_INFINITY : rate;
  }

  /**
   * Returns how many requests of the class may go out at once after a quiet period.
   *
   * @param operation the class
   * @return the burst, at least 1; meaningless when the class is unlimited
   */
  public int burst(OperationClass operation) {
    Objects.requireNonNull(operation, "operation");
    return bursts.get(operation);
  }

  /**
   * Returns whether the other object is a {@code RateLimits} with the same rates and bursts.
   *
   * @param other the object to compare
   * @return {@code true} when equal
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RateLimits)) {
      return false;
    }
    RateLimits that = (RateLimits) other;
    return permitsPerSecond.equals(that.permitsPerSecond) && bursts.equals(that.bursts);
  }

  /**
   * Returns a hash code over the rates and bursts.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(permitsPerSecond, bursts);
  }

  /**
   * Returns the limits per class, such as {@code RateLimits{GET=20.0/s burst 20, LIST=4.0/s burst 4, ...}}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RateLimits{");
    String separator = "";
    for (OperationClass operation : OperationClass.values()) {
      text.append(separator).append(operation).append('=');
      if (limited(operation)) {
        text.append(permitsPerSecond(operation)).append("/s burst ").append(burst(operation));
      } else {
        text.append("unlimited");
      }
      separator = ", ";
    }
    return text.append('}').toString();
  }

  /**
   * Builds {@link RateLimits}; classes not set are unlimited. Setters check their arguments at once and throw
   * {@link IllegalArgumentException} for invalid values.
   */
  public static final class Builder {
    private final Map<OperationClass, Double> permitsPerSecond = new EnumMap<>(OperationClass.class);
    private final Map<OperationClass, Integer> explicitBursts = new EnumMap<>(OperationClass.class);

    private Builder() {}

    /**
     * Sets the sustained rate of a class.
     *
     * @param operation the class
     * @param permitsPerSecond the rate, at least one per hour ({@code 1.0 / 3600}); use {@link #unlimited} to lift the
     *     limit
     * @return this builder
     * @throws IllegalArgumentException when the rate is not a finite number of at least one per hour
     */
    public Builder limit(OperationClass operation, double permitsPerSecond) {
      Objects.requireNonNull(operation, "operation");
      if (Double.isNaN(permitsPerSecond)
          || Double.isInfinite(permitsPerSecond)
          || permitsPerSecond < MIN_PERMITS_PER_SECOND) {
        throw new IllegalArgumentException(
            "permitsPerSecond of " + operation + " must be finite and at least 1/3600: " + permitsPerSecond);
      }
      this.permitsPerSecond.put(operation, permitsPerSecond);
      return this;
    }

    /**
     * Sets the sustained rate of a class as a number of permits per period, such as 255 per minute.
     *
     * @param operation the class
     * @param permits permits per period, at least 1
     * @param period the period, positive
     * @return this builder
     * @throws IllegalArgumentException when {@code permits} or {@code period} is not positive, or the rate is below one
     *     per hour
     */
    public Builder limit(OperationClass operation, int permits, Duration period) {
      Objects.requireNonNull(period, "period");
      if (permits < 1) {
        throw new IllegalArgumentException("permits of " + operation + " must be at least 1: " + permits);
      }
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("period of " + operation + " must be positive: " + period);
      }
      double seconds = period.getSeconds() + period.getNano() / 1e9;
      return limit(operation, permits / seconds);
    }

    /**
     * Removes the limit of a class, so its requests never wait.
     *
     * @param operation the class
     * @return this builder
     */
    public Builder unlimited(OperationClass operation) {
      Objects.requireNonNull(operation, "operation");
      permitsPerSecond.remove(operation);
      explicitBursts.remove(operation);
      return this;
    }

    /**
     * Sets the burst of a class; by default its rate per second rounded down, at least 1. Raise it to let short
     * spikes through at once, lower it to 1 for strictly even spacing.
     *
     * @param operation the class
     * @param burst the number of requests that may go out at once, 1 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException when {@code burst} is out of range
     */
    public Builder burst(OperationClass operation, int burst) {
      Objects.requireNonNull(operation, "operation");
      if (burst < 1 || burst > MAX_BURST) {
        throw new IllegalArgumentException(
            "burst of " + operation + " must be between 1 and " + MAX_BURST + ": " + burst);
      }
      explicitBursts.put(operation, burst);
      return this;
    }

    /**
     * Returns the limits.
     *
     * @return the immutable limits
     */
    public RateLimits build() {
      return new RateLimits(this);
    }
  }
}
