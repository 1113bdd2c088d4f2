package dev.dbscim.client.error;

/**
 * Signals a 412 answer: an {@code If-Match} version did not match the resource's current version.
 */
public class ScimPreconditionFailedException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimPreconditionFailedException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
