package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user as the identity provider wants it: matched to the account's users by {@code userName} (case-insensitively),
 * then by {@code externalId}.
 *
 * <p>Entitlements are kept as wire values (such as {@code "workspace-access"}) so that a directory read from a file can
 * hold an unknown one; {@link Directory#validate(DirectoryLimits)} reports it.
 *
 * <pre>{@code
 * DirectoryUser ada = DirectoryUser.builder().userName("ada@example.com")
 *     .displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
 *     .externalId("idp-1").addEntitlements(Entitlement.WORKSPACE_ACCESS)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class DirectoryUser {
  DirectoryUser() {}

  /**
   * Returns a new, empty builder; {@code userName} must be set, the user is {@code active} by default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder for a user with the given user name; a shortcut for {@code builder().userName(userName)}.
   *
   * @param userName the user name, usually an email address; must not be {@code null}
   * @return a new builder, {@code active} by default
   */
  public static Builder builder(String userName) {
    return builder().userName(userName);
  }

  /**
   * Returns a builder that starts with this user's values.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the user name, the user's identity in Databricks.
   *
   * @return the user name
   */
  public abstract String userName();

  /**
   * Returns the display name.
   *
   * @return the display name; empty when the identity provider does not manage it
   */
  public abstract Optional<String> displayName();

  /**
   * Returns the given name.
   *
   * @return the given name; empty when the identity provider does not manage it
   */
  public abstract Optional<String> givenName();

  /**
   * Returns the family name.
   *
   * @return the family name; empty when the identity provider does not manage it
   */
  public abstract Optional<String> familyName();

  /**
   * Returns the identity provider's id for the user.
   *
   * @return the external id; empty when none
   */
  public abstract Optional<String> externalId();

  /**
   * Returns whether the user is active.
   *
   * @return {@code true} unless the identity provider disabled the user
   */
  @Value.Default
  public boolean active() {
    return true;
  }

  /**
   * Returns the entitlements granted to the user directly, as wire values.
   *
   * @return the entitlements in directory order; never {@code null}
   */
  public abstract List<String> entitlements();

  /** Builds a {@link DirectoryUser}; every collection setter replaces the whole collection. */
  public static final class Builder extends ImmutableDirectoryUser.Builder {
    Builder() {}

    /**
     * Adds entitlements by their constants.
     *
     * @param entitlements the entitlements to add
     * @return this builder
     */
    public final Builder addEntitlements(Entitlement... entitlements) {
      return addAllEntitlements(Values.entitlementValues(entitlements));
    }
  }
}
