package dev.dbscim.client.sync;

import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How a plan changes one user's or service principal's access to one workspace, with the paths that gave the access
 * before and give it after, such as {@code direct}, {@code group data-eng} or {@code group analysts via group
 * data-eng} (the assigned group first, then the groups it reaches the principal through). Immutable.
 */
@Value.Immutable
public abstract class AccessChange {
  /** What kind of change. */
  public enum Direction {
    /** From none to some access. */
    GAIN,
    /** From some access to none. */
    LOSE,
    /** From USER to ADMIN. */
    PROMOTE,
    /** From ADMIN to USER. */
    DEMOTE
  }

  AccessChange() {}

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the user or service principal.
   *
   * @return the principal
   */
  public abstract PrincipalRef principal();

  /**
   * Returns the access before the plan.
   *
   * @return the level before
   */
  public abstract AccessLevel before();

  /**
   * Returns the access after the plan.
   *
   * @return the level after
   */
  public abstract AccessLevel after();

  /**
   * Returns the paths that gave the access before, best level first ({@code deactivated} and {@code deleted} never
   * appear here).
   *
   * @return the paths before
   */
  public abstract List<String> pathsBefore();

  /**
   * Returns the paths that give the access after, best level first; empty when none is left.
   *
   * @return the paths after
   */
  public abstract List<String> pathsAfter();

  /**
   * Returns the paths before that are gone after: what took the access away (or lowered it).
   *
   * @return the lost paths, best level first
   */
  public List<String> lostPaths() {
    List<String> lost = new ArrayList<>(pathsBefore());
    lost.removeAll(pathsAfter());
    return lost;
  }

  /**
   * Returns why access was lost or lowered when the principal itself goes: {@code deactivated} or {@code deleted};
   * empty otherwise.
   *
   * @return the reason, or empty
   */
  @Value.Default
  public String removal() {
    return "";
  }

  /**
   * Returns the kind of change.
   *
   * @return the direction
   */
  public Direction direction() {
    if (before() == AccessLevel.NONE) {
      return Direction.GAIN;
    }
    if (after() == AccessLevel.NONE) {
      return Direction.LOSE;
    }
    return after() == AccessLevel.ADMIN ? Direction.PROMOTE : Direction.DEMOTE;
  }

  /** Requires an actual change. */
  @Value.Check
  void check() {
    if (before() == after()) {
      throw new IllegalArgumentException("an access change needs different levels: " + before());
    }
  }

  /**
   * Returns the change as people read it, such as {@code user bob@example.com USER -> NONE (lost via group data-eng)}.
   *
   * @return the change in one line
   */
  @Override
  public String toString() {
    String why = !removal().isEmpty() ? removal()
        : direction() == Direction.LOSE || direction() == Direction.DEMOTE
            ? "lost via " + String.join(", ", lostPaths())
            : "via " + String.join(", ", pathsAfter());
    return principal().describe() + " " + before() + " -> " + after() + " (" + why + ")";
  }

  /** Builds a {@link AccessChange}; {@code build()} checks the values. */
  public static final class Builder extends ImmutableAccessChange.Builder {
    Builder() {}
  }
}
