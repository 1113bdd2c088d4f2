package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as the identity provider wants it: matched to the account's users by {@code userName} (case-insensitively),
 * then by {@code externalId}.
 *
 * <p>Entitlements are kept as wire values (such as {@code "workspace-access"}) so that a directory read from a file can
 * hold an unknown one; {@link Directory#validate(DirectoryLimits)} reports it.
 *
 * <pre>{@code
 * DirectoryUser ada = DirectoryUser.builder("ada@example.com")
 *     .displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
 *     .externalId("idp-1").addEntitlements(Entitlement.WORKSPACE_ACCESS)
 *     .build();
 * }</pre>
 */
public final class DirectoryUser {
  private final String userName;
  private final String displayName;
  private final String givenName;
  private final String familyName;
  private final String externalId;
  private final boolean active;
  private final List<String> entitlements;

  private DirectoryUser(Builder builder) {
    this.userName = builder.userName;
    this.displayName = builder.displayName;
    this.givenName = builder.givenName;
    this.familyName = builder.familyName;
    this.externalId = builder.externalId;
    this.active = builder.active;
    this.entitlements = Values.copy(builder.entitlements, "entitlements");
  }

  /**
   * Returns a builder for a user with the given user name.
   *
   * @param userName the user name, usually an email address; must not be {@code null}
   * @return a new builder, {@code active} by default
   */
  public static Builder builder(String userName) {
    return new Builder(userName);
  }

  /**
   * Returns a builder that starts with this user's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(userName)
        .displayName(displayName)
        .givenName(givenName)
        .familyName(familyName)
        .externalId(externalId)
        .active(active)
        .entitlements(entitlements);
  }

  /**
   * Returns the user name, the user's identity in Databricks.
   *
   * @return the user name
   */
  public String userName() {
    return userName;
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
   * Returns the given name.
   *
   * @return the given name; empty when the identity provider does not manage it
   */
  public Optional<String> givenName() {
    return Optional.ofNullable(givenName);
  }

  /**
   * Returns the family name.
   *
   * @return the family name; empty when the identity provider does not manage it
   */
  public Optional<String> familyName() {
    return Optional.ofNullable(familyName);
  }

  /**
   * Returns the identity provider's id for the user.
   *
   * @return the external id; empty when none
   */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /**
   * Returns whether the user is active.
   *
   * @return {@code true} unless the identity provider disabled the user
   */
  public boolean active() {
    return active;
  }

  /**
   * Returns the entitlements granted to the user directly, as wire values.
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
    if (!(other instanceof DirectoryUser)) {
      return false;
    }
    DirectoryUser that = (DirectoryUser) other;
    return active == that.active
        && userName.equals(that.userName)
        && Objects.equals(displayName, that.displayName)
        && Objects.equals(givenName, that.givenName)
        && Objects.equals(familyName, that.familyName)
        && Objects.equals(externalId, that.externalId)
        && entitlements.equals(that.entitlements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userName, displayName, givenName, familyName, externalId, active, entitlements);
  }

  @Override
  public String toString() {
    return "DirectoryUser{userName=" + userName
        + (displayName == null ? "" : ", displayName=" + displayName)
        + (givenName == null ? "" : ", givenName=" + givenName)
        + (familyName == null ? "" : ", familyName=" + familyName)
        + (externalId == null ? "" : ", externalId=" + externalId)
        + ", active=" + active
        + (entitlements.isEmpty() ? "" : ", entitlements=" + entitlements)
        + "}";
  }

  /** Builds a {@link DirectoryUser}; optional values set to {@code null} are absent. */
  public static final class Builder {
    private String userName;
    private String displayName;
    private String givenName;
    private String familyName;
    private String externalId;
    private boolean active = true;
    private final List<String> entitlements = new ArrayList<>();

    private Builder(String userName) {
      userName(userName);
    }

    /**
     * Sets the user name.
     *
     * @param userName the user name; must not be {@code null}
     * @return this builder
     */
    public Builder userName(String userName) {
      this.userName = Objects.requireNonNull(userName, "userName");
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
     * Sets the given name.
     *
     * @param givenName the given name, or {@code null} for none
     * @return this builder
     */
    public Builder givenName(String givenName) {
      this.givenName = givenName;
      return this;
    }

    /**
     * Sets the family name.
     *
     * @param familyName the family name, or {@code null} for none
     * @return this builder
     */
    public Builder familyName(String familyName) {
      this.familyName = familyName;
      return this;
    }

    /**
     * Sets the identity provider's id for the user.
     *
     * @param externalId the external id, or {@code null} for none
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * Sets whether the user is active.
     *
     * @param active {@code false} to deactivate the user
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
     * Builds the user.
     *
     * @return the user
     */
    public DirectoryUser build() {
      return new DirectoryUser(this);
    }
  }
}
