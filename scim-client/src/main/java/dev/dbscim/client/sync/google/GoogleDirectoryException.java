package dev.dbscim.client.sync.google;

import dev.dbscim.client.sync.DirectorySourceException;
import java.util.Optional;

/**
 * Signals that the Google Directory API or the Google token endpoint refused or failed a request after the retries
 * the source allows: a permission problem (403 {@code forbidden}, a token endpoint {@code unauthorized_client} when
 * domain-wide delegation lacks a scope), an unknown customer or group (404 {@code notFound}), a quota that stayed
 * exhausted, or a network failure.
 *
 * <p>The message reads like {@code Google GET /admin/directory/v1/users -> 403 forbidden: Not Authorized to access
 * this resource/api [attempts=1]}; it never contains tokens, keys or query strings.
 *
 * <p>Part of the SDK's exception tree: a {@link DirectorySourceException}, a
 * {@link dev.dbscim.client.error.SyncException} and so a {@link dev.dbscim.client.error.DbscimException}.
 */
public final class GoogleDirectoryException extends DirectorySourceException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the last answer, or 0 when none arrived. */
  private final int status;
  /** Google's machine-readable reason, or {@code null}. */
  private final String reason;
  /** How many attempts were made. */
  private final int attempts;

  GoogleDirectoryException(String message, Throwable cause, int status, String reason, int attempts,
      boolean retryable) {
    super(message, cause, retryable);
    this.status = status;
    this.reason = reason;
    this.attempts = attempts;
  }

  /**
   * Returns the HTTP status of the last answer.
   *
   * @return the status, or 0 when no answer arrived (an I/O failure or timeout)
   */
  public int status() {
    return status;
  }

  /**
   * Returns Google's machine-readable reason: {@code error.errors[0].reason} of the Directory API (such as
   * {@code forbidden}, {@code notFound}, {@code rateLimitExceeded}) or the token endpoint's {@code error} (such as
   * {@code invalid_grant}, {@code unauthorized_client}).
   *
   * @return the reason; empty when the answer had none
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Returns how many attempts were made before giving up.
   *
   * @return the attempt count, at least 1
   */
  public int attempts() {
    return attempts;
  }
}
