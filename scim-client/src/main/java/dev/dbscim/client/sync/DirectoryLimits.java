package dev.dbscim.client.sync;

/**
 * The size limits a directory must stay within: by default those of a Databricks account, 10,000 users and service
 * principals together and 5,000 groups.
 */
public final class DirectoryLimits {
  private static final DirectoryLimits DATABRICKS = new DirectoryLimits(10_000, 5_000);

  private final int maxPrincipals;
  private final int maxGroups;

  private DirectoryLimits(int maxPrincipals, int maxGroups) {
    if (maxPrincipals < 0 || maxGroups < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    this.maxPrincipals = maxPrincipals;
    this.maxGroups = maxGroups;
  }

  /**
   * Returns the limits of a Databricks account: 10,000 users and service principals together, 5,000 groups.
   *
   * @return the default limits
   */
  public static DirectoryLimits databricks() {
    return DATABRICKS;
  }

  /**
   * Returns custom limits, for tests or for accounts with raised limits.
   *
   * @param maxPrincipals the most users and service principals together
   * @param maxGroups the most groups
   * @return the limits
   * @throws IllegalArgumentException when a limit is negative
   */
  public static DirectoryLimits of(int maxPrincipals, int maxGroups) {
    return new DirectoryLimits(maxPrincipals, maxGroups);
  }

  /**
   * Returns the most users and service principals a directory may hold together.
   *
   * @return the principal limit
   */
  public int maxPrincipals() {
    return maxPrincipals;
  }

  /**
   * Returns the most groups a directory may hold.
   *
   * @return the group limit
   */
  public int maxGroups() {
    return maxGroups;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DirectoryLimits)) {
      return false;
    }
    DirectoryLimits that = (DirectoryLimits) other;
    return maxPrincipals == that.maxPrincipals && maxGroups == that.maxGroups;
  }

  @Override
  public int hashCode() {
    return 31 * maxPrincipals + maxGroups;
  }

  @Override
  public String toString() {
    return "DirectoryLimits{maxPrincipals=" + maxPrincipals + ", maxGroups=" + maxGroups + "}";
  }
}
