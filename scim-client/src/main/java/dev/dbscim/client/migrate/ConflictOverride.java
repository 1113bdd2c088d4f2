package dev.dbscim.client.migrate;

import dev.dbscim.client.internal.ValueStyle;
import dev.dbscim.client.sync.PrincipalKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * The value one principal's attribute gets at account level when the workspaces disagree on it: one entry of
 * {@link ConflictOverrides}. Immutable.
 */
@Value.Immutable
@ValueStyle
public abstract class ConflictOverride {
  static final List<String> USER_ATTRIBUTES =
      Collections.unmodifiableList(Arrays.asList("displayName", "givenName", "familyName", "externalId"));
  static final List<String> SERVICE_PRINCIPAL_ATTRIBUTES =
      Collections.unmodifiableList(Arrays.asList("displayName", "externalId"));
  static final List<String> GROUP_ATTRIBUTES = Collections.singletonList("externalId");

  ConflictOverride() {}

  /**
   * Returns the kind of principal.
   *
   * @return the kind
   */
  @Value.Parameter
  public abstract PrincipalKind kind();

  /**
   * Returns the principal's name: a {@code userName} (any case), an {@code applicationId} or a group's
   * {@code displayName}.
   *
   * @return the name
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Returns the attribute: {@code displayName}, {@code givenName}, {@code familyName} or {@code externalId} of a user,
   * {@code displayName} or {@code externalId} of a service principal, {@code externalId} of a group.
   *
   * @return the attribute
   */
  @Value.Parameter
  public abstract String attribute();

  /**
   * Returns the value the account gets.
   *
   * @return the value
   */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns an override.
   *
   * @param kind the kind of principal
   * @param name the principal's name
   * @param attribute the attribute, one of those {@link #attribute()} lists for the kind
   * @param value the value the account gets
   * @return the override
   * @throws IllegalArgumentException when the attribute is not a mapped attribute of the kind, or the name or value
   *     is empty
   */
  public static ConflictOverride of(PrincipalKind kind, String name, String attribute, String value) {
    return ImmutableConflictOverride.of(kind, name, attribute, value);
  }

  @Value.Check
  void check() {
    if (name().trim().isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    if (value().trim().isEmpty()) {
      throw new IllegalArgumentException("value must not be empty");
    }
    if (!attributes(kind()).contains(attribute())) {
      throw new IllegalArgumentException("attribute must be one of " + attributes(kind()) + " for a "
          + AttributeConflict.kindName(kind()));
    }
  }

  /** Returns the key that matches a conflict: userNames match in any case. */
  final String key() {
    return key(kind(), name(), attribute());
  }

  static String key(PrincipalKind kind, String name, String attribute) {
    String normalized = kind == PrincipalKind.USER ? name.toLowerCase(Locale.ROOT) : name;
    return kind + "/" + normalized + "/" + attribute;
  }

  static List<String> attributes(PrincipalKind kind) {
    switch (kind) {
      case USER:
        return USER_ATTRIBUTES;
      case SERVICE_PRINCIPAL:
        return SERVICE_PRINCIPAL_ATTRIBUTES;
      default:
        return GROUP_ATTRIBUTES;
    }
  }
}
