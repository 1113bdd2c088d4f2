package dev.dbscim.client.retry;

/**
 * Says when a {@code POST} or {@code PATCH}, which may not be safe to repeat, is retried.
 */
public enum NonIdempotentRetry {
  /**
   * Retries only when the request provably did not take effect: the connection could not be opened, or the service
   * refused the call because of load (429, 503, or the Databricks {@code REQUEST_LIMIT_EXCEEDED} 500). The default.
   */
  SAFE,
  /**
   * Retries {@code POST} and {@code PATCH} exactly like {@code GET}: also after timeouts, dropped connections and 502 or
   * 504 answers. A retried create may then create a duplicate, and a retried PATCH may apply twice (adding a member
   * twice is harmless, a relative change is not). Use only when the caller detects and repairs duplicates.
   */
  DANGEROUS_ALWAYS
}
