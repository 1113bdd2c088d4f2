package dev.dbscim.client.error;

/**
 * Signals a 401 answer: the token was missing, expired or revoked; the client already asked its credentials for a fresh token once.
 */
public class ScimUnauthorizedException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimUnauthorizedException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
