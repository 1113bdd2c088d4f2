/**
 * The SDK's one unchecked exception tree, rooted at {@link dev.dbscim.client.error.DbscimException}, plus
 * {@link dev.dbscim.client.error.ScimErrorType}. Every failure that a SCIM call, a sync, a migration or a directory
 * source reports sits in this tree:
 *
 * <pre>
 * DbscimException (RuntimeException)
 * ├── ScimException                        a SCIM call failed; attempts(), retryable()
 * │   ├── ScimClientException              no usable SCIM response: I/O, interrupted, unparseable body, no token
 * │   │   └── ScimTimeoutException
 * │   └── ScimServiceException             an error status; status(), errorType(), detail(), requestId()
 * │       ├── ScimBadRequestException (400), ScimUnauthorizedException (401), ScimForbiddenException (403)
 * │       ├── ScimNotFoundException (404), ScimConflictException (409), ScimPreconditionFailedException (412)
 * │       ├── ScimRateLimitedException (429)  retryAfter()
 * │       └── ScimServerException (5xx)
 * └── SyncException                        a sync, migration or directory source refused or could not finish
 *     ├── InvalidDirectoryException        the directory has problems; problems()
 *     ├── DirectorySourceException         a source could not read its directory; retryable()
 *     │   └── GoogleDirectoryException     status(), reason(), attempts()
 *     ├── StalePlanException               a saved plan is no longer what a fresh plan would do; differences()
 *     ├── DeletionThresholdExceededException  a plan removes too many principals; removals(), threshold()
 *     ├── ImpactNotAllowedException        a plan's removals break active objects and the run does not allow it;
 *     │                                    breaking()
 *     ├── UnresolvedConflictsException     (migrate) workspaces disagree on principals nobody settled; conflicts()
 *     └── SyncInterruptedException         the thread reading the current state was interrupted
 * </pre>
 *
 * <p>The {@code Scim*} exceptions are created by the SDK only (their constructors are package-private). A failure
 * without a usable SCIM response is a {@link dev.dbscim.client.error.ScimClientException}; an error answer from the
 * service is a {@link dev.dbscim.client.error.ScimServiceException}, whose subclass is chosen by HTTP status. The sync
 * exceptions live next to the code that throws them, in {@code dev.dbscim.client.sync} and
 * {@code dev.dbscim.client.sync.google}; a directory source of the caller's own may throw
 * {@code InvalidDirectoryException} and {@code DirectorySourceException} too.
 *
 * <p>Outside the tree, on purpose: invalid arguments and missing builder options are programmer errors and throw
 * {@link java.lang.IllegalArgumentException}, {@link java.lang.IllegalStateException} or
 * {@link java.lang.NullPointerException} when the call or {@code build()} runs (so does text that is not a saved plan,
 * given to {@code SyncPlan.fromJson}); reading or writing a local file throws {@link java.io.UncheckedIOException}.
 */
package dev.dbscim.client.error;
