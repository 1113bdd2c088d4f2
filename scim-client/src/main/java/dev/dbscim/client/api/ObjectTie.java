package dev.dbscim.client.api;

import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How a principal is tied to a {@link WorkspaceObject}: it created it, owns it, the object runs as it, or (for a
 * dedicated cluster) only it may use it. The principal is named as the workspace APIs name it: a user's
 * {@code userName} or a service principal's application id. Immutable.
 *
 * <pre>{@code
 * ObjectTie tie = ObjectTie.of(ObjectTie.Role.RUN_AS, "bob@example.com");
 * }</pre>
 */
@Value.Immutable
public abstract class ObjectTie {
  /** The part a principal plays for an object. */
  public enum Role {
    /** Created the object ({@code creator_user_name}, {@code creator_name}, a token's {@code created_by_username}). */
    CREATOR,
    /** Owns it ({@code owner_user_name}, a token's {@code owner_id}, the {@code IS_OWNER} holder). */
    OWNER,
    /** The object runs as it ({@code run_as_user_name}, {@code settings.run_as}). */
    RUN_AS,
    /** The only user of a dedicated (single-user) cluster ({@code single_user_name}). */
    SINGLE_USER,
    /** Holds {@code CAN_MANAGE} on it directly (Lakeview dashboards, which carry no owner field). */
    MANAGER
  }

  ObjectTie() {}

  /**
   * Returns a tie to a principal named by user name or application id.
   *
   * @param role the part it plays
   * @param principal the user name or application id
   * @return the tie
   */
  public static ObjectTie of(Role role, String principal) {
    return ImmutableObjectTie.builder().role(role).principal(principal).build();
  }

  /**
   * Returns a tie to a principal known by its numeric id (and, when the answer carried it, its name).
   *
   * @param role the part it plays
   * @param principalId the principal's id in the workspace (the SCIM id, a number)
   * @param principal the user name or application id, or {@code null} when the answer had none
   * @return the tie
   */
  public static ObjectTie of(Role role, long principalId, String principal) {
    return ImmutableObjectTie.builder().role(role).principalId(principalId)
        .principal(Optional.ofNullable(principal)).build();
  }

  /**
   * Returns the part the principal plays.
   *
   * @return the role
   */
  public abstract Role role();

  /**
   * Returns the principal's user name or application id, when the answer named it.
   *
   * @return the name
   */
  public abstract Optional<String> principal();

  /**
   * Returns the principal's numeric id, when the answer carried it (tokens do).
   *
   * @return the id
   */
  public abstract OptionalLong principalId();

  /** Checks that the tie names its principal one way or the other. */
  @Value.Check
  void check() {
    if (!principal().isPresent() && !principalId().isPresent()) {
      throw new IllegalArgumentException("a tie needs a principal name or id");
    }
    if (principal().isPresent() && principal().get().trim().isEmpty()) {
      throw new IllegalArgumentException("a tie's principal name must not be blank");
    }
  }

  /**
   * Returns the tie as people read it, such as {@code RUN_AS bob@example.com}.
   *
   * @return the tie in one line
   */
  @Override
  public String toString() {
    return role() + " " + principal().orElseGet(() -> "id " + principalId().getAsLong());
  }
}
