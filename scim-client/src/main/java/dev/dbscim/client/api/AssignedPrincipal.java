package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The principal of a {@link PermissionAssignment}: a user, group or service principal, identified by its SCIM id
 * ({@code principal_id}, a number) and described by the name that fits its kind. Immutable.
 *
 * <p>JSON form: {@code {"principal_id":345,"display_name":"Data Eng","group_name":"data-eng"}}. Only
 * {@code group_name} is set for groups, only {@code user_name} for users and only {@code service_principal_name} (the
 * application id) for service principals. Keys are matched exactly; every other key, and a known key whose value has
 * an unexpected type, is kept in {@link #additionalAttributes()} and written back.
 */
public final class AssignedPrincipal {
  private static final String PRINCIPAL_ID = "principal_id";
  private static final String DISPLAY_NAME = "display_name";
  private static final String GROUP_NAME = "group_name";
  private static final String USER_NAME = "user_name";
  private static final String SERVICE_PRINCIPAL_NAME = "service_principal_name";

  private final Long principalId;
  private final String displayName;
  private final String groupName;
  private final String userName;
  private final String servicePrincipalName;
  private final Map<String, JsonNode> additionalAttributes;

  private AssignedPrincipal(Builder builder) {
    this.principalId = builder.principalId;
    this.displayName = builder.displayName;
    this.groupName = builder.groupName;
    this.userName = builder.userName;
    this.servicePrincipalName = builder.servicePrincipalName;
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
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.principalId = principalId;
    builder.displayName = displayName;
    builder.groupName = groupName;
    builder.userName = userName;
    builder.servicePrincipalName = servicePrincipalName;
    builder.additionalAttributes.putAll(additionalAttributes);
    return builder;
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
    builder.displayName = AssignmentJson.text(json.get(DISPLAY_NAME));
    builder.groupName = AssignmentJson.text(json.get(GROUP_NAME));
    builder.userName = AssignmentJson.text(json.get(USER_NAME));
    builder.servicePrincipalName = AssignmentJson.text(json.get(SERVICE_PRINCIPAL_NAME));
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
    if (principalId != null) {
      json.put(PRINCIPAL_ID, principalId.longValue());
    }
    AssignmentJson.putText(json, DISPLAY_NAME, displayName);
    AssignmentJson.putText(json, GROUP_NAME, groupName);
    AssignmentJson.putText(json, USER_NAME, userName);
    AssignmentJson.putText(json, SERVICE_PRINCIPAL_NAME, servicePrincipalName);
    AssignmentJson.putUnknown(json, additionalAttributes);
    return json;
  }

  /**
   * Returns the SCIM id of the user, group or service principal ({@code principal_id}).
   *
   * @return the id; empty when the service sent none or sent one that is not a decimal number (then it is kept in
   *     {@link #additionalAttributes()})
   */
  public OptionalLong principalId() {
    return principalId == null ? OptionalLong.empty() : OptionalLong.of(principalId);
  }

  /**
   * Returns the display name ({@code display_name}).
   *
   * @return the display name, if sent
   */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /**
   * Returns the group name ({@code group_name}), set only for groups.
   *
   * @return the group name, if the principal is a group
   */
  public Optional<String> groupName() {
    return Optional.ofNullable(groupName);
  }

  /**
   * Returns the user name ({@code user_name}), set only for users.
   *
   * @return the user name, if the principal is a user
   */
  public Optional<String> userName() {
    return Optional.ofNullable(userName);
  }

  /**
   * Returns the service principal's application id ({@code service_principal_name}), set only for service
   * principals.
   *
   * @return the application id, if the principal is a service principal
   */
  public Optional<String> servicePrincipalName() {
    return Optional.ofNullable(servicePrincipalName);
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
    if (!(other instanceof AssignedPrincipal)) {
      return false;
    }
    AssignedPrincipal that = (AssignedPrincipal) other;
    return Objects.equals(principalId, that.principalId) && Objects.equals(displayName, that.displayName)
        && Objects.equals(groupName, that.groupName) && Objects.equals(userName, that.userName)
        && Objects.equals(servicePrincipalName, that.servicePrincipalName)
        && additionalAttributes.equals(that.additionalAttributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(principalId, displayName, groupName, userName, servicePrincipalName, additionalAttributes);
  }

  /**
   * Returns the JSON form, for diagnostics.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "AssignedPrincipal" + toJson();
  }

  /** Builds {@link AssignedPrincipal} values. Not thread-safe. */
  public static final class Builder {
    private Long principalId;
    private String displayName;
    private String groupName;
    private String userName;
    private String servicePrincipalName;
    private final Map<String, JsonNode> additionalAttributes = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the SCIM id.
     *
     * @param principalId the id
     * @return this builder
     */
    public Builder principalId(long principalId) {
      this.principalId = principalId;
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param displayName the display name
     * @return this builder
     */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /**
     * Sets the group name, for a group.
     *
     * @param groupName the group name
     * @return this builder
     */
    public Builder groupName(String groupName) {
      this.groupName = Objects.requireNonNull(groupName, "groupName");
      return this;
    }

    /**
     * Sets the user name, for a user.
     *
     * @param userName the user name
     * @return this builder
     */
    public Builder userName(String userName) {
      this.userName = Objects.requireNonNull(userName, "userName");
      return this;
    }

    /**
     * Sets the application id, for a service principal.
     *
     * @param servicePrincipalName the application id
     * @return this builder
     */
    public Builder servicePrincipalName(String servicePrincipalName) {
      this.servicePrincipalName = Objects.requireNonNull(servicePrincipalName, "servicePrincipalName");
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
     * Returns the principal.
     *
     * @return a new immutable principal
     */
    public AssignedPrincipal build() {
      return new AssignedPrincipal(this);
    }
  }
}
