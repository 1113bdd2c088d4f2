package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A permission that can be assigned on a workspace, with the service's description of it, as listed by
 * {@link WorkspaceAssignmentsApi#permissions(long)}. Immutable.
 *
 * <p>JSON form: {@code {"permission_level":"USER","description":"..."}}. Keys are matched exactly; every other key is
 * kept in {@link #additionalAttributes()} and written back.
 */
@Value.Immutable
public abstract class PermissionLevel {
  private static final String PERMISSION_LEVEL = "permission_level";
  private static final String DESCRIPTION = "description";

  PermissionLevel() {}

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
    return ImmutablePermissionLevel.builder().rawPermissionLevel(permissionLevel.wireValue()).description(description)
        .build();
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
    return ImmutablePermissionLevel.builder()
        .rawPermissionLevel(Optional.ofNullable(AssignmentJson.text(json.get(PERMISSION_LEVEL))))
        .description(Optional.ofNullable(AssignmentJson.text(json.get(DESCRIPTION)))).additionalAttributes(unknown)
        .build();
  }

  /**
   * Returns the JSON object: known keys first, then the additional attributes.
   *
   * @return a new JSON object
   */
  @JsonValue
  ObjectNode toJson() {
    ObjectNode json = AssignmentJson.NODES.objectNode();
    AssignmentJson.putText(json, PERMISSION_LEVEL, rawPermissionLevel());
    AssignmentJson.putText(json, DESCRIPTION, description());
    AssignmentJson.putUnknown(json, additionalAttributes());
    return json;
  }

  /**
   * Returns the permission.
   *
   * @return the permission; {@link WorkspacePermission#UNKNOWN} when absent or not known to this SDK
   */
  public WorkspacePermission permissionLevel() {
    return WorkspacePermission.fromWire(rawPermissionLevel().orElse(null));
  }

  /**
   * Returns the permission exactly as sent ({@code permission_level}).
   *
   * @return the wire value, if sent
   */
  public abstract Optional<String> rawPermissionLevel();

  /**
   * Returns the service's description of the permission.
   *
   * @return the description, if sent
   */
  public abstract Optional<String> description();

  /**
   * Returns the keys this SDK does not model, in arrival order.
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
    return "PermissionLevel" + toJson();
  }
}
