package dev.dbscim.client.migrate;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.PrincipalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link WorkspaceGroupMigration} plans for one workspace-local group: its status as observed, the members the
 * account group must have, the workspace permission, and the steps still to run. Immutable.
 */
@Value.Immutable
public abstract class PlannedGroupMigration {
  /** Where the migration of a group stands. */
  public enum Status {
    /** Nothing done yet; every step is planned. */
    MIGRATE,
    /** Some steps were done by an earlier run; the remaining ones are planned. */
    RESUME,
    /** Every step is done (the renamed local group may remain, when deletion is not enabled). */
    DONE,
    /** An account group with this name exists with other members; skipped unless merging is enabled. */
    NAME_CLASH,
    /** Cannot be migrated as things are; see {@link #reason()}. */
    BLOCKED
  }

  /** A member the account group must have, named as the account knows it. */
  @Value.Immutable(builder = false, copy = false)
  abstract static class Member {
    @Value.Parameter
    abstract PrincipalKind kind();

    @Value.Parameter
    abstract String name();

    static Member of(PrincipalKind kind, String name) {
      return ImmutableMember.of(kind, name);
    }

    @Override
    public String toString() {
      return kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + name();
    }
  }

  PlannedGroupMigration() {}

  static PlannedGroupMigration of(String name, String localGroupId, String localName, Status status,
      String accountGroupId, WorkspacePermission permission, List<Member> members, List<GroupMigrationStep> steps,
      String reason) {
    return ImmutablePlannedGroupMigration.builder().name(name).localGroupId(localGroupId).localName(localName)
        .status(status).accountGroupId(Optional.ofNullable(accountGroupId)).permission(permission)
        .memberRefs(members).steps(steps).reason(Optional.ofNullable(reason)).build();
  }

  /**
   * Returns the group's name: the local group's original name and the account group's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the id of the local group.
   *
   * @return the id
   */
  public abstract String localGroupId();

  /**
   * Returns the local group's current name: {@link #name()}, or the prefixed name once renamed.
   *
   * @return the current name
   */
  public abstract String localName();

  /**
   * Returns where the migration stands.
   *
   * @return the status
   */
  public abstract Status status();

  /**
   * Returns the id of the account group, when it exists.
   *
   * @return the id, or empty when it is still to be created
   */
  public abstract Optional<String> accountGroupId();

  /**
   * Returns the permission the account group gets in the workspace: {@code ADMIN} when the local group is a member of
   * the workspace's {@code admins} group, otherwise {@code USER}.
   *
   * @return the permission
   */
  public abstract WorkspacePermission permission();

  /**
   * Returns the members the account group must have, as {@code user:<userName>},
   * {@code service-principal:<applicationId>} and {@code group:<displayName>}.
   *
   * @return the members
   */
  public List<String> members() {
    List<String> names = new ArrayList<>(memberRefs().size());
    for (Member member : memberRefs()) {
      names.add(member.toString());
    }
    return names;
  }

  abstract List<Member> memberRefs();

  /**
   * Returns the steps still to run, in order; empty when done, skipped or blocked.
   *
   * @return the steps
   */
  public abstract List<GroupMigrationStep> steps();

  /**
   * Returns why the group is skipped or blocked, or what an earlier run left.
   *
   * @return the reason, if any
   */
  public abstract Optional<String> reason();

  /**
   * Returns whether the group has steps to run.
   *
   * @return whether applying changes something for it
   */
  public boolean actionable() {
    return !steps().isEmpty();
  }
}
