package dev.dbscim.core.patch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The three PATCH operations of RFC 7644 section 3.5.2, written in lower case ({@code "add"}) and read in any case
 * ({@code "Add"}, {@code "REPLACE"}), as Entra ID and the Databricks docs send them.
 */
public enum PatchOp {
  /** Adds a value (RFC 7644 section 3.5.2.1). */
  ADD,
  /** Removes a value (RFC 7644 section 3.5.2.2). */
  REMOVE,
  /** Replaces a value (RFC 7644 section 3.5.2.3). */
  REPLACE;

  /**
   * Returns the name written on the wire, in lower case.
   *
   * @return {@code add}, {@code remove} or {@code replace}
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the operation named by {@code name}, ignoring case.
   *
   * @param name the wire name in any case
   * @return the operation
   * @throws IllegalArgumentException when the name is not {@code add}, {@code remove} or {@code replace}
   */
  @JsonCreator
  public static PatchOp fromWireName(String name) {
    if (name != null) {
      for (PatchOp op : values()) {
        if (op.name().equalsIgnoreCase(name.trim())) {
          return op;
        }
      }
    }
    throw new IllegalArgumentException("PATCH op must be add, remove or replace");
  }
}
