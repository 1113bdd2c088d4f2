package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group as the identity provider wants it: matched by {@code displayName} or {@code externalId}, with its direct
 * members named by their directory identities (user names, application ids, group display names).
 *
 * <pre>{@code
 * DirectoryGroup dataEng = DirectoryGroup.builder("data-eng")
 *     .externalId("idp-g-1")
 *     .memberUsers("ada@example.com")
 *     .memberGroups("analysts")
 *     .addEntitlements(Entitlement.DATABRICKS_SQL_ACCESS)
 *     .build();
 * }</pre>
 */
public final class DirectoryGroup {
  private final String displayName;
  private final String externalId;
  private final List<String> memberUsers;
  private final List<String> memberServicePrincipals;
  private final List<String> memberGroups;
  private final List<String> entitlements;

  private DirectoryGroup(Builder builder) {
    this.displayName = builder.displayName;
    this.externalId = builder.externalId;
    this.memberUsers = Values.copy(builder.memberUsers, "memberUsers");
    this.memberServicePrincipals = Values.copy(builder.memberServicePrincipals, "memberServicePrincipals");
    this.memberGroups = Values.copy(builder.memberGroups, "memberGroups");
    this.entitlements = Values.copy(builder.entitlements, "entitlements");
  }

  /**
   * Returns a builder for a group with the given display name.
   *
   * @param displayName the display name; must not be {@code null}
   * @return a new builder
   */
  public static Builder builder(String displayName) {
    return new Builder(displayName);
  }

  /**
   * Returns a builder that starts with this group's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(displayName)
        .externalId(externalId)
        .memberUsers(memberUsers)
        .memberServicePrincipals(memberServicePrincipals)
        .memberGroups(memberGroups)
        .entitlements(entitlements);
  }

  /**
   * Returns the display name, the group's name in Databricks.
   *
   * @return the display name
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Returns the identity provider's id for the group.
   *
   * @return the external id; empty when none
   */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /**
   * Returns the user names of the users that are direct members.
   *
   * @return the user names in directory order; never {@code null}
   */
  public List<String> memberUsers() {
    return memberUsers;
  }

  /**
   * Returns the application ids of the service principals that are direct members.
   *
   * @return the application ids in directory order; never {@code null}
   */
  public List<String> memberServicePrincipals() {
    return memberServicePrincipals;
  }

  /**
   * Returns the display names of the groups that are direct members (nested groups).
   *
   * @return the display names in directory order; never {@code null}
   */
  public List<String> memberGroups() {
    return memberGroups;
  }

  /**
   * Returns the entitlements granted to the group, as wire values.
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
    if (!(other instanceof DirectoryGroup)) {
      return false;
    }
    DirectoryGroup that = (DirectoryGroup) other;
    return displayName.equals(that.displayName)
        && Objects.equals(externalId, that.externalId)
        && memberUsers.equals(that.memberUsers)
        && memberServicePrincipals.equals(that.memberServicePrincipals)
        && memberGroups.equals(that.memberGroups)
        && entitlements.equals(that.entitlements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(displayName, externalId, memberUsers, memberServicePrincipals, memberGroups, entitlements);
  }

  @Override
  public String toString() {
    return "DirectoryGroup{displayName=" + displayName
        + (externalId == null ? "" : ", externalId=" + externalId)
        + ", members=" + (memberUsers.size() + memberServicePrincipals.size() + memberGroups.size())
        + (entitlements.isEmpty() ? "" : ", entitlements=" + entitlements)
        + "}";
  }

  /** Builds a {@link DirectoryGroup}; every collection setter replaces the whole collection. */
  public static final class Builder {
    private String displayName;
    private String externalId;
    private final List<String> memberUsers = new ArrayList<>();
    private final List<String> memberServicePrincipals = new ArrayList<>();
    private final List<String> memberGroups = new ArrayList<>();
    private final List<String> entitlements = new ArrayList<>();

    private Builder(String displayName) {
      displayName(displayName);
    }

    /**
     * Sets the display name.
     *
     * @param displayName the display name; must not be {@code null}
     * @return this builder
     */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /**
     * Sets the identity provider's id for the group.
     *
     * @param externalId the external id, or {@code null} for none
     * @return this builder
     */
    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    /**
     * Replaces the member users.
     *
     * @param userNames the user names of the member users
     * @return this builder
     */
    public Builder memberUsers(Collection<String> userNames) {
      memberUsers.clear();
      Values.addAll(memberUsers, userNames, "memberUsers");
      return this;
    }

    /**
     * Replaces the member users.
     *
     * @param userNames the user names of the member users
     * @return this builder
     */
    public Builder memberUsers(String... userNames) {
      return memberUsers(Arrays.asList(userNames));
    }

    /**
     * Replaces the member service principals.
     *
     * @param applicationIds the application ids of the member service principals
     * @return this builder
     */
    public Builder memberServicePrincipals(Collection<String> applicationIds) {
      memberServicePrincipals.clear();
      Values.addAll(memberServicePrincipals, applicationIds, "memberServicePrincipals");
      return this;
    }

    /**
     * Replaces the member service principals.
     *
     * @param applicationIds the application ids of the member service principals
     * @return this builder
     */
    public Builder memberServicePrincipals(String... applicationIds) {
      return memberServicePrincipals(Arrays.asList(applicationIds));
    }

    /**
     * Replaces the member groups.
     *
     * @param displayNames the display names of the member groups
     * @return this builder
     */
    public Builder memberGroups(Collection<String> displayNames) {
      memberGroups.clear();
      Values.addAll(memberGroups, displayNames, "memberGroups");
      return this;
    }

    /**
     * Replaces the member groups.
     *
     * @param displayNames the display names of the member groups
     * @return this builder
     */
    public Builder memberGroups(String... displayNames) {
      return memberGroups(Arrays.asList(displayNames));
    }

    /**
     * Replaces the entitlements with the given wire values.
     *
     * @param entitlements the wire values, such as {@code "databricks-sql-access"}
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
     * Builds the group.
     *
     * @return the group
     */
    public DirectoryGroup build() {
      return new DirectoryGroup(this);
    }
  }
}
