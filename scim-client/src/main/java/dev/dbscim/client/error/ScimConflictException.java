package dev.dbscim.client.error;

/**
 * Signals a 409 answer: a unique attribute is already taken ({@link ScimErrorType#UNIQUENESS}), such as a duplicate {@code userName}.
 */
public class ScimConflictException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimConflictException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
