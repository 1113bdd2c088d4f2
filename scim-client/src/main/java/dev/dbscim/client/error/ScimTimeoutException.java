package dev.dbscim.client.error;

/**
 * Signals that connecting or receiving the response took longer than the configured connect or request timeout.
 * Always {@link #retryable()}.
 */
public class ScimTimeoutException extends ScimClientException {
  private static final long serialVersionUID = 1L;

  ScimTimeoutException(String message, Throwable cause, int attempts) {
    super(message, cause, attempts, true);
  }
}
