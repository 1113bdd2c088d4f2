package dev.dbscim.testkit;

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
 * }</pre>
 *
 * <p>A status fault answers without touching the fake's state. A dropped connection also leaves the state unchanged.
 * Note that {@code java.net.http.HttpClient} silently retries an idempotent request once after a dropped connection,
 * so a {@code disconnect()} with {@code times(1)} is seen by such a client as one success.
 */
public final class Fault {
  private final int status;
  private final Duration retryAfter;
  private final Duration latency;
  private final boolean disconnect;
  private final int times;
  private final String method;
  private final Pattern path;

  private Fault(int status, Duration retryAfter, Duration latency, boolean disconnect, int times, String method,
      Pattern path) {
    this.status = status;
    this.retryAfter = retryAfter;
    this.latency = latency;
    this.disconnect = disconnect;
    this.times = times;
    this.method = method;
    this.path = path;
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
   * Returns this fault with a {@code Retry-After} header in whole seconds.
   *
   * @param retryAfter the delay the client is asked to wait
   * @return the fault
   */
  public Fault retryAfter(Duration retryAfter) {
    return new Fault(status, requireNotNegative(retryAfter), latency, disconnect, times, method, path);
  }

  /**
   * Returns this fault with extra latency before the response headers.
   *
   * @param delay the delay
   * @return the fault
   */
  public Fault withLatency(Duration delay) {
    return new Fault(status, retryAfter, requireNotNegative(delay), disconnect, times, method, path);
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
    return new Fault(status, retryAfter, latency, disconnect, count, method, path);
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
    return new Fault(status, retryAfter, latency, disconnect, times, method,
        pathRegex == null ? null : Pattern.compile(pathRegex));
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
    return times;
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
    String what = disconnect ? "disconnect" : status > 0 ? "status " + status : "latency";
    return "Fault[" + what + (retryAfter != null ? ", retryAfter " + retryAfter : "")
        + (latency != null ? ", latency " + latency : "") + ", times " + times
        + (method != null ? ", method " + method : "") + (path != null ? ", path /" + path + "/" : "") + "]";
  }
}
