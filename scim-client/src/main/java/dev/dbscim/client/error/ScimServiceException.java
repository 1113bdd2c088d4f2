package dev.dbscim.client.error;

import java.util.Optional;

/**
 * Signals that the service answered with an error status (300 or more; redirects are never followed). The subclass is
 * chosen by status; a status without its own subclass gives this class itself.
 *
 * <p>The body is read leniently: a SCIM error ({@code detail}, {@code scimType}), the Databricks platform form
 * ({@code {"error_code": ..., "message": ...}}), plain text or nothing at all. A {@code detail} of {@code "null"}, which
 * Databricks sends for some internal errors, counts as absent.
 */
public class ScimServiceException extends ScimException {
  private static final long serialVersionUID = 1L;

  /** The HTTP method of the failed request, such as {@code PATCH}. */
  private final String method;
  /** The request path relative to the SCIM root, without the query string. */
  private final String path;
  /** The HTTP status code. */
  private final int status;
  /** The {@code scimType} as sent, or {@code null}. */
  private final String rawScimType;
  /** The SCIM {@code detail} or platform {@code message}, or {@code null}. */
  private final String detail;
  /** The platform {@code error_code} as text, or {@code null}. */
  private final String errorCode;
  /** The request id from the response headers, or {@code null}. */
  private final String requestId;

  ScimServiceException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure.message(attempts), null, attempts, retryable);
    this.method = failure.method;
    this.path = failure.path;
    this.status = failure.status;
    this.rawScimType = failure.rawScimType;
    this.detail = failure.detail;
    this.errorCode = failure.errorCode;
    this.requestId = failure.requestId;
  }

  /**
   * Returns the HTTP status code of the answer.
   *
   * @return the status, such as 409
   */
  public int status() {
    return status;
  }

  /**
   * Returns the SCIM error type, matched case-insensitively from {@link #rawScimType()}.
   *
   * @return the type; {@link ScimErrorType#UNKNOWN} when absent or not an RFC 7644 type
   */
  public ScimErrorType errorType() {
    return ScimErrorType.fromWire(rawScimType);
  }

  /**
   * Returns the {@code scimType} exactly as the service sent it, such as Databricks' {@code "InvalidFilter"}.
   *
   * @return the raw type, if the body had one
   */
  public Optional<String> rawScimType() {
    return Optional.ofNullable(rawScimType);
  }

  /**
   * Returns the human-readable explanation: the SCIM {@code detail}, or the {@code message} of a platform error body,
   * or the first line of a plain-text body.
   *
   * @return the detail, if the body had one (a {@code "null"} detail counts as absent)
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /**
   * Returns the {@code error_code} of a Databricks platform error body such as
   * {@code {"error_code": 403, "message": "Invalid access token."}}, as text (a numeric code becomes {@code "403"}).
   *
   * @return the error code, if the body had one
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns the request id the service put in a response header ({@code x-request-id},
   * {@code x-databricks-request-id} or {@code request-id}), useful when asking the service's support.
   *
   * @return the request id, if the answer carried one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns the HTTP method of the failed request.
   *
   * @return the method, such as {@code "PATCH"}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path of the failed request relative to the client's SCIM root, without the query string.
   *
   * @return the path, such as {@code "/Groups/grp-42"}
   */
  public String path() {
    return path;
  }
}
