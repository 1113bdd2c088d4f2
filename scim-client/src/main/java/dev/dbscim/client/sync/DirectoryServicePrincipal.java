package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service principal as the identity provider wants it: matched to the account's service principals by its
 * {@code applicationId}, a UUID (compared ignoring case).
 *
 * <pre>{@code
 * DirectoryServicePrincipal etl = DirectoryServicePrincipal.builder("0b6c1d1e-8f0a-4a55-9d4c-3c1f0e2b7a10")
 *     .displayName("etl").externalId("idp-sp-1").build();
 * }</pre>
 */
public final class DirectoryServicePrincipal {
  private final String applicationId;
  private final String displayName;
  private final String externalId;
  private final boolean active;
  private final List<String> entitlements;

  private DirectoryServicePrincipal(Builder builder) {
    this.applicationId = builder.applicationId;
    this.displayName = builder.displayName;
    this.externalId = builder.externalId;
    this.active = builder.active;
    this.entitlements = Values.copy(builder.entitlements, "entitlements");
  }

  /**
   * Returns a builder for a service principal with the given application id.
   *
   * @param applicationId the application id, a UUID; must not be {@code null}
   * @return a new builder, {@code active} by default
   */
  public static Builder builder(String applicationId) {
    return new Builder(applicationId);
  }

  /**
   * Returns a builder that starts with this service principal's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(applicationId)
        .displayName(displayName)
        .externalId(externalId)
        .active(active)
        .entitlements(entitlements);
  }

  /**
   * Returns the application id, the service principal's identity in Databricks.
   *
   * @return the application id as given (validation checks it is a UUID)
   */
  public String applicationId() {
    return applicationId;
  }

  /**
   * Returns the display name.
   *
   * @return the display name; empty when the identity provider does not manage it
   */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /**
   * Returns the identity provider's id for the service principal.
   *
   * @return the external id; empty when none
   */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /**
   * Returns whether the service principal is active.
   *
   * @return {@code true} unless the identity provider disabled it
   */
  public boolean active() {
    return active;
  }

  /**
   * Returns the entitlements granted to the service principal directly, as wire values.
   *
   * @return the entitlements in directory order; never {@code null}
   */
  public List<String> entitlements() {
    return entitlements;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DirectoryServicePrincipal)) {
      return false;
    }
    DirectoryServicePrincipal that = (DirectoryServicePrincipal) other;
    return active == that.active
        && applicationId.equals(that.applicationId)
        && Objects.equals(displayName, that.displayName)
        && Objects.equals(externalId, that.externalId)
        && entitlements.equals(that.entitlements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(applicationId, displayName, externalId, active, entitlements);
  }

  @Override
  public String toString() {
    return "DirectoryServicePrincipal{applicationId=" + applicationId
        + (displayName == null ? "" : ", displayName=" + displayName)
        + (externalId == null ? "" : ", externalId=" + externalId)
        + ", active=" + active
        + (entitlements.isEmpty() ? "" : ", entitlements=" + entitlements)
        + "}";
  }

  /** Builds a {@link DirectoryServicePrincipal}; optional values set to {@code null} are absent. */
  public static final class Builder {
    private String applicationId;
    private String displayName;
    private String externalId;
    private boolean active = true;
    private final List<String> entitlements = new ArrayList<>();

    private Builder(String applicationId) {
      applicationId(applicationId);
    }

    /**
     * Sets the application id.
     *
     * @param applicationId the application id, a UUID; must not be {@code null}
     * @return this builder
     */
    public Builder applicationId(String applicationId) {
      this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param displayName the display name, or {@code null} for none
     * @return this builder
     */
    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    /**
     * Sets the identity provider's id for the service principal.
     *
     * @param externalId the external id, or {@code null} for none
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * Sets whether the service principal is active.
     *
     * @param active {@code false} to deactivate it
     * @return this builder
     */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /**
     * Replaces the entitlements with the given wire values.
     *
     * @param entitlements the wire values, such as {@code "workspace-access"}
     * @return this builder
     */
    public Builder entitlements(Collection<String> entitlements) {
      this.entitlements.clear();
      Values.addAll(this.entitlements, entitlements, "entitlements");
      return this;
    }

    /**
     * Adds entitlements.
     *
     * @param entitlements the entitlements to add
     * @return this builder
     */
    public Builder addEntitlements(Entitlement... entitlements) {
      this.entitlements.addAll(Values.entitlementValues(entitlements));
      return this;
    }

    /**
     * Builds the service principal.
     *
     * @return the service principal
     */
    public DirectoryServicePrincipal build() {
      return new DirectoryServicePrincipal(this);
    }
  }
}
