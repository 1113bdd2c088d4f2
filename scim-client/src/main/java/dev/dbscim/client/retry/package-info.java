/**
 * Retry policy and the injectable {@link dev.dbscim.client.retry.Sleeper}.
 */
package dev.dbscim.client.retry;
