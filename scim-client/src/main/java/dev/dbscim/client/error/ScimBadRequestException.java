package dev.dbscim.client.error;

/**
 * Signals a 400 answer: the request was invalid: a bad filter, PATCH path or value (see {@link #errorType()}).
 */
public class ScimBadRequestException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimBadRequestException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
