package dev.dbscim.core.patch;

import dev.dbscim.core.model.ScimResource;
import java.util.Collection;
import java.util.Objects;

/**
 * Builds {@link PatchRequest}s for groups in the forms Databricks documents: members, entitlements and roles added as
 * {@code {"op":"add","path":"members","value":[{"value":"101"}]}} and removed one by one with
 * {@code {"op":"remove","path":"members[value eq \"102\"]"}}.
 *
 * <p>Consecutive adds to the same attribute merge into one operation; an add after a different operation starts a new
 * one, so the operations keep the order they were called in. {@code displayName} renames the group.
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
  public static final class Builder extends TypedPatchBuilder<Builder> {
    private Builder() {}

    /**
     * Adds a member by id.
     *
     * @param id the id of a user, service principal or group
     * @return this builder
     */
    public Builder addMember(String id) {
      return addValue("members", id);
    }

    /**
     * Adds a member.
     *
     * @param member a user, service principal or group that has an id
     * @return this builder
     * @throws IllegalArgumentException when the resource has no id
     */
    public Builder addMember(ScimResource member) {
      return addMember(idOf(member));
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
      return removeValue("members", id);
    }

    /**
     * Removes a member.
     *
     * @param member a user, service principal or group that has an id
     * @return this builder
     * @throws IllegalArgumentException when the resource has no id
     */
    public Builder removeMember(ScimResource member) {
      return removeMember(idOf(member));
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
  }
}
