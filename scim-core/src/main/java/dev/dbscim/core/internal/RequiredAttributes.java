package dev.dbscim.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import java.util.Collections;
import java.util.List;

/**
 * The required attributes of the resource types dbscim models, the ones a PATCH must not leave without a value:
 * {@code userName} of a User and {@code displayName} of a Group (RFC 7643 sections 4.1.1 and 4.2). A service principal
 * has none: Databricks generates {@code applicationId} when it is omitted and creates one from {@code displayName}
 * alone, so neither is required. The model classes check the same attributes when built.
 *
 * <p>Not public API; may change without notice.
 */
public final class RequiredAttributes {
  private static final List<String> USER = Collections.singletonList("userName");
  private static final List<String> GROUP = Collections.singletonList("displayName");

  private RequiredAttributes() {}

  /**
   * Returns the required attributes of a resource in JSON form, recognised by a core schema URN in {@code schemas}
   * or else by {@code meta.resourceType} ({@code User}, {@code Group}, {@code WorkspaceGroup}); empty when neither
   * says.
   *
   * @param resource the resource
   * @return the attribute names
   */
  public static List<String> of(JsonNode resource) {
    JsonNode schemas = field(resource, "schemas");
    if (schemas != null && schemas.isArray()) {
      for (JsonNode schema : schemas) {
        if (schema.isTextual() && schema.textValue().equalsIgnoreCase(SchemaUrns.USER)) {
          return USER;
        }
        if (schema.isTextual() && schema.textValue().equalsIgnoreCase(SchemaUrns.GROUP)) {
          return GROUP;
        }
      }
    }
    JsonNode resourceType = field(field(resource, "meta"), "resourceType");
    String type = resourceType != null && resourceType.isTextual() ? resourceType.textValue() : "";
    if (type.equalsIgnoreCase("User")) {
      return USER;
    }
    if (type.equalsIgnoreCase("Group") || type.equalsIgnoreCase("WorkspaceGroup")) {
      return GROUP;
    }
    return Collections.emptyList();
  }

  /**
   * Returns the required attributes of a model type.
   *
   * @param type the type, such as {@code User.class}
   * @return the attribute names; empty for a type without required attributes
   */
  public static List<String> of(Class<?> type) {
    if (User.class.isAssignableFrom(type)) {
      return USER;
    }
    if (Group.class.isAssignableFrom(type)) {
      return GROUP;
    }
    return Collections.emptyList();
  }

  /**
   * Returns whether the top-level attribute {@code name} (matched ignoring case) has a value: present, not null, and
   * not a blank string.
   *
   * @param resource the resource
   * @param name the attribute name
   * @return true when it has a value
   */
  public static boolean hasValue(ObjectNode resource, String name) {
    String key = PatchEngine.findKey(resource, name);
    JsonNode value = key == null ? null : resource.get(key);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    return !value.isTextual() || !value.textValue().trim().isEmpty();
  }

  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    String key = PatchEngine.findKey((ObjectNode) node, name);
    return key == null ? null : node.get(key);
  }
}
