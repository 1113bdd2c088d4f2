package dev.dbscim.client.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.PermissionLevel;
import dev.dbscim.client.api.WorkspacePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Wire helpers shared by {@link WorkspaceAssignmentsApiImpl} and {@link PermissionAssignmentsApiImpl}: id checks,
 * request bodies and answer shapes.
 */
final class AssignmentWire {
  private AssignmentWire() {}

  /** Returns the id if positive; a principal or workspace id of zero or less cannot exist. */
  static long positive(long id, String what) {
    if (id <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + id);
    }
    return id;
  }

  /** Returns the value of a SCIM id given as text, which must be a positive decimal number. */
  static long principalId(String principalId) {
    Objects.requireNonNull(principalId, "principalId");
    boolean digits = !principalId.isEmpty() && principalId.length() <= 19
        && principalId.chars().allMatch(c -> c >= '0' && c <= '9');
    long value;
    try {
      value = digits ? Long.parseLong(principalId) : -1;
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value <= 0) {
      throw new IllegalArgumentException("principalId must be a positive decimal number: '" + principalId + "'");
    }
    return value;
  }

  /** Returns the permissions' wire values in the order ADMIN, USER, refusing an empty set and UNKNOWN. */
  static List<String> permissionValues(Set<WorkspacePermission> permissions) {
    Objects.requireNonNull(permissions, "permissions");
    if (permissions.isEmpty()) {
      throw new IllegalArgumentException("permissions must not be empty (the service would remove all permissions)");
    }
    EnumSet<WorkspacePermission> ordered = EnumSet.noneOf(WorkspacePermission.class);
    for (WorkspacePermission permission : permissions) {
      Objects.requireNonNull(permission, "permission");
      if (permission == WorkspacePermission.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN is not a permission that can be assigned");
      }
      ordered.add(permission);
    }
    List<String> values = new ArrayList<>(ordered.size());
    for (WorkspacePermission permission : ordered) {
      values.add(permission.wireValue());
    }
    return values;
  }

  /** Returns {@code {"permissions":[...]}}. */
  static ObjectNode permissionsBody(List<String> permissionValues) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    addPermissions(body, permissionValues);
    return body;
  }

  /** Adds {@code "permissions":[...]} to an object. */
  static void addPermissions(ObjectNode node, List<String> permissionValues) {
    ArrayNode array = node.putArray("permissions");
    permissionValues.forEach(array::add);
  }

  /** Returns the single assignment of a PUT answer, or the assignment as sent when the answer has no body. */
  static PermissionAssignment assignment(ScimResponse response, long principalId, List<String> permissionValues) {
    if (response.hasBody()) {
      return response.read(PermissionAssignment.class);
    }
    PermissionAssignment.Builder sent = PermissionAssignment.builder().principal(AssignedPrincipal.of(principalId));
    permissionValues.forEach(sent::addRawPermission);
    return sent.build();
  }

  /** Returns the {@code permission_assignments} of an answer; empty when the body or the key is absent. */
  static List<PermissionAssignment> assignments(ScimResponse response) {
    if (!response.hasBody()) {
      return Collections.emptyList();
    }
    return response.read(AssignmentList.class).items;
  }

  /** Returns the {@code permissions} of an answer; empty when the body or the key is absent. */
  static List<PermissionLevel> permissionLevels(ScimResponse response) {
    if (!response.hasBody()) {
      return Collections.emptyList();
    }
    return response.read(PermissionLevelList.class).items;
  }

  private static <T> List<T> withoutNulls(List<T> items) {
    if (items == null) {
      return Collections.emptyList();
    }
    List<T> kept = new ArrayList<>(items.size());
    for (T item : items) {
      if (item != null) {
        kept.add(item);
      }
    }
    return Collections.unmodifiableList(kept);
  }

  /** The answer {@code {"permission_assignments":[...]}}; other keys are ignored. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class AssignmentList {
    final List<PermissionAssignment> items;

    @JsonCreator
    AssignmentList(@JsonProperty("permission_assignments") List<PermissionAssignment> items) {
      this.items = withoutNulls(items);
    }
  }

  /** The answer {@code {"permissions":[...]}}; other keys are ignored. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class PermissionLevelList {
    final List<PermissionLevel> items;

    @JsonCreator
    PermissionLevelList(@JsonProperty("permissions") List<PermissionLevel> items) {
      this.items = withoutNulls(items);
    }
  }
}
