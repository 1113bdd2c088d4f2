package dev.dbscim.client.sync;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A principal named in a {@link SyncPlan}: its kind, its directory identity ({@code userName}, {@code applicationId}
 * or group {@code displayName}) and, when it already exists in Databricks, its id. A principal the plan creates has no
 * id until the plan is applied.
 *
 * <pre>{@code
 * PrincipalRef ada = PrincipalRef.of(PrincipalKind.USER, "ada@example.com", "1001");
 * }</pre>
 */
public final class PrincipalRef {
  private final PrincipalKind kind;
  private final String name;
  private final String id;

  private PrincipalRef(PrincipalKind kind, String name, String id) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = Objects.requireNonNull(name, "name");
    this.id = id;
  }

  /**
   * Returns a reference to an existing principal.
   *
   * @param kind the kind
   * @param name the directory identity
   * @param id the Databricks id, or {@code null} for a principal not created yet
   * @return the reference
   */
  public static PrincipalRef of(PrincipalKind kind, String name, String id) {
    return new PrincipalRef(kind, name, id);
  }

  /**
   * Returns a reference to a principal that the plan creates.
   *
   * @param kind the kind
   * @param name the directory identity
   * @return the reference, without id
   */
  public static PrincipalRef toCreate(PrincipalKind kind, String name) {
    return new PrincipalRef(kind, name, null);
  }

  /**
   * Returns the kind of principal.
   *
   * @return the kind
   */
  public PrincipalKind kind() {
    return kind;
  }

  /**
   * Returns the directory identity: user name, application id or group display name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the Databricks id, empty for a principal the plan creates.
   *
   * @return the id
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the key under which apply resolves the ids of created principals: kind plus lower-cased name. */
  String key() {
    return key(kind, name);
  }

  /** Returns the principal as people read it: its kind and name, such as {@code user bob@example.com}. */
  String describe() {
    return PlanText.kindName(kind) + " " + name;
  }

  static String key(PrincipalKind kind, String name) {
    return kind.ordinal() + ":" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PrincipalRef)) {
      return false;
    }
    PrincipalRef that = (PrincipalRef) other;
    return kind == that.kind && name.equals(that.name) && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, id);
  }

  @Override
  public String toString() {
    return kind + " " + name + (id == null ? "" : " (" + id + ")");
  }
}
