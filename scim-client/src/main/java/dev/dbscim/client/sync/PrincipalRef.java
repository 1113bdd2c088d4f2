package dev.dbscim.client.sync;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A principal named in a {@link SyncPlan}: its kind, its directory identity ({@code userName}, {@code applicationId}
 * or group {@code displayName}) and, when it already exists in Databricks, its id. A principal the plan creates has no
 * id until the plan is applied.
 *
 * <pre>{@code
 * PrincipalRef ada = PrincipalRef.of(PrincipalKind.USER, "ada@example.com", "1001");
 * }</pre>
 */
@Value.Immutable
public abstract class PrincipalRef {
  PrincipalRef() {}

  /**
   * Returns a reference to an existing principal.
   *
   * @param kind the kind
   * @param name the directory identity
   * @param id the Databricks id, or {@code null} for a principal not created yet
   * @return the reference
   */
  public static PrincipalRef of(PrincipalKind kind, String name, String id) {
    return ImmutablePrincipalRef.of(kind, name, Optional.ofNullable(id));
  }

  /**
   * Returns a reference to a principal that the plan creates.
   *
   * @param kind the kind
   * @param name the directory identity
   * @return the reference, without id
   */
  public static PrincipalRef toCreate(PrincipalKind kind, String name) {
    return ImmutablePrincipalRef.of(kind, name, Optional.empty());
  }

  /**
   * Returns the kind of principal.
   *
   * @return the kind
   */
  @Value.Parameter
  public abstract PrincipalKind kind();

  /**
   * Returns the directory identity: user name, application id or group display name.
   *
   * @return the name
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Returns the Databricks id, empty for a principal the plan creates.
   *
   * @return the id
   */
  @Value.Parameter
  public abstract Optional<String> id();

  /** Returns the key under which apply resolves the ids of created principals: kind plus lower-cased name. */
  String key() {
    return key(kind(), name());
  }

  /** Returns the principal as people read it: its kind and name, such as {@code user bob@example.com}. */
  String describe() {
    return PlanText.kindName(kind()) + " " + name();
  }

  static String key(PrincipalKind kind, String name) {
    return kind.ordinal() + ":" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind() + " " + name() + id().map(id -> " (" + id + ")").orElse("");
  }
}
