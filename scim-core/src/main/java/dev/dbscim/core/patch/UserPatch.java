package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.node.BooleanNode;
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
  public static final class Builder extends TypedPatchBuilder<Builder> {
    private Builder() {}

    /**
     * Replaces {@code active}; {@code false} deactivates the user.
     *
     * @param active the new state
     * @return this builder
     */
    public Builder active(boolean active) {
      return replace("active", BooleanNode.valueOf(active));
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
     * Adds roles, in one operation.
     *
     * @param roles the role values
     * @return this builder
     */
    public Builder addRoles(Collection<String> roles) {
      Objects.requireNonNull(roles, "roles").forEach(this::addRole);
      return this;
    }
  }
}
