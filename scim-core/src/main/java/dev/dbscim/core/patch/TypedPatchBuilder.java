package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.internal.PatchPaths;
import dev.dbscim.core.model.ScimResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part the typed builders ({@link GroupPatch.Builder}, {@link UserPatch.Builder},
 * {@link ServicePrincipalPatch.Builder}) share: the operation list, in call order, and the changes every resource type
 * has (display name, external id, entitlements, roles).
 *
 * <p>Consecutive adds to the same multi-valued attribute merge into one {@code add} operation (a repeated value is
 * dropped); any other operation in between starts a new one, so the operations keep the order they were called in.
 *
 * <p>Package-private on purpose: users only see the public methods, through the three public builders, with the
 * builder's own type as the return type.
 *
 * @param <B> the concrete builder, returned by every method so that calls chain
 */
abstract class TypedPatchBuilder<B extends TypedPatchBuilder<B>> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<PatchOperation> operations = new ArrayList<>();
  private ArrayNode openAdd;
  private String openAddAttribute;

  TypedPatchBuilder() {}

  /**
   * Replaces the display name.
   *
   * @param displayName the new display name
   * @return this builder
   */
  public B displayName(String displayName) {
    return replaceText("displayName", displayName);
  }

  /**
   * Replaces the external id.
   *
   * @param externalId the new external id
   * @return this builder
   */
  public B externalId(String externalId) {
    return replaceText("externalId", externalId);
  }

  /**
   * Adds an entitlement, such as {@code workspace-access} or {@code allow-cluster-create} (Databricks manages
   * entitlements at workspace level only).
   *
   * @param entitlement the entitlement value
   * @return this builder
   */
  public B addEntitlement(String entitlement) {
    return addValue("entitlements", entitlement);
  }

  /**
   * Removes an entitlement, with the path {@code entitlements[value eq "x"]}.
   *
   * @param entitlement the entitlement value
   * @return this builder
   */
  public B removeEntitlement(String entitlement) {
    return removeValue("entitlements", entitlement);
  }

  /**
   * Adds a role, such as an instance-profile ARN (workspace level) or {@code account_admin} (account level).
   *
   * @param role the role value
   * @return this builder
   */
  public B addRole(String role) {
    return addValue("roles", role);
  }

  /**
   * Removes a role, with the path {@code roles[value eq "x"]}.
   *
   * @param role the role value
   * @return this builder
   */
  public B removeRole(String role) {
    return removeValue("roles", role);
  }

  /**
   * Returns the request.
   *
   * @return the request with the operations in call order
   * @throws IllegalArgumentException when no change was added (a PATCH request has at least one operation)
   */
  public PatchRequest build() {
    return PatchRequest.builder().operations(operations).build();
  }

  /** Appends {@code {"value": value}} to the open add of {@code attribute}, or opens a new add operation. */
  final B addValue(String attribute, String value) {
    requireValue(value, attribute);
    if (openAdd == null || !attribute.equals(openAddAttribute)) {
      openAdd = NODES.arrayNode();
      openAddAttribute = attribute;
      operations.add(null);
    }
    for (JsonNode existing : openAdd) {
      if (existing.get("value").asText().equals(value)) {
        return self();
      }
    }
    openAdd.addObject().put("value", value);
    operations.set(operations.size() - 1, PatchOperation.of(PatchOp.ADD, attribute, openAdd.deepCopy()));
    return self();
  }

  /** Appends a remove with the path {@code attribute[value eq "value"]}. */
  final B removeValue(String attribute, String value) {
    requireValue(value, attribute);
    return append(PatchOperation.of(PatchOp.REMOVE, PatchPaths.valueEquals(attribute, value), null));
  }

  /** Appends a replace of {@code path} with {@code value}. */
  final B replace(String path, JsonNode value) {
    return append(PatchOperation.of(PatchOp.REPLACE, path, value));
  }

  /** Appends a replace of {@code path} with a string; a null value throws, naming the path. */
  final B replaceText(String path, String value) {
    return replace(path, TextNode.valueOf(Objects.requireNonNull(value, path)));
  }

  static String idOf(ScimResource resource) {
    Objects.requireNonNull(resource, "resource");
    return resource.id().orElseThrow(() -> new IllegalArgumentException("resource has no id; create it first"));
  }

  private B append(PatchOperation operation) {
    openAdd = null;
    openAddAttribute = null;
    operations.add(operation);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  private static void requireValue(String value, String attribute) {
    Objects.requireNonNull(value, attribute + " value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(attribute + " value must not be empty");
    }
  }
}
