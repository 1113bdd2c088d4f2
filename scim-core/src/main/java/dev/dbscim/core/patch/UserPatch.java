package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Objects;

/**
 * Builds {@link PatchRequest}s for users: scalar changes as {@code replace} operations (such as
 * {@code {"op":"replace","path":"active","value":false}}), entitlements and roles added and removed by value.
 *
 * <p>Databricks ignores changes to {@code userName} and {@code emails}, so this builder offers none.
 *
 * <pre>{@code
 * PatchRequest deactivate = UserPatch.builder().active(false).build();
 * }</pre>
 */
public final class UserPatch {
  private UserPatch() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects user changes in call order. */
  public static final class Builder {
    private final TypedOperations operations = new TypedOperations();

    private Builder() {}

    /**
     * Replaces {@code active}; {@code false} deactivates the user.
     *
     * @param active the new state
     * @return this builder
     */
    public Builder active(boolean active) {
      operations.replace("active", BooleanNode.valueOf(active));
      return this;
    }

    /**
     * Replaces the display name.
     *
     * @param displayName the new display name
     * @return this builder
     */
    public Builder displayName(String displayName) {
      return replaceText("displayName", displayName);
    }

    /**
     * Replaces {@code name.givenName}.
     *
     * @param givenName the new given name
     * @return this builder
     */
    public Builder givenName(String givenName) {
      return replaceText("name.givenName", givenName);
    }

    /**
     * Replaces {@code name.familyName}.
     *
     * @param familyName the new family name
     * @return this builder
     */
    public Builder familyName(String familyName) {
      return replaceText("name.familyName", familyName);
    }

    /**
     * Replaces the external id.
     *
     * @param externalId the new external id
     * @return this builder
     */
    public Builder externalId(String externalId) {
      return replaceText("externalId", externalId);
    }

    /**
     * Adds an entitlement, such as {@code workspace-access}.
     *
     * @param entitlement the entitlement value
     * @return this builder
     */
    public Builder addEntitlement(String entitlement) {
      operations.addValue("entitlements", entitlement);
      return this;
    }

    /**
     * Removes an entitlement, with the path {@code entitlements[value eq "x"]}.
     *
     * @param entitlement the entitlement value
     * @return this builder
     */
    public Builder removeEntitlement(String entitlement) {
      operations.removeValue("entitlements", entitlement);
      return this;
    }

    /**
     * Adds a role, such as an instance-profile ARN or {@code account_admin}.
     *
     * @param role the role value
     * @return this builder
     */
    public Builder addRole(String role) {
      operations.addValue("roles", role);
      return this;
    }

    /**
     * Adds roles, in one operation.
     *
     * @param roles the role values
     * @return this builder
     */
    public Builder addRoles(Collection<String> roles) {
      Objects.requireNonNull(roles, "roles").forEach(this::addRole);
      return this;
    }

    /**
     * Removes a role, with the path {@code roles[value eq "x"]}.
     *
     * @param role the role value
     * @return this builder
     */
    public Builder removeRole(String role) {
      operations.removeValue("roles", role);
      return this;
    }

    /**
     * Returns the request.
     *
     * @return the request with the operations in call order
     */
    public PatchRequest build() {
      return operations.build();
    }

    private Builder replaceText(String path, String value) {
      operations.replace(path, TextNode.valueOf(Objects.requireNonNull(value, path)));
      return this;
    }
  }
}
