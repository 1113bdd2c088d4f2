package dev.dbscim.testkit;

import java.util.Locale;
import java.util.Objects;

/**
 * A principal named the way the workspace permissions API names it: a user by {@code user_name}, a group by
 * {@code group_name}, a service principal by {@code service_principal_name} (its application id). Immutable.
 *
 * <pre>{@code
 * workspace.grant("jobs", "7", FakePrincipal.group("data-eng"), "CAN_MANAGE");
 * }</pre>
 */
public final class FakePrincipal {
  /** What a {@link FakePrincipal} names. */
  public enum Kind {
    /** A user, named by its user name. */
    USER("user_name"),
    /** A group, named by its display name. */
    GROUP("group_name"),
    /** A service principal, named by its application id. */
    SERVICE_PRINCIPAL("service_principal_name");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /**
     * Returns the JSON field that carries the name in an access control entry, such as {@code user_name}.
     *
     * @return the field name
     */
    public String field() {
      return field;
    }
  }

  private final Kind kind;
  private final String name;

  private FakePrincipal(Kind kind, String name) {
    this.kind = kind;
    Objects.requireNonNull(name, "name");
    if (name.trim().isEmpty()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = kind == Kind.USER ? name.toLowerCase(Locale.ROOT) : name;
  }

  /**
   * Returns a user by user name (matched without regard to case, as Databricks does).
   *
   * @param userName the user name, such as {@code ann@example.com}
   * @return the principal
   */
  public static FakePrincipal user(String userName) {
    return new FakePrincipal(Kind.USER, userName);
  }

  /**
   * Returns a group by display name.
   *
   * @param displayName the group name, such as {@code data-eng}
   * @return the principal
   */
  public static FakePrincipal group(String displayName) {
    return new FakePrincipal(Kind.GROUP, displayName);
  }

  /**
   * Returns a service principal by application id.
   *
   * @param applicationId the application id
   * @return the principal
   */
  public static FakePrincipal servicePrincipal(String applicationId) {
    return new FakePrincipal(Kind.SERVICE_PRINCIPAL, applicationId);
  }

  /**
   * Returns what the name refers to.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the name: a user name (lower case), a group name or an application id.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FakePrincipal && ((FakePrincipal) other).kind == kind
        && ((FakePrincipal) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + name.hashCode();
  }

  /**
   * Returns the principal as its access control field, such as {@code group_name=data-eng}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return kind.field() + "=" + name;
  }
}
