package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal's permissions on a Databricks workspace, as returned by the account workspace-assignment API and the
 * workspace permission-assignment API. Immutable.
 *
 * <p>JSON form:
 * <pre>{@code
 * {"permissions":["USER"],
 *  "principal":{"principal_id":345,"display_name":"Data Eng","group_name":"data-eng"},
 *  "error":"<only when the assignment failed>"}
 * }</pre>
 * Keys are matched exactly. Permission values are kept as sent ({@link #rawPermissions()}) and also offered as
 * {@link WorkspacePermission} values ({@link #permissions()}, unknown ones as {@link WorkspacePermission#UNKNOWN}).
 * Every other key, and a known key whose value has an unexpected type, is kept in {@link #additionalAttributes()} and
 * written back.
 */
public final class PermissionAssignment {
  private static final String PERMISSIONS = "permissions";
  private static final String PRINCIPAL = "principal";
  private static final String ERROR = "error";

  private final List<String> rawPermissions;
  private final AssignedPrincipal principal;
  private final String error;
  private final Map<String, JsonNode> additionalAttributes;

  private PermissionAssignment(Builder builder) {
    this.rawPermissions = Collections.unmodifiableList(new ArrayList<>(builder.rawPermissions));
    this.principal = builder.principal;
    this.error = builder.error;
    this.additionalAttributes = AssignmentJson.copyAttributes(builder.additionalAttributes);
  }

  /**
   * Returns a new empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this assignment's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.rawPermissions.addAll(rawPermissions);
    builder.principal = principal;
    builder.error = error;
    builder.additionalAttributes.putAll(additionalAttributes);
    return builder;
  }

  /**
   * Returns the assignment read from its JSON object.
   *
   * @param json the assignment object
   * @return the assignment
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PermissionAssignment fromJson(ObjectNode json) {
    Builder builder = builder();
    JsonNode permissions = json.get(PERMISSIONS);
    if (isTextArray(permissions)) {
      for (JsonNode permission : permissions) {
        builder.addRawPermission(permission.textValue());
      }
    } else if (permissions != null && !permissions.isNull()) {
      builder.putAdditionalAttribute(PERMISSIONS, permissions);
    }
    JsonNode principal = json.get(PRINCIPAL);
    if (principal != null && principal.isObject()) {
      builder.principal(AssignedPrincipal.fromJson((ObjectNode) principal));
    } else if (principal != null && !principal.isNull()) {
      builder.putAdditionalAttribute(PRINCIPAL, principal);
    }
    JsonNode error = json.get(ERROR);
    if (AssignmentJson.unexpectedNonText(error)) {
      builder.putAdditionalAttribute(ERROR, error);
    }
    builder.error = AssignmentJson.text(error);
    AssignmentJson.unknownFields(json, PERMISSIONS, PRINCIPAL, ERROR).forEach(builder::putAdditionalAttribute);
    return builder.build();
  }

  private static boolean isTextArray(JsonNode node) {
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the JSON object of this assignment: known keys first, then the additional attributes.
   *
   * @return a new JSON object
   */
  @JsonValue
  ObjectNode toJson() {
    ObjectNode json = AssignmentJson.NODES.objectNode();
    if (!rawPermissions.isEmpty()) {
      ArrayNode permissions = json.putArray(PERMISSIONS);
      rawPermissions.forEach(permissions::add);
    }
    if (principal != null) {
      json.set(PRINCIPAL, principal.toJson());
    }
    AssignmentJson.putText(json, ERROR, error);
    AssignmentJson.putUnknown(json, additionalAttributes);
    return json;
  }

  /**
   * Returns the permissions, in the order sent; values this SDK does not know are {@link WorkspacePermission#UNKNOWN}.
   *
   * @return the unmodifiable permissions; empty when none
   */
  public List<WorkspacePermission> permissions() {
    List<WorkspacePermission> permissions = new ArrayList<>(rawPermissions.size());
    for (String raw : rawPermissions) {
      permissions.add(WorkspacePermission.fromWire(raw));
    }
    return Collections.unmodifiableList(permissions);
  }

  /**
   * Returns the permissions exactly as sent, such as {@code ["USER"]}.
   *
   * @return the unmodifiable wire values; empty when none
   */
  public List<String> rawPermissions() {
    return rawPermissions;
  }

  /**
   * Returns whether the principal holds the given permission.
   *
   * @param permission the permission
   * @return true when {@link #permissions()} contains it
   */
  public boolean hasPermission(WorkspacePermission permission) {
    Objects.requireNonNull(permission, "permission");
    return permissions().contains(permission);
  }

  /**
   * Returns the principal the permissions belong to.
   *
   * @return the principal, if the service sent one
   */
  public Optional<AssignedPrincipal> principal() {
    return Optional.ofNullable(principal);
  }

  /**
   * Returns the service's explanation when this assignment failed, as in an entry of a by-name assignment answer.
   *
   * @return the error text, if the assignment failed
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns the keys this SDK does not model, in arrival order, written back unchanged.
   *
   * @return the unmodifiable attributes; empty when none
   */
  public Map<String, JsonNode> additionalAttributes() {
    return additionalAttributes;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PermissionAssignment)) {
      return false;
    }
    PermissionAssignment that = (PermissionAssignment) other;
    return rawPermissions.equals(that.rawPermissions) && Objects.equals(principal, that.principal)
        && Objects.equals(error, that.error) && additionalAttributes.equals(that.additionalAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rawPermissions, principal, error, additionalAttributes);
  }

  /**
   * Returns the JSON form, for diagnostics.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "PermissionAssignment" + toJson();
  }

  /** Builds {@link PermissionAssignment} values. Not thread-safe. */
  public static final class Builder {
    private final List<String> rawPermissions = new ArrayList<>();
    private AssignedPrincipal principal;
    private String error;
    private final Map<String, JsonNode> additionalAttributes = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Replaces the permissions with the given ones, in iteration order.
     *
     * @param permissions the permissions
     * @return this builder
     */
    public Builder permissions(Collection<WorkspacePermission> permissions) {
      Objects.requireNonNull(permissions, "permissions");
      rawPermissions.clear();
      for (WorkspacePermission permission : permissions) {
        addPermission(permission);
      }
      return this;
    }

    /**
     * Adds one permission.
     *
     * @param permission the permission
     * @return this builder
     */
    public Builder addPermission(WorkspacePermission permission) {
      rawPermissions.add(Objects.requireNonNull(permission, "permission").wireValue());
      return this;
    }

    /**
     * Adds one permission by its wire value, which need not be one this SDK knows.
     *
     * @param rawPermission the wire value, such as {@code "USER"}
     * @return this builder
     */
    public Builder addRawPermission(String rawPermission) {
      rawPermissions.add(Objects.requireNonNull(rawPermission, "rawPermission"));
      return this;
    }

    /**
     * Sets the principal.
     *
     * @param principal the principal
     * @return this builder
     */
    public Builder principal(AssignedPrincipal principal) {
      this.principal = Objects.requireNonNull(principal, "principal");
      return this;
    }

    /**
     * Sets the error text of a failed assignment.
     *
     * @param error the error text
     * @return this builder
     */
    public Builder error(String error) {
      this.error = Objects.requireNonNull(error, "error");
      return this;
    }

    /**
     * Adds an attribute this SDK does not model, replacing one of the same name. A name that is also a known key is
     * written only when the known value is absent.
     *
     * @param name the JSON key
     * @param value the value
     * @return this builder
     */
    public Builder putAdditionalAttribute(String name, JsonNode value) {
      additionalAttributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Returns the assignment.
     *
     * @return a new immutable assignment
     */
    public PermissionAssignment build() {
      return new PermissionAssignment(this);
    }
  }
}
