package dev.dbscim.client.error;

import dev.dbscim.client.internal.ScimErrorAccess;
import java.time.Duration;

/**
 * Creates every exception of this package for the transport in {@code client.internal}, and holds the single
 * status-to-exception switch.
 *
 * <p>Why here: the exception constructors are package-private so that only the SDK creates them, yet the transport
 * lives in another package. Following OkHttp's {@code Internal.instance} pattern, this package-private class installs
 * itself into {@link ScimErrorAccess} when {@link ScimException} is initialised; {@link ScimErrorAccess#get()} forces
 * that initialisation. Users see no public factory, and there is still exactly one place that maps statuses.
 */
final class ErrorFactory extends ScimErrorAccess {
  private ErrorFactory() {}

  static void install() {
    ScimErrorAccess.install(new ErrorFactory());
  }

  @Override
  public ScimServiceException serviceException(String method, String path, int status, String rawScimType,
      String detail, String errorCode, String requestId, Duration retryAfter, int attempts) {
    ServiceFailure failure =
        new ServiceFailure(method, path, status, rawScimType, detail, errorCode, requestId, retryAfter);
    if (status == 429 || (status == 500 && failure.requestLimitExceeded())) {
      return new ScimRateLimitedException(failure, attempts);
    }
    switch (status) {
      case 400:
        return new ScimBadRequestException(failure, attempts, false);
      case 401:
        return new ScimUnauthorizedException(failure, attempts, false);
      case 403:
        return new ScimForbiddenException(failure, attempts, false);
      case 404:
        return new ScimNotFoundException(failure, attempts, false);
      case 409:
        return new ScimConflictException(failure, attempts, false);
      case 412:
        return new ScimPreconditionFailedException(failure, attempts, false);
      default:
        if (status >= 500 && status <= 599) {
          return new ScimServerException(failure, attempts, status == 502 || status == 503 || status == 504);
        }
        return new ScimServiceException(failure, attempts, false);
    }
  }

  @Override
  public ScimClientException clientException(String message, Throwable cause, int attempts, boolean retryable) {
    return new ScimClientException(message, cause, attempts, retryable);
  }

  @Override
  public ScimTimeoutException timeoutException(String message, Throwable cause, int attempts) {
    return new ScimTimeoutException(message, cause, attempts);
  }
}
