package dev.dbscim.client.error;

/**
 * Signals that a call produced no usable SCIM response: an I/O failure, an interrupted thread, a body that is not valid
 * JSON or exceeds the configured size limit, or a failure to obtain a token.
 */
public class ScimClientException extends ScimException {
  private static final long serialVersionUID = 1L;

  ScimClientException(String message, Throwable cause, int attempts, boolean retryable) {
    super(message, cause, attempts, retryable);
  }
}
