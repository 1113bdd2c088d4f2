package dev.dbscim.client.sync;

import org.immutables.value.Value;

/**
 * The size limits a directory must stay within: by default those of a Databricks account, 10,000 users and service
 * principals together and 5,000 groups. The lengths of single values are fixed: see {@link #MAX_USER_NAME_LENGTH},
 * {@link #MAX_NAME_LENGTH} and {@link #MAX_EXTERNAL_ID_LENGTH}; a longer value is a
 * {@link DirectoryProblem.Code#VALUE_TOO_LONG} problem whatever the limits.
 */
@Value.Immutable
public abstract class DirectoryLimits {
  /**
   * The most characters of a user's {@code userName}: 254. INFERRED: Databricks documents no limit; user names are
   * email addresses, and an email address has at most 254 characters (RFC 5321 section 4.5.3.1.3 limits a path to
   * 256 octets including its angle brackets).
   */
  public static final int MAX_USER_NAME_LENGTH = 254;

  /**
   * The most characters of a {@code displayName} (of users, service principals and groups), {@code givenName} and
   * {@code familyName}: 256. INFERRED: Databricks documents no limit; 256 is the display-name limit of Microsoft Entra
   * ID, the identity provider most Databricks accounts provision from, so real names fit while a runaway value (a
   * whole file pasted into a cell) is stopped before it reaches Databricks.
   */
  public static final int MAX_NAME_LENGTH = 256;

  /**
   * The most characters of an {@code externalId}: 64, as documented for the {@code externalId} of users, service
   * principals and groups in the Databricks SCIM API reference ("&lt;= 64 characters").
   */
  public static final int MAX_EXTERNAL_ID_LENGTH = 64;

  private static final DirectoryLimits DATABRICKS = of(10_000, 5_000);

  DirectoryLimits() {}

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
    return ImmutableDirectoryLimits.of(maxPrincipals, maxGroups);
  }

  /**
   * Returns the most users and service principals a directory may hold together.
   *
   * @return the principal limit
   */
  @Value.Parameter
  public abstract int maxPrincipals();

  /**
   * Returns the most groups a directory may hold.
   *
   * @return the group limit
   */
  @Value.Parameter
  public abstract int maxGroups();

  @Value.Check
  void checkNotNegative() {
    if (maxPrincipals() < 0 || maxGroups() < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }
}
