package dev.dbscim.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request the fake served, as kept in its bounded journal. Credentials are already redacted, as the client's logs
 * redact them: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie} and every header
 * whose name contains {@code token}, {@code secret} or {@code key} read {@code ****}, and so do query parameters named
 * like {@code *token*} and every JSON member whose name contains {@code password}.
 */
public final class RecordedCall {
  /** The account, workspace and workspace-proxied account SCIM bases, and what follows them. */
  private static final Pattern SCIM_BASE =
      Pattern.compile("/api/2\\.0/(?:accounts/[^/]+|preview|account)/scim/v2(/.*)?");

  private final OptionalLong workspaceId;
  private final String method;
  private final String target;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;
  private final Instant time;

  RecordedCall(OptionalLong workspaceId, String method, String target, Map<String, List<String>> headers, String body,
      int status, Instant time) {
    this.workspaceId = workspaceId;
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
    this.status = status;
    this.time = time;
  }

  /**
   * Returns the workspace whose host received the request; empty for the account host.
   *
   * @return the workspace id
   */
  public OptionalLong workspaceId() {
    return workspaceId;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method, such as {@code PATCH}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the request target as sent: the encoded path and query.
   *
   * @return the target, such as {@code /api/2.0/preview/scim/v2/Users?filter=userName+eq+%22a%22}
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
   * Returns the path below the SCIM base, still encoded: {@code /Users/123} for
   * {@code /api/2.0/accounts/{accountId}/scim/v2/Users/123}, and likewise below the workspace base
   * {@code /api/2.0/preview/scim/v2} and the workspace's account base {@code /api/2.0/account/scim/v2}; without the
   * query. Lets one assertion hold for account and workspace clients alike.
   *
   * <pre>{@code
   * assertThat(scim.recordedRequests()).extracting(RecordedCall::scimPath)
   *     .containsExactly(Optional.of("/Users"), Optional.of("/Groups/7"));
   * }</pre>
   *
   * @return the path, such as {@code /Users/123}; empty for a request outside SCIM (OAuth tokens, permission
   *     assignments, ...)
   */
  public Optional<String> scimPath() {
    Matcher matcher = SCIM_BASE.matcher(path());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1) == null ? "" : matcher.group(1));
  }

  /**
   * Returns the request headers by name, redacted.
   *
   * @return the headers, names as sent
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header, matching its name in any case.
   *
   * @param name the header name
   * @return the value, or empty
   */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return Optional.of(entry.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the request body as UTF-8 text, redacted; empty when there was none.
   *
   * @return the body
   */
  public String body() {
    return body;
  }

  /**
   * Returns the status the fake answered; 0 when it dropped the connection.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Returns when the request was served, on the fake's clock.
   *
   * @return the instant
   */
  public Instant time() {
    return time;
  }

  /**
   * Returns the request line and status, for assertion messages.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return method + " " + target + " -> " + status;
  }
}
