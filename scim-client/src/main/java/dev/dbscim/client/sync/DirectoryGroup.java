package dev.dbscim.client.sync;

import dev.dbscim.core.model.Entitlement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A group as the identity provider wants it: matched by {@code displayName} or {@code externalId}, with its direct
 * members named by their directory identities (user names, application ids, group display names).
 *
 * <pre>{@code
 * DirectoryGroup dataEng = DirectoryGroup.builder().displayName("data-eng")
 *     .externalId("idp-g-1")
 *     .memberUsers("ada@example.com")
 *     .memberGroups("analysts")
 *     .addEntitlements(Entitlement.DATABRICKS_SQL_ACCESS)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class DirectoryGroup {
  DirectoryGroup() {}

  /**
   * Returns a new, empty builder; {@code displayName} must be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder for a group with the given display name; a shortcut for
   * {@code builder().displayName(displayName)}.
   *
   * @param displayName the display name; must not be {@code null}
   * @return a new builder
   */
  public static Builder builder(String displayName) {
    return builder().displayName(displayName);
  }

  /**
   * Returns a builder that starts with this group's values.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the display name, the group's name in Databricks.
   *
   * @return the display name
   */
  public abstract String displayName();

  /**
   * Returns the identity provider's id for the group.
   *
   * @return the external id; empty when none
   */
  public abstract Optional<String> externalId();

  /**
   * Returns the user names of the users that are direct members.
   *
   * @return the user names in directory order; never {@code null}
   */
  public abstract List<String> memberUsers();

  /**
   * Returns the application ids of the service principals that are direct members.
   *
   * @return the application ids in directory order; never {@code null}
   */
  public abstract List<String> memberServicePrincipals();

  /**
   * Returns the display names of the groups that are direct members (nested groups).
   *
   * @return the display names in directory order; never {@code null}
   */
  public abstract List<String> memberGroups();

  /**
   * Returns the entitlements granted to the group, as wire values.
   *
   * @return the entitlements in directory order; never {@code null}
   */
  public abstract List<String> entitlements();

  /**
   * Returns a short summary: the display name, external id, the number of members and the entitlements.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "DirectoryGroup{displayName=" + displayName()
        + externalId().map(id -> ", externalId=" + id).orElse("")
        + ", members=" + (memberUsers().size() + memberServicePrincipals().size() + memberGroups().size())
        + (entitlements().isEmpty() ? "" : ", entitlements=" + entitlements())
        + "}";
  }

  /** Builds a {@link DirectoryGroup}; every collection setter replaces the whole collection. */
  public static final class Builder extends ImmutableDirectoryGroup.Builder {
    Builder() {}

    /**
     * Replaces the member users.
     *
     * @param userNames the user names of the member users
     * @return this builder
     */
    public final Builder memberUsers(String... userNames) {
      return memberUsers(Arrays.asList(userNames));
    }

    /**
     * Replaces the member service principals.
     *
     * @param applicationIds the application ids of the member service principals
     * @return this builder
     */
    public final Builder memberServicePrincipals(String... applicationIds) {
      return memberServicePrincipals(Arrays.asList(applicationIds));
    }

    /**
     * Replaces the member groups.
     *
     * @param displayNames the display names of the member groups
     * @return this builder
     */
    public final Builder memberGroups(String... displayNames) {
      return memberGroups(Arrays.asList(displayNames));
    }

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
