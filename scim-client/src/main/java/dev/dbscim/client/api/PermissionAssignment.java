package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

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
@Value.Immutable
public abstract class PermissionAssignment {
  private static final String PERMISSIONS = "permissions";
  private static final String PRINCIPAL = "principal";
  private static final String ERROR = "error";

  PermissionAssignment() {}

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
  public final Builder toBuilder() {
    return builder().from(this);
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
    builder.error(Optional.ofNullable(AssignmentJson.text(error)));
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
    if (!rawPermissions().isEmpty()) {
      ArrayNode permissions = json.putArray(PERMISSIONS);
      rawPermissions().forEach(permissions::add);
    }
    principal().ifPresent(principal -> json.set(PRINCIPAL, principal.toJson()));
    AssignmentJson.putText(json, ERROR, error());
    AssignmentJson.putUnknown(json, additionalAttributes());
    return json;
  }

  /**
   * Returns the permissions, in the order sent; values this SDK does not know are {@link WorkspacePermission#UNKNOWN}.
   *
   * @return the unmodifiable permissions; empty when none
   */
  public List<WorkspacePermission> permissions() {
    List<WorkspacePermission> permissions = new ArrayList<>(rawPermissions().size());
    for (String raw : rawPermissions()) {
      permissions.add(WorkspacePermission.fromWire(raw));
    }
    return Collections.unmodifiableList(permissions);
  }

  /**
   * Returns the permissions exactly as sent, such as {@code ["USER"]}.
   *
   * @return the unmodifiable wire values; empty when none
   */
  public abstract List<String> rawPermissions();

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
  public abstract Optional<AssignedPrincipal> principal();

  /**
   * Returns the service's explanation when this assignment failed, as in an entry of a by-name assignment answer.
   *
   * @return the error text, if the assignment failed
   */
  public abstract Optional<String> error();

  /**
   * Returns the keys this SDK does not model, in arrival order, written back unchanged.
   *
   * @return the unmodifiable attributes; empty when none
   */
  public abstract Map<String, JsonNode> additionalAttributes();

  /**
   * Returns the JSON form, for diagnostics.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "PermissionAssignment" + toJson();
  }

  /**
   * Builds {@link PermissionAssignment} values; setters are named like the accessors ({@code principal},
   * {@code error}, {@code rawPermissions}, {@code addRawPermissions}), plus typed permission setters.
   */
  public static final class Builder extends ImmutablePermissionAssignment.Builder {
    Builder() {}

    /**
     * Replaces the permissions with the given ones, in iteration order.
     *
     * @param permissions the permissions
     * @return this builder
     */
    public Builder permissions(Collection<WorkspacePermission> permissions) {
      Objects.requireNonNull(permissions, "permissions");
      rawPermissions(List.of());
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
      return addRawPermissions(Objects.requireNonNull(permission, "permission").wireValue());
    }

    /**
     * Adds one permission by its wire value, which need not be one this SDK knows.
     *
     * @param rawPermission the wire value, such as {@code "USER"}
     * @return this builder
     */
    public Builder addRawPermission(String rawPermission) {
      return addRawPermissions(Objects.requireNonNull(rawPermission, "rawPermission"));
    }

    /**
     * Adds an attribute this SDK does not model, replacing one of the same name. A name that is also a known key is
     * written only when the known value is absent. The value is copied, so changing it later changes nothing here.
     *
     * @param name the JSON key
     * @param value the value
     * @return this builder
     */
    public Builder putAdditionalAttribute(String name, JsonNode value) {
      return putAdditionalAttributes(name, AssignmentJson.copy(value));
    }
  }
}
