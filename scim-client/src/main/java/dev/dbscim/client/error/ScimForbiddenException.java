package dev.dbscim.client.error;

/**
 * Signals a 403 answer: the caller may not perform the call, or (Databricks) the token is invalid.
 */
public class ScimForbiddenException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimForbiddenException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
