package dev.dbscim.client.error;

/**
 * Signals that an operation of the SDK failed; the root of its one unchecked exception tree. Catch it to handle every
 * failure of a SCIM call, a sync, a migration or a directory source in one place.
 *
 * <p>It has exactly two branches: {@link ScimException} for a SCIM call that failed (no usable answer, or an error
 * status) and {@link SyncException} for a sync, a migration or a directory source that refused or could not finish
 * (see the {@linkplain dev.dbscim.client.error package} for the whole tree). Invalid arguments and missing builder
 * options are programmer errors and throw {@link IllegalArgumentException}, {@link IllegalStateException} or
 * {@link NullPointerException} instead; local file I/O throws {@link java.io.UncheckedIOException}.
 *
 * <p>Messages never contain tokens, keys, header values or request bodies.
 */
public abstract class DbscimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DbscimException(String message, Throwable cause) {
    super(message, cause);
  }
}
