package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.node.BooleanNode;

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
  public static final class Builder extends TypedPatchBuilder<Builder> {
    private Builder() {}

    /**
     * Replaces {@code active}.
     *
     * @param active the new state
     * @return this builder
     */
    public Builder active(boolean active) {
      return replace("active", BooleanNode.valueOf(active));
    }
  }
}
