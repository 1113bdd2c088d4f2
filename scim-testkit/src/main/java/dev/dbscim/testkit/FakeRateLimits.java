package dev.dbscim.testkit;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-second request limits the fake enforces like the service does: a request over the limit gets {@code 429} with
 * {@code Retry-After} and the Databricks body {@code {"error_code":"REQUEST_LIMIT_EXCEEDED","message":..}}, and
 * changes nothing. Immutable; every method returns new limits. Off by default ({@link #none()}). Not to be confused
 * with the client's {@code dev.dbscim.client.RateLimits}, which keeps a client under such limits.
 *
 * <pre>{@code
 * FakeScimServer scim = FakeScimServer.builder()
 *     .rateLimits(FakeRateLimits.none()
 *         .perSecond(FakeRateLimits.Operation.GET, 20)
 *         .perSecond(FakeRateLimits.Operation.PATCH, 2))
 *     .build();
 * }</pre>
 *
 * <p>Databricks publishes no official table; secondary sources give account SCIM GET 20, PATCH 2 and POST/PUT/DELETE 5
 * per second, and workspace group GET 255 per minute (see the project's notes). Each host (the account host and each
 * workspace host) counts each {@link Operation} on its own, in fixed one-second windows of the fake's
 * {@linkplain FakeScimServer#clock() clock}. With the default {@link FakeClock}, which only moves when told, a test
 * exhausts a limit deterministically and opens the next window with {@link FakeClock#advance}; a client that waits
 * out {@code Retry-After} against a frozen clock keeps getting 429.
 */
public final class FakeRateLimits {
  /** The classes of request that are limited separately. */
  public enum Operation {
    /** A GET of one resource, {@code /Me}, or any other GET that is not a list. */
    GET,
    /** A GET of a collection: {@code /Users}, {@code /Groups}, {@code /ServicePrincipals}, permission assignments. */
    LIST,
    /** A POST. */
    CREATE,
    /** A PUT. */
    REPLACE,
    /** A PATCH. */
    PATCH,
    /** A DELETE. */
    DELETE
  }

  private static final FakeRateLimits NONE = new FakeRateLimits(new int[Operation.values().length]);

  private final int[] perSecond;

  private FakeRateLimits(int[] perSecond) {
    this.perSecond = perSecond;
  }

  /**
   * Returns limits that limit nothing.
   *
   * @return the limits
   */
  public static FakeRateLimits none() {
    return NONE;
  }

  /**
   * Returns these limits with {@code operation} limited to {@code requests} per second on each host.
   *
   * @param operation the class of request
   * @param requests how many requests each one-second window allows, at least 1
   * @return the limits
   */
  public FakeRateLimits perSecond(Operation operation, int requests) {
    Objects.requireNonNull(operation, "operation");
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1");
    }
    int[] copy = perSecond.clone();
    copy[operation.ordinal()] = requests;
    return new FakeRateLimits(copy);
  }

  /**
   * Returns the limit of an operation.
   *
   * @param operation the class of request
   * @return the requests allowed per second, or 0 for no limit
   */
  public int limit(Operation operation) {
    return perSecond[operation.ordinal()];
  }

  /**
   * Returns whether any operation is limited.
   *
   * @return whether these limits limit anything
   */
  public boolean any() {
    for (int limit : perSecond) {
      if (limit > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether {@code other} is {@link FakeRateLimits} with the same limits.
   *
   * @param other the object to compare with
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof FakeRateLimits && Arrays.equals(perSecond, ((FakeRateLimits) other).perSecond);
  }

  /**
   * Returns a hash of the limits.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Arrays.hashCode(perSecond);
  }

  /**
   * Returns the limits, such as {@code FakeRateLimits[GET=20/s, PATCH=2/s]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("FakeRateLimits[");
    String separator = "";
    for (Operation operation : Operation.values()) {
      if (limit(operation) > 0) {
        out.append(separator).append(operation).append('=').append(limit(operation)).append("/s");
        separator = ", ";
      }
    }
    return out.append(']').toString();
  }
}
