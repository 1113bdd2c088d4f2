package dev.dbscim.client.sync;

import dev.dbscim.client.error.SyncException;

/**
 * Signals that a {@link DirectorySource} could not read its directory from the system behind it (an identity
 * provider's API refused or failed, or could not be reached). Data that was read but is not a valid directory is
 * reported with {@link InvalidDirectoryException} instead; an unreadable file with {@link java.io.UncheckedIOException}.
 *
 * <p>Messages never contain tokens, keys or request bodies. Sources of the caller's own may throw this exception too.
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}.
 */
public class DirectorySourceException extends SyncException {
  private static final long serialVersionUID = 1L;

  /** Whether the failure is transient, so that loading again later may succeed. */
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain secrets
   * @param cause the underlying failure, or {@code null}
   * @param retryable whether the failure is transient (throttling, an unreachable or overloaded service), so that
   *     loading again later may succeed
   */
  public DirectorySourceException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Returns whether the failure is transient, so that loading again later may succeed. The source has already retried
   * as far as its configuration allows.
   *
   * @return true for transient failures
   */
  public boolean retryable() {
    return retryable;
  }
}
