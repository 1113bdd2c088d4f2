package dev.dbscim.testkit;

import dev.dbscim.testkit.internal.FaultSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fault the fake injects into the next matching requests: an error status (optionally with {@code Retry-After}),
 * extra latency, or a dropped connection. Immutable; every method returns a new fault.
 *
 * <pre>{@code
 * scim.failNext(Fault.status(503).times(3));
 * scim.failNext(Fault.status(429).retryAfter(Duration.ofSeconds(1)).on("POST", "/Users"));
 * scim.failNext(Fault.latency(Duration.ofMillis(200)));
 * scim.failNext(Fault.disconnect().on("GET", "/Groups/"));
 * scim.failNext(Fault.status(503).probability(0.1).seed(42));   // about one request in ten, until clearFaults()
 * }</pre>
 *
 * <p>A fault with a {@link #probability(double) probability} below 1 affects each matching request with that
 * probability, drawn from a {@link java.util.Random} seeded with {@link #seed(long)} (or a random seed), so a test
 * that sends the same requests in the same order sees the same failures on every run. Such a fault stays queued until
 * it has affected {@link #times(int)} requests, or, without {@code times}, until {@link FakeScimServer#clearFaults()}.
 * Requests it lets through go on to the next queued fault.
 *
 * <p>A status fault answers without touching the fake's state. A dropped connection also leaves the state unchanged.
 * Note that {@code java.net.http.HttpClient} silently retries an idempotent request once after a dropped connection,
 * so a {@code disconnect()} with {@code times(1)} is seen by such a client as one success.
 */
public final class Fault {
  static {
    FaultSpec.install(fault -> new FaultSpec(fault.method, fault.path, fault.status, fault.retryAfter, fault.latency,
        fault.disconnect, fault.count(), fault.probability, fault.seed));
  }

  private final int status;
  private final Duration retryAfter;
  private final Duration latency;
  private final boolean disconnect;
  private final int times;
  private final String method;
  private final Pattern path;
  private final boolean timesSet;
  private final double probability;
  private final Long seed;
  private boolean responseLost;

  private Fault(int status, Duration retryAfter, Duration latency, boolean disconnect, int times, String method,
      Pattern path) {
    this(status, retryAfter, latency, disconnect, times, method, path, false, 1.0, null);
  }

  private Fault(int status, Duration retryAfter, Duration latency, boolean disconnect, int times, String method,
      Pattern path, boolean timesSet, double probability, Long seed) {
    this.status = status;
    this.retryAfter = retryAfter;
    this.latency = latency;
    this.disconnect = disconnect;
    this.times = times;
    this.method = method;
    this.path = path;
    this.timesSet = timesSet;
    this.probability = probability;
    this.seed = seed;
  }

  /**
   * Returns a fault answering {@code status} once, with a Databricks-shaped body ({@code REQUEST_LIMIT_EXCEEDED} for
   * 429, a SCIM error otherwise).
   *
   * @param status an HTTP status from 400 to 599
   * @return the fault
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status (400-599)");
    }
    return new Fault(status, null, null, false, 1, null, null);
  }

  /**
   * Returns a fault that serves the next request normally but delays its response headers.
   *
   * @param latency the delay
   * @return the fault
   */
  public static Fault latency(Duration latency) {
    return new Fault(0, null, requireNotNegative(latency), false, 1, null, null);
  }

  /**
   * Returns a fault that drops the connection instead of answering, without serving the request.
   *
   * @return the fault
   */
  public static Fault disconnect() {
    return new Fault(0, null, null, true, 1, null, null);
  }

  /**
   * Returns a fault that serves the request (the fake's state changes) and then drops the connection before the
   * answer is sent: the ambiguous failure where a client cannot tell whether a create or a PATCH took effect.
   *
   * @return the fault
   */
  public static Fault responseLost() {
    Fault fault = new Fault(0, null, null, true, 1, null, null);
    fault.responseLost = true;
    return fault;
  }

  private Fault keepResponseLost(Fault copy) {
    copy.responseLost = responseLost;
    return copy;
  }

  boolean losesResponse() {
    return responseLost;
  }

  /**
   * Returns this fault with a {@code Retry-After} header in whole seconds.
   *
   * @param retryAfter the delay the client is asked to wait
   * @return the fault
   */
  public Fault retryAfter(Duration retryAfter) {
    return keepResponseLost(new Fault(status, requireNotNegative(retryAfter), latency, disconnect, times, method,
        path, timesSet, probability, seed));
  }

  /**
   * Returns this fault with extra latency before the response headers.
   *
   * @param delay the delay
   * @return the fault
   */
  public Fault withLatency(Duration delay) {
    return keepResponseLost(new Fault(status, retryAfter, requireNotNegative(delay), disconnect, times, method,
        path, timesSet, probability, seed));
  }

  /**
   * Returns this fault applied to the next {@code count} matching requests.
   *
   * @param count how many requests; at least 1
   * @return the fault
   */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    return keepResponseLost(
        new Fault(status, retryAfter, latency, disconnect, count, method, path, true, probability, seed));
  }

  /**
   * Returns this fault restricted to one method and to paths containing a match of {@code pathRegex}.
   *
   * @param method the HTTP method, such as {@code POST}, or {@code null} for any
   * @param pathRegex a regular expression searched in the request path (without the query), such as
   *     {@code /Users$} or {@code /Groups/}; {@code null} for any path
   * @return the fault
   */
  public Fault on(String method, String pathRegex) {
    return keepResponseLost(new Fault(status, retryAfter, latency, disconnect, times, method,
        pathRegex == null ? null : Pattern.compile(pathRegex), timesSet, probability, seed));
  }

  /**
   * Returns this fault affecting each matching request with probability {@code probability} instead of every one.
   * Unless {@link #times(int)} is also given, the fault then stays queued for the fake's lifetime.
   *
   * @param probability the chance per matching request, greater than 0 and at most 1
   * @return the fault
   */
  public Fault probability(double probability) {
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be greater than 0 and at most 1");
    }
    return keepResponseLost(
        new Fault(status, retryAfter, latency, disconnect, times, method, path, timesSet, probability, seed));
  }

  /**
   * Returns this fault drawing its {@link #probability(double)} decisions from a {@link java.util.Random} seeded with
   * {@code seed}, so the same requests in the same order fail the same way on every run.
   *
   * @param seed the seed
   * @return the fault
   */
  public Fault seed(long seed) {
    return keepResponseLost(
        new Fault(status, retryAfter, latency, disconnect, times, method, path, timesSet, probability, seed));
  }

  int statusCode() {
    return status;
  }

  Duration retryAfterValue() {
    return retryAfter;
  }

  Duration latencyValue() {
    return latency;
  }

  boolean disconnects() {
    return disconnect;
  }

  int count() {
    return timesSet || probability >= 1 ? times : Integer.MAX_VALUE;
  }

  double probabilityValue() {
    return probability;
  }

  Long seedValue() {
    return seed;
  }

  String methodValue() {
    return method;
  }

  Pattern pathValue() {
    return path;
  }

  private static Duration requireNotNegative(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return duration;
  }

  /**
   * Returns a description of this fault.
   *
   * @return the description
   */
  @Override
  public String toString() {
    String what =
        responseLost ? "response lost" : disconnect ? "disconnect" : status > 0 ? "status " + status : "latency";
    return "Fault[" + what + (retryAfter != null ? ", retryAfter " + retryAfter : "")
        + (latency != null ? ", latency " + latency : "")
        + (count() == Integer.MAX_VALUE ? ", until cleared" : ", times " + times)
        + (probability < 1 ? ", probability " + probability + (seed != null ? ", seed " + seed : "") : "")
        + (method != null ? ", method " + method : "") + (path != null ? ", path /" + path + "/" : "") + "]";
  }
}
