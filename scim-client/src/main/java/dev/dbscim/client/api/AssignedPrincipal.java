package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The principal of a {@link PermissionAssignment}: a user, group or service principal, identified by its SCIM id
 * ({@code principal_id}, a number) and described by the name that fits its kind. Immutable.
 *
 * <p>JSON form: {@code {"principal_id":345,"display_name":"Data Eng","group_name":"data-eng"}}. Only
 * {@code group_name} is set for groups, only {@code user_name} for users and only {@code service_principal_name} (the
 * application id) for service principals. Keys are matched exactly; every other key, and a known key whose value has
 * an unexpected type, is kept in {@link #additionalAttributes()} and written back.
 */
@Value.Immutable
public abstract class AssignedPrincipal {
  private static final String PRINCIPAL_ID = "principal_id";
  private static final String DISPLAY_NAME = "display_name";
  private static final String GROUP_NAME = "group_name";
  private static final String USER_NAME = "user_name";
  private static final String SERVICE_PRINCIPAL_NAME = "service_principal_name";

  AssignedPrincipal() {}

  /**
   * Returns a new empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a principal that carries only its id.
   *
   * @param principalId the SCIM id of the user, group or service principal
   * @return the principal
   */
  public static AssignedPrincipal of(long principalId) {
    return builder().principalId(principalId).build();
  }

  /**
   * Returns a builder initialised with this principal's values.
   *
   * @return the builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Returns the principal read from its JSON object.
   *
   * @param json the {@code principal} object
   * @return the principal
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static AssignedPrincipal fromJson(ObjectNode json) {
    Builder builder = builder();
    JsonNode id = json.get(PRINCIPAL_ID);
    Long parsed = parseId(id);
    if (parsed != null) {
      builder.principalId(parsed);
    } else if (id != null && !id.isNull()) {
      builder.putAdditionalAttribute(PRINCIPAL_ID, id);
    }
    for (String key : new String[] {DISPLAY_NAME, GROUP_NAME, USER_NAME, SERVICE_PRINCIPAL_NAME}) {
      if (AssignmentJson.unexpectedNonText(json.get(key))) {
        builder.putAdditionalAttribute(key, json.get(key));
      }
    }
    builder.displayName(Optional.ofNullable(AssignmentJson.text(json.get(DISPLAY_NAME))))
        .groupName(Optional.ofNullable(AssignmentJson.text(json.get(GROUP_NAME))))
        .userName(Optional.ofNullable(AssignmentJson.text(json.get(USER_NAME))))
        .servicePrincipalName(Optional.ofNullable(AssignmentJson.text(json.get(SERVICE_PRINCIPAL_NAME))));
    AssignmentJson.unknownFields(json, PRINCIPAL_ID, DISPLAY_NAME, GROUP_NAME, USER_NAME, SERVICE_PRINCIPAL_NAME)
        .forEach(builder::putAdditionalAttribute);
    return builder.build();
  }

  /** Returns the id of an integral number, or of a string of decimal digits; {@code null} otherwise. */
  private static Long parseId(JsonNode id) {
    if (id == null) {
      return null;
    }
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return id.longValue();
    }
    if (id.isTextual() && !id.textValue().isEmpty() && id.textValue().length() <= 19
        && id.textValue().chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Long.parseLong(id.textValue());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Returns the JSON object of this principal: known keys first, then the additional attributes.
   *
   * @return a new JSON object
   */
  @JsonValue
  ObjectNode toJson() {
    ObjectNode json = AssignmentJson.NODES.objectNode();
    principalId().ifPresent(id -> json.put(PRINCIPAL_ID, id));
    AssignmentJson.putText(json, DISPLAY_NAME, displayName());
    AssignmentJson.putText(json, GROUP_NAME, groupName());
    AssignmentJson.putText(json, USER_NAME, userName());
    AssignmentJson.putText(json, SERVICE_PRINCIPAL_NAME, servicePrincipalName());
    AssignmentJson.putUnknown(json, additionalAttributes());
    return json;
  }

  /**
   * Returns the SCIM id of the user, group or service principal ({@code principal_id}).
   *
   * @return the id; empty when the service sent none or sent one that is not a decimal number (then it is kept in
   *     {@link #additionalAttributes()})
   */
  public abstract OptionalLong principalId();

  /**
   * Returns the display name ({@code display_name}).
   *
   * @return the display name, if sent
   */
  public abstract Optional<String> displayName();

  /**
   * Returns the group name ({@code group_name}), set only for groups.
   *
   * @return the group name, if the principal is a group
   */
  public abstract Optional<String> groupName();

  /**
   * Returns the user name ({@code user_name}), set only for users.
   *
   * @return the user name, if the principal is a user
   */
  public abstract Optional<String> userName();

  /**
   * Returns the service principal's application id ({@code service_principal_name}), set only for service
   * principals.
   *
   * @return the application id, if the principal is a service principal
   */
  public abstract Optional<String> servicePrincipalName();

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
    return "AssignedPrincipal" + toJson();
  }

  /**
   * Builds {@link AssignedPrincipal} values; setters are named like the accessors ({@code principalId},
   * {@code displayName}, {@code groupName}, {@code userName}, {@code servicePrincipalName}).
   */
  public static final class Builder extends ImmutableAssignedPrincipal.Builder {
    Builder() {}

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
