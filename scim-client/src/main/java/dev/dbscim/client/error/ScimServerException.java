package dev.dbscim.client.error;

/**
 * Signals a 5xx answer: the service failed (statuses 500 to 599, except the Databricks concurrency-limit 500, which is a {@link ScimRateLimitedException}).
 */
public class ScimServerException extends ScimServiceException {
  private static final long serialVersionUID = 1L;

  ScimServerException(ServiceFailure failure, int attempts, boolean retryable) {
    super(failure, attempts, retryable);
  }
}
