package dev.dbscim.testkit.internal;

import dev.dbscim.testkit.Fault;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The values of a {@link Fault}, for fakes outside the {@code dev.dbscim.testkit} package (such as the Google
 * Directory fake) that apply the same faults. {@code Fault} installs the reader when its class initializes, so every
 * existing fault can be read.
 */
public final class FaultSpec {
  private static volatile Function<Fault, FaultSpec> reader;

  /** The method to match, or {@code null} for any. */
  public final String method;
  /** The pattern searched in the path, or {@code null} for any. */
  public final Pattern path;
  /** The status to answer, or 0 to serve the request. */
  public final int status;
  /** The Retry-After to send, or {@code null}. */
  public final Duration retryAfter;
  /** The delay before the response headers, or {@code null}. */
  public final Duration latency;
  /** Whether to drop the connection instead of answering. */
  public final boolean disconnect;
  /** How many requests the fault affects ({@link Integer#MAX_VALUE} for no limit). */
  public final int times;
  /** The chance that a matching request is affected, in (0, 1]. */
  public final double probability;
  /** The seed of the random source, or {@code null} for a random seed. */
  public final Long seed;

  /**
   * Creates the values.
   *
   * @param method the method to match, or {@code null}
   * @param path the path pattern, or {@code null}
   * @param status the status, or 0
   * @param retryAfter the Retry-After, or {@code null}
   * @param latency the latency, or {@code null}
   * @param disconnect whether to drop the connection
   * @param times how many requests
   * @param probability the chance per request
   * @param seed the seed, or {@code null}
   */
  public FaultSpec(String method, Pattern path, int status, Duration retryAfter, Duration latency, boolean disconnect,
      int times, double probability, Long seed) {
    this.method = method;
    this.path = path;
    this.status = status;
    this.retryAfter = retryAfter;
    this.latency = latency;
    this.disconnect = disconnect;
    this.times = times;
    this.probability = probability;
    this.seed = seed;
  }

  /**
   * Installs the reader; called once by {@link Fault}.
   *
   * @param faultReader reads a fault's values
   */
  public static void install(Function<Fault, FaultSpec> faultReader) {
    reader = Objects.requireNonNull(faultReader, "faultReader");
  }

  /**
   * Returns the values of a fault.
   *
   * @param fault the fault
   * @return its values
   */
  public static FaultSpec of(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    return reader.apply(fault);
  }
}
