package dev.dbscim.client.sync;

import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What a plan does to the access of users and service principals to one workspace: every change, and the groups whose
 * members the plan did not read (access through them is not counted, so a loss may be kept through one of them).
 * Immutable.
 */
@Value.Immutable
public abstract class WorkspaceAccessChanges {
  WorkspaceAccessChanges() {}

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the workspace id: the assignments' workspace on an account target; empty on a workspace target, whose
   * workspace is the plan's target.
   *
   * @return the workspace id
   */
  public abstract OptionalLong workspaceId();

  /**
   * Returns the changes: principals that lose access to every workspace of the plan first, then by direction (lose,
   * demote, promote, gain), then by name.
   *
   * @return the changes
   */
  public abstract List<AccessChange> changes();

  /**
   * Returns the display names of groups that hold access to the workspace but whose members were not read (an account
   * whose group list carries no members, for groups the directory does not name).
   *
   * @return the groups, sorted
   */
  public abstract List<String> unreadGroups();

  /**
   * Returns how many changes go one way.
   *
   * @param direction the direction
   * @return the count
   */
  public int count(AccessChange.Direction direction) {
    int count = 0;
    for (AccessChange change : changes()) {
      if (change.direction() == direction) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the workspace as people read it: {@code workspace 1001}, or {@code the workspace} on a workspace target.
   *
   * @return the label
   */
  public String label() {
    return ImpactText.workspace(workspaceId());
  }

  /**
   * Returns the counts in one line, such as {@code workspace 1001: 3 lose access, 1 gain, 0 USER -> ADMIN, 1 ADMIN -> USER}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return label() + ": " + count(AccessChange.Direction.LOSE) + " lose access, " + count(AccessChange.Direction.GAIN)
        + " gain, " + count(AccessChange.Direction.PROMOTE) + " USER -> ADMIN, " + count(AccessChange.Direction.DEMOTE)
        + " ADMIN -> USER" + (unreadGroups().isEmpty() ? "" : ", " + unreadGroups().size() + " group(s) not read");
  }

  /** Builds a {@link WorkspaceAccessChanges}; {@code build()} checks the values. */
  public static final class Builder extends ImmutableWorkspaceAccessChanges.Builder {
    Builder() {}
  }
}
