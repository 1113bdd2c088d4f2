package dev.dbscim.client.error;

/**
 * Signals that a sync, a migration or a directory source refused to go on or could not finish, for a reason other
 * than a failed SCIM call (which is a {@link ScimException}). The subclasses say why:
 * {@link dev.dbscim.client.sync.InvalidDirectoryException} (the directory has problems),
 * {@link dev.dbscim.client.sync.DirectorySourceException} (a source could not read its directory; from Google a
 * {@link dev.dbscim.client.sync.google.GoogleDirectoryException}),
 * {@link dev.dbscim.client.sync.StalePlanException} (a saved plan no longer matches),
 * {@link dev.dbscim.client.sync.DeletionThresholdExceededException} (a plan removes too many principals),
 * {@link dev.dbscim.client.sync.ImpactNotAllowedException} (a plan's removals break active objects),
 * {@link dev.dbscim.client.migrate.UnresolvedConflictsException} (a provisioning migration plan has conflicts nobody
 * settled) and
 * {@link dev.dbscim.client.sync.SyncInterruptedException} (the reading thread was interrupted).
 *
 * <p>Only those subclasses extend it: a {@link dev.dbscim.client.sync.DirectorySource} of the caller's own signals its
 * failures with {@code DirectorySourceException} or {@code InvalidDirectoryException}, whose constructors are public.
 */
public abstract class SyncException extends DbscimException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; for the subclasses in {@code dev.dbscim.client.sync} only.
   *
   * @param message what failed; must not contain secrets
   * @param cause the underlying failure, or {@code null}
   */
  protected SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
