package dev.dbscim.client.auth;

import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.internal.ScimErrorAccess;
import java.net.http.HttpTimeoutException;

/**
 * Creates the exceptions thrown when no token can be obtained. Every message is built by the callers from non-secret
 * parts only (endpoint, variable name, file path, OAuth error code).
 */
final class CredentialFailures {
  private CredentialFailures() {}

  /** A source that has no token right now (blank supplier result, unset variable, missing file). */
  static ScimClientException noToken(String message, Throwable cause) {
    return ScimErrorAccess.get().clientException(message, cause, 0, false);
  }

  /**
   * A failed token request. A timeout while waiting for the answer becomes a {@code ScimTimeoutException}.
   *
   */
  static ScimClientException tokenRequestFailed(String message, int attempts, boolean retryable, Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return ScimErrorAccess.get().timeoutException(message, cause, attempts);
    }
    return ScimErrorAccess.get().clientException(message, cause, attempts, retryable);
  }

  static ScimClientException interrupted(String message, InterruptedException cause) {
    return ScimErrorAccess.get().clientException(message, cause, 0, false);
  }
}
