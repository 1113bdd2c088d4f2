package dev.dbscim.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The workspace entitlements Databricks knows, by their wire value.
 *
 * <p>Resources keep entitlements as {@link ComplexValue} lists, so a value not listed here survives a read-write
 * cycle; use {@link #fromValue(String)} to recognise a known one and {@link #toComplexValue()} to grant one.
 */
public enum Entitlement {
  /** Allows creating clusters: {@code allow-cluster-create}. */
  ALLOW_CLUSTER_CREATE("allow-cluster-create"),
  /** Allows creating instance pools: {@code allow-instance-pool-create}. */
  ALLOW_INSTANCE_POOL_CREATE("allow-instance-pool-create"),
  /** Allows using Databricks SQL: {@code databricks-sql-access}. */
  DATABRICKS_SQL_ACCESS("databricks-sql-access"),
  /** Allows using the workspace: {@code workspace-access}. */
  WORKSPACE_ACCESS("workspace-access"),
  /** Allows consumer-only access to the workspace: {@code workspace-consume}. */
  WORKSPACE_CONSUME("workspace-consume");

  private final String value;

  Entitlement(String value) {
    this.value = value;
  }

  /**
   * Returns the value Databricks uses on the wire, such as {@code "workspace-access"}.
   *
   * @return the wire value
   */
  public String value() {
    return value;
  }

  /**
   * Returns the entitlement with exactly the given wire value.
   *
   * @param value the wire value, such as {@code "allow-cluster-create"}; compared case-sensitively
   * @return the entitlement; empty for an unknown value
   */
  public static Optional<Entitlement> fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (Entitlement entitlement : values()) {
      if (entitlement.value.equals(value)) {
        return Optional.of(entitlement);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the entitlement as the {@code {"value": ...}} element Databricks expects in an {@code entitlements} list.
   *
   * @return the complex value
   */
  public ComplexValue toComplexValue() {
    return ComplexValue.of(value);
  }
}
