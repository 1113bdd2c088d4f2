/**
 * The client's transport on {@code java.net.http.HttpClient} ({@link dev.dbscim.client.internal.ScimTransport},
 * {@link dev.dbscim.client.internal.ScimRequest}, {@link dev.dbscim.client.internal.ScimResponse}), which redacts
 * with {@link dev.dbscim.core.redaction.Redactor}, access to the exception factory in
 * {@code client.error} ({@link dev.dbscim.client.internal.ScimErrorAccess}) and client-side throttling.
 *
 * <p>Not public API; may change without notice.
 */
package dev.dbscim.client.internal;
