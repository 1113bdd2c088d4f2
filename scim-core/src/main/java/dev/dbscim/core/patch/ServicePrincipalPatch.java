package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/**
 * Builds {@link PatchRequest}s for service principals: {@code active}, {@code displayName} and {@code externalId}
 * replaced, entitlements and roles added and removed by value.
 *
 * <pre>{@code
 * PatchRequest request = ServicePrincipalPatch.builder()
 *     .displayName("etl-bot")
 *     .addEntitlement("workspace-access")
 *     .build();
 * }</pre>
 */
public final class ServicePrincipalPatch {
  private ServicePrincipalPatch() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects service principal changes in call order. */
  public static final class Builder {
    private final TypedOperations operations = new TypedOperations();

    private Builder() {}

    /**
     * Replaces {@code active}.
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
      operations.replace("displayName", TextNode.valueOf(Objects.requireNonNull(displayName, "displayName")));
      return this;
    }

    /**
     * Replaces the external id.
     *
     * @param externalId the new external id
     * @return this builder
     */
    public Builder externalId(String externalId) {
      operations.replace("externalId", TextNode.valueOf(Objects.requireNonNull(externalId, "externalId")));
      return this;
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
     * Adds a role.
     *
     * @param role the role value
     * @return this builder
     */
    public Builder addRole(String role) {
      operations.addValue("roles", role);
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
  }
}
