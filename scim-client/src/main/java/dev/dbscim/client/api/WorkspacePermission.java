package dev.dbscim.client.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A permission that a principal can hold on a Databricks workspace through a permission assignment. Values read from
 * the service that this SDK does not know become {@link #UNKNOWN}; the assignment keeps the raw text (see
 * {@link PermissionAssignment#rawPermissions()}).
 */
public enum WorkspacePermission {
  /** Workspace admin: the principal joins the workspace {@code admins} group. */
  ADMIN,
  /** Workspace user: the principal may use the workspace. */
  USER,
  /**
   * A permission this SDK does not know, or the service's own {@code UNKNOWN}; never sent by the SDK's assignment
   * calls.
   */
  UNKNOWN;

  /**
   * Returns the permission for a wire value, matched ignoring case.
   *
   * @param wireValue the value as sent by the service, such as {@code "USER"}; may be {@code null}
   * @return the permission; {@link #UNKNOWN} for {@code null} or an unknown value
   */
  @JsonCreator
  public static WorkspacePermission fromWire(String wireValue) {
    if (wireValue == null) {
      return UNKNOWN;
    }
    String upper = wireValue.toUpperCase(Locale.ROOT);
    if (upper.equals("ADMIN")) {
      return ADMIN;
    }
    if (upper.equals("USER")) {
      return USER;
    }
    return UNKNOWN;
  }

  /**
   * Returns the value sent on the wire, such as {@code "USER"}.
   *
   * @return the wire value
   */
  @JsonValue
  public String wireValue() {
    return name();
  }
}
