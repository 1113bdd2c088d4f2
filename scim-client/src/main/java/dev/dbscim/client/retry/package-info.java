/**
 * Retry policy ({@link dev.dbscim.client.retry.RetryPolicy}, {@link dev.dbscim.client.retry.NonIdempotentRetry}) and
 * the injectable {@link dev.dbscim.client.retry.Sleeper}.
 */
package dev.dbscim.client.retry;
