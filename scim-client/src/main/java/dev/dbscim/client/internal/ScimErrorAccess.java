package dev.dbscim.client.internal;

import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.error.ScimTimeoutException;
import java.time.Duration;

/**
 * Gives SDK code outside {@code client.error} a way to create the exceptions whose constructors are package-private.
 * The only implementation lives in {@code client.error} and installs itself when the exception classes load (OkHttp's
 * {@code Internal.instance} pattern).
 *
 * <p>Not public API; may change without notice.
 */
public abstract class ScimErrorAccess {
  private static volatile ScimErrorAccess instance;

  /** Creates the accessor; only {@code client.error} subclasses it. */
  protected ScimErrorAccess() {}

  /**
   * Returns the installed factory, loading the exception classes first if needed.
   *
   * @return the factory
   */
  public static ScimErrorAccess get() {
    ScimErrorAccess current = instance;
    if (current == null) {
      try {
        Class.forName("dev.dbscim.client.error.ScimException", true, ScimErrorAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("dbscim exception classes are missing", e);
      }
      current = instance;
    }
    return current;
  }

  /**
   * Installs the factory; only the factory of {@code client.error} is accepted, and the first installation wins.
   *
   * @param access the factory from {@code client.error}
   * @throws IllegalArgumentException for any other implementation
   */
  public static synchronized void install(ScimErrorAccess access) {
    if (!access.getClass().getName().equals("dev.dbscim.client.error.ErrorFactory")) {
      throw new IllegalArgumentException("only dbscim's own exception factory can be installed");
    }
    if (instance == null) {
      instance = access;
    }
  }

  /**
   * Returns the exception for an error answer; the one place where a status picks the exception class. A 429, or a 500
   * whose detail or error code contains {@code REQUEST_LIMIT_EXCEEDED}, gives a rate-limited exception; 502, 503 and
   * 504 are retryable server exceptions; other statuses without a subclass give the plain service exception.
   *
   * @param method the HTTP method
   * @param path the path relative to the SCIM root, without the query string
   * @param status the HTTP status
   * @param rawScimType the {@code scimType} as sent, or {@code null}
   * @param detail the SCIM {@code detail} or platform {@code message}, or {@code null} ({@code "null"} counts as absent)
   * @param errorCode the platform {@code error_code} as text, or {@code null}
   * @param requestId the response's request id, or {@code null}
   * @param retryAfter the parsed {@code Retry-After}, or {@code null}
   * @param attempts the attempts made so far
   * @return the exception, not thrown
   */
  public abstract ScimServiceException serviceException(String method, String path, int status, String rawScimType,
      String detail, String errorCode, String requestId, Duration retryAfter, int attempts);

  /**
   * Returns a client-side failure (I/O, interrupted, unusable body, no token).
   *
   * @param message the message; must not contain secrets
   * @param cause the cause, or {@code null}
   * @param attempts the attempts made so far
   * @param retryable whether repeating the call later may help
   * @return the exception, not thrown
   */
  public abstract ScimClientException clientException(String message, Throwable cause, int attempts,
      boolean retryable);

  /**
   * Returns a timeout failure, always retryable.
   *
   * @param message the message; must not contain secrets
   * @param cause the cause, or {@code null}
   * @param attempts the attempts made so far
   * @return the exception, not thrown
   */
  public abstract ScimTimeoutException timeoutException(String message, Throwable cause, int attempts);
}
