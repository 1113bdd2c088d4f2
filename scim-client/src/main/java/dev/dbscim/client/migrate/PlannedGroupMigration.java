package dev.dbscim.client.migrate;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.PrincipalKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WorkspaceGroupMigration} plans for one workspace-local group: its status as observed, the members the
 * account group must have, the workspace permission, and the steps still to run. Immutable.
 */
public final class PlannedGroupMigration {
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
  static final class Member {
    final PrincipalKind kind;
    final String name;

    Member(PrincipalKind kind, String name) {
      this.kind = kind;
      this.name = name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Member && ((Member) other).kind == kind && ((Member) other).name.equals(name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, name);
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + name;
    }
  }

  private final String name;
  private final String localGroupId;
  private final String localName;
  private final Status status;
  private final String accountGroupId;
  private final WorkspacePermission permission;
  private final List<Member> members;
  private final List<GroupMigrationStep> steps;
  private final String reason;

  PlannedGroupMigration(String name, String localGroupId, String localName, Status status, String accountGroupId,
      WorkspacePermission permission, List<Member> members, List<GroupMigrationStep> steps, String reason) {
    this.name = name;
    this.localGroupId = localGroupId;
    this.localName = localName;
    this.status = status;
    this.accountGroupId = accountGroupId;
    this.permission = permission;
    this.members = Collections.unmodifiableList(new ArrayList<>(members));
    this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    this.reason = reason;
  }

  /**
   * Returns the group's name: the local group's original name and the account group's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the id of the local group.
   *
   * @return the id
   */
  public String localGroupId() {
    return localGroupId;
  }

  /**
   * Returns the local group's current name: {@link #name()}, or the prefixed name once renamed.
   *
   * @return the current name
   */
  public String localName() {
    return localName;
  }

  /**
   * Returns where the migration stands.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * Returns the id of the account group, when it exists.
   *
   * @return the id, or empty when it is still to be created
   */
  public Optional<String> accountGroupId() {
    return Optional.ofNullable(accountGroupId);
  }

  /**
   * Returns the permission the account group gets in the workspace: {@code ADMIN} when the local group is a member of
   * the workspace's {@code admins} group, otherwise {@code USER}.
   *
   * @return the permission
   */
  public WorkspacePermission permission() {
    return permission;
  }

  /**
   * Returns the members the account group must have, as {@code user:<userName>},
   * {@code service-principal:<applicationId>} and {@code group:<displayName>}.
   *
   * @return the members
   */
  public List<String> members() {
    List<String> names = new ArrayList<>(members.size());
    for (Member member : members) {
      names.add(member.toString());
    }
    return names;
  }

  List<Member> memberRefs() {
    return members;
  }

  /**
   * Returns the steps still to run, in order; empty when done, skipped or blocked.
   *
   * @return the steps
   */
  public List<GroupMigrationStep> steps() {
    return steps;
  }

  /**
   * Returns why the group is skipped or blocked, or what an earlier run left.
   *
   * @return the reason, if any
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Returns whether the group has steps to run.
   *
   * @return whether applying changes something for it
   */
  public boolean actionable() {
    return !steps.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PlannedGroupMigration)) {
      return false;
    }
    PlannedGroupMigration that = (PlannedGroupMigration) other;
    return name.equals(that.name) && localGroupId.equals(that.localGroupId) && localName.equals(that.localName)
        && status == that.status && Objects.equals(accountGroupId, that.accountGroupId)
        && permission == that.permission && members.equals(that.members) && steps.equals(that.steps)
        && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, localGroupId, status, steps);
  }

  @Override
  public String toString() {
    return "PlannedGroupMigration{name=" + name + ", status=" + status + ", steps=" + steps + "}";
  }
}
