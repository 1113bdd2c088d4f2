package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.model.ScimResource;
import java.util.Collection;
import java.util.Objects;

/**
 * Builds {@link PatchRequest}s for groups in the forms Databricks documents: members, entitlements and roles added as
 * {@code {"op":"add","path":"members","value":[{"value":"101"}]}} and removed one by one with
 * {@code {"op":"remove","path":"members[value eq \"102\"]"}}.
 *
 * <p>Consecutive adds to the same attribute merge into one operation; an add after a different operation starts a new
 * one, so the operations keep the order they were called in.
 *
 * <pre>{@code
 * PatchRequest request = GroupPatch.builder()
 *     .addMember(ada)            // a User, ServicePrincipal or Group that has an id
 *     .addMember("102")
 *     .removeMember("103")
 *     .displayName("data-eng")
 *     .build();
 * }</pre>
 */
public final class GroupPatch {
  private GroupPatch() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects group changes in call order. */
  public static final class Builder {
    private final TypedOperations operations = new TypedOperations();

    private Builder() {}

    /**
     * Adds a member by id.
     *
     * @param id the id of a user, service principal or group
     * @return this builder
     */
    public Builder addMember(String id) {
      operations.addValue("members", id);
      return this;
    }

    /**
     * Adds a member.
     *
     * @param member a user, service principal or group that has an id
     * @return this builder
     * @throws IllegalArgumentException when the resource has no id
     */
    public Builder addMember(ScimResource member) {
      return addMember(TypedOperations.idOf(member));
    }

    /**
     * Adds members by id, in one operation.
     *
     * @param ids the ids
     * @return this builder
     */
    public Builder addMembers(Collection<String> ids) {
      Objects.requireNonNull(ids, "ids").forEach(this::addMember);
      return this;
    }

    /**
     * Removes a member by id, with the path {@code members[value eq "id"]}.
     *
     * @param id the member id
     * @return this builder
     */
    public Builder removeMember(String id) {
      operations.removeValue("members", id);
      return this;
    }

    /**
     * Removes a member.
     *
     * @param member a user, service principal or group that has an id
     * @return this builder
     * @throws IllegalArgumentException when the resource has no id
     */
    public Builder removeMember(ScimResource member) {
      return removeMember(TypedOperations.idOf(member));
    }

    /**
     * Removes members by id, one operation each.
     *
     * @param ids the member ids
     * @return this builder
     */
    public Builder removeMembers(Collection<String> ids) {
      Objects.requireNonNull(ids, "ids").forEach(this::removeMember);
      return this;
    }

    /**
     * Replaces the display name (Databricks' group rename).
     *
     * @param displayName the new name
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
     * Adds an entitlement, such as {@code allow-cluster-create} (workspace level only on Databricks).
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
     * Adds a role, such as an instance-profile ARN.
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
