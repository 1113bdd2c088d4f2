package dev.dbscim.client.error;

/**
 * Signals that a SCIM call failed; the branch of the SDK's {@link DbscimException} tree for calls to the SCIM API (the
 * other branch, {@link SyncException}, is for syncs, migrations and directory sources).
 *
 * <p>Messages name the method, the path (never the query string), the status and the attempt count; they never contain
 * tokens, header values or request bodies.
 */
public abstract class ScimException extends DbscimException {
  private static final long serialVersionUID = 1L;

  static {
    ErrorFactory.install();
  }

  /** How many attempts were made before this exception was thrown, at least 1 (0 when nothing was sent). */
  private final int attempts;
  /** Whether the failure is transient, so that repeating the call later may succeed. */
  private final boolean retryable;

  ScimException(String message, Throwable cause, int attempts, boolean retryable) {
    super(message, cause);
    this.attempts = attempts;
    this.retryable = retryable;
  }

  /**
   * Returns how many attempts the client made, including retries and a token refresh, before giving up.
   *
   * @return the attempt count; 0 when the call failed before anything was sent (for example while waiting for a rate
   *     limit permit or for a token)
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns whether the failure is transient (throttling, an overloaded or unreachable service, a timeout), so that
   * repeating the call later may succeed. The client has already retried as far as its
   * {@link dev.dbscim.client.retry.RetryPolicy} allows; this flag helps callers that queue work for later.
   *
   * @return true for transient failures
   */
  public boolean retryable() {
    return retryable;
  }
}
