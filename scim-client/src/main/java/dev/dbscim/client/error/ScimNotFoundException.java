package dev.dbscim.client.error;

/**
 * Signals a 404 answer: the resource does not exist.
 */
public class ScimNotFoundException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimNotFoundException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
