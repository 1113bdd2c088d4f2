package dev.dbscim.client.api;

import org.immutables.value.Value;

/**
 * Names a principal for {@link PermissionAssignmentsApi#assignByName(PrincipalName, java.util.Set)}: a user by user
 * name, a group by display name, or a service principal by application id. Immutable.
 */
@Value.Immutable(builder = false, copy = false)
public abstract class PrincipalName {
  /** The kinds of principal that can be named. */
  public enum Kind {
    /** A user, named by its user name; sent as {@code user_name}. */
    USER("user_name"),
    /** A group, named by its display name; sent as {@code group_name}. */
    GROUP("group_name"),
    /** A service principal, named by its application id; sent as {@code service_principal_name}. */
    SERVICE_PRINCIPAL("service_principal_name");

    private final String wireKey;

    Kind(String wireKey) {
      this.wireKey = wireKey;
    }

    /**
     * Returns the JSON key the name is sent under, such as {@code user_name}.
     *
     * @return the key
     */
    public String wireKey() {
      return wireKey;
    }
  }

  PrincipalName() {}

  /**
   * Returns the name of a user.
   *
   * @param userName the user name, such as {@code ada@example.com}
   * @return the principal name
   * @throws IllegalArgumentException if blank
   */
  public static PrincipalName user(String userName) {
    return ImmutablePrincipalName.of(Kind.USER, userName);
  }

  /**
   * Returns the name of a group.
   *
   * @param groupName the group's display name
   * @return the principal name
   * @throws IllegalArgumentException if blank
   */
  public static PrincipalName group(String groupName) {
    return ImmutablePrincipalName.of(Kind.GROUP, groupName);
  }

  /**
   * Returns the name of a service principal.
   *
   * @param applicationId the service principal's application id
   * @return the principal name
   * @throws IllegalArgumentException if blank
   */
  public static PrincipalName servicePrincipal(String applicationId) {
    return ImmutablePrincipalName.of(Kind.SERVICE_PRINCIPAL, applicationId);
  }

  /**
   * Returns the kind of principal.
   *
   * @return the kind
   */
  @Value.Parameter
  public abstract Kind kind();

  /**
   * Returns the name as given.
   *
   * @return the name
   */
  @Value.Parameter
  public abstract String name();

  @Value.Check
  void check() {
    if (name().trim().isEmpty()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  /**
   * Returns the kind and name, such as {@code USER:ada@example.com}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return kind() + ":" + name();
  }
}
