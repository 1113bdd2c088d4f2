package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service principal as the identity provider wants it: matched to the account's service principals by its
 * {@code applicationId}, a UUID (compared ignoring case).
 *
 * <pre>{@code
 * DirectoryServicePrincipal etl = DirectoryServicePrincipal.builder()
 *     .applicationId("0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a10")
 *     .displayName("etl").externalId("idp-sp-1").build();
 * }</pre>
 */
@Value.Immutable
public abstract class DirectoryServicePrincipal {
  DirectoryServicePrincipal() {}

  /**
   * Returns a new, empty builder; {@code applicationId} must be set, the service principal is {@code active} by
   * default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder for a service principal with the given application id; a shortcut for
   * {@code builder().applicationId(applicationId)}.
   *
   * @param applicationId the application id, a UUID; must not be {@code null}
   * @return a new builder, {@code active} by default
   */
  public static Builder builder(String applicationId) {
    return builder().applicationId(applicationId);
  }

  /**
   * Returns a builder that starts with this service principal's values.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the application id, the service principal's identity in Databricks.
   *
   * @return the application id as given (validation checks it is a UUID)
   */
  public abstract String applicationId();

  /**
   * Returns the display name.
   *
   * @return the display name; empty when the identity provider does not manage it
   */
  public abstract Optional<String> displayName();

  /**
   * Returns the identity provider's id for the service principal.
   *
   * @return the external id; empty when none
   */
  public abstract Optional<String> externalId();

  /**
   * Returns whether the service principal is active.
   *
   * @return {@code true} unless the identity provider disabled it
   */
  @Value.Default
  public boolean active() {
    return true;
  }

  /**
   * Returns the entitlements granted to the service principal directly, as wire values.
   *
   * @return the entitlements in directory order; never {@code null}
   */
  public abstract List<String> entitlements();

  /** Builds a {@link DirectoryServicePrincipal}; every collection setter replaces the whole collection. */
  public static final class Builder extends ImmutableDirectoryServicePrincipal.Builder {
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
