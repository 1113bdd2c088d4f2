package dev.dbscim.testkit.google;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request a {@link FakeGoogleDirectory} served, as kept in its bounded journal. Credentials are redacted: the
 * {@code Authorization} header reads {@code Bearer ****} and the token request's {@code assertion} reads
 * {@code ****}.
 */
public final class RecordedGoogleRequest {
  private final String method;
  private final String target;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;
  private final Instant time;

  RecordedGoogleRequest(String method, String target, Map<String, List<String>> headers, String body, int status,
      Instant time) {
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
    this.status = status;
    this.time = time;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method, such as {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the request target as sent: the encoded path and query.
   *
   * @return the target, such as {@code /admin/directory/v1/users?customer=my_customer&maxResults=500}
   */
  public String target() {
    return target;
  }

  /**
   * Returns the path part of the target, still encoded.
   *
   * @return the path
   */
  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /**
   * Returns the request headers by lower-case name, redacted.
   *
   * @return the headers
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header, redacted.
   *
   * @param name the header name, any case
   * @return the value; empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the request body, redacted.
   *
   * @return the body; empty for a GET
   */
  public String body() {
    return body;
  }

  /**
   * Returns the status the fake answered with.
   *
   * @return the status, or 0 when the connection was dropped
   */
  public int status() {
    return status;
  }

  /**
   * Returns when the fake served the request, by its clock.
   *
   * @return the time
   */
  public Instant time() {
    return time;
  }

  @Override
  public String toString() {
    return method + " " + target + " -> " + status;
  }
}
