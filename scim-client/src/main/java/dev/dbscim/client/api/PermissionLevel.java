package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A permission that can be assigned on a workspace, with the service's description of it, as listed by
 * {@link WorkspaceAssignmentsApi#permissions(long)}. Immutable.
 *
 * <p>JSON form: {@code {"permission_level":"USER","description":"..."}}. Keys are matched exactly; every other key is
 * kept in {@link #additionalAttributes()} and written back.
 */
public final class PermissionLevel {
  private static final String PERMISSION_LEVEL = "permission_level";
  private static final String DESCRIPTION = "description";

  private final String rawPermissionLevel;
  private final String description;
  private final Map<String, JsonNode> additionalAttributes;

  private PermissionLevel(String rawPermissionLevel, String description, Map<String, JsonNode> additionalAttributes) {
    this.rawPermissionLevel = rawPermissionLevel;
    this.description = description;
    this.additionalAttributes = AssignmentJson.copyAttributes(additionalAttributes);
  }

  /**
   * Returns a permission level with a description.
   *
   * @param permissionLevel the permission
   * @param description the description
   * @return the value
   */
  public static PermissionLevel of(WorkspacePermission permissionLevel, String description) {
    Objects.requireNonNull(permissionLevel, "permissionLevel");
    Objects.requireNonNull(description, "description");
    return new PermissionLevel(permissionLevel.wireValue(), description, Collections.emptyMap());
  }

  /**
   * Returns the permission level read from its JSON object.
   *
   * @param json the object
   * @return the value
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PermissionLevel fromJson(ObjectNode json) {
    Map<String, JsonNode> unknown = new LinkedHashMap<>();
    for (String key : new String[] {PERMISSION_LEVEL, DESCRIPTION}) {
      if (AssignmentJson.unexpectedNonText(json.get(key))) {
        unknown.put(key, json.get(key));
      }
    }
    unknown.putAll(AssignmentJson.unknownFields(json, PERMISSION_LEVEL, DESCRIPTION));
    return new PermissionLevel(AssignmentJson.text(json.get(PERMISSION_LEVEL)),
        AssignmentJson.text(json.get(DESCRIPTION)), unknown);
  }

  /**
   * Returns the JSON object: known keys first, then the additional attributes.
   *
   * @return a new JSON object
   */
  @JsonValue
  ObjectNode toJson() {
    ObjectNode json = AssignmentJson.NODES.objectNode();
    AssignmentJson.putText(json, PERMISSION_LEVEL, rawPermissionLevel);
    AssignmentJson.putText(json, DESCRIPTION, description);
    AssignmentJson.putUnknown(json, additionalAttributes);
    return json;
  }

  /**
   * Returns the permission.
   *
   * @return the permission; {@link WorkspacePermission#UNKNOWN} when absent or not known to this SDK
   */
  public WorkspacePermission permissionLevel() {
    return WorkspacePermission.fromWire(rawPermissionLevel);
  }

  /**
   * Returns the permission exactly as sent ({@code permission_level}).
   *
   * @return the wire value, if sent
   */
  public Optional<String> rawPermissionLevel() {
    return Optional.ofNullable(rawPermissionLevel);
  }

  /**
   * Returns the service's description of the permission.
   *
   * @return the description, if sent
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * Returns the keys this SDK does not model, in arrival order.
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
    if (!(other instanceof PermissionLevel)) {
      return false;
    }
    PermissionLevel that = (PermissionLevel) other;
    return Objects.equals(rawPermissionLevel, that.rawPermissionLevel) && Objects.equals(description, that.description)
        && additionalAttributes.equals(that.additionalAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rawPermissionLevel, description, additionalAttributes);
  }

  /**
   * Returns the JSON form, for diagnostics.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "PermissionLevel" + toJson();
  }
}
