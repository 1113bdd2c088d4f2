package dev.dbscim.client.api;

/**
 * The order of a sorted list (RFC 7644 section 3.4.2.3), sent as the {@code sortOrder} query parameter.
 */
public enum SortOrder {
  /** Smallest first, sent as {@code ascending}; the SCIM default when {@code sortBy} is given. */
  ASCENDING("ascending"),
  /** Largest first, sent as {@code descending}. */
  DESCENDING("descending");

  private final String queryValue;

  SortOrder(String queryValue) {
    this.queryValue = queryValue;
  }

  /**
   * Returns the value sent on the wire, {@code ascending} or {@code descending} (RFC 7644 section 3.4.2.3).
   *
   * @return the query parameter value
   */
  public String queryValue() {
    return queryValue;
  }
}
