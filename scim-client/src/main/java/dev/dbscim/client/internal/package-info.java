/**
 * The client's transport on {@code java.net.http.HttpClient}, status-to-exception mapping, redaction and throttling.
 *
 * <p>Not public API; may change without notice.
 */
package dev.dbscim.client.internal;
