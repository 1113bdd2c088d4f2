/**
 * Retry policy ({@link dev.dbscim.client.retry.RetryPolicy}, {@link dev.dbscim.client.retry.NonIdempotentRetry}) and
 * the injectable {@link dev.dbscim.client.retry.Sleeper}.
 */
@ValueStyle
package dev.dbscim.client.retry;

import dev.dbscim.client.internal.ValueStyle;
