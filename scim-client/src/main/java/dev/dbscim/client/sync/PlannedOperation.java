package dev.dbscim.client.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.core.patch.PatchRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One step of a {@link SyncPlan}: create, update, deactivate or delete a principal, or assign it to or remove it from a
 * workspace. Steps run phase by phase ({@link #phase()}); steps of one phase are independent of each other.
 *
 * <p>An update of a group carries its attribute changes and its member changes together: applying it sends one PATCH
 * per {@link SyncOptions#memberBatchSize()} member changes (at least one). A group creation carries its members, sent
 * in the creating POST.
 */
@Value.Immutable
public abstract class PlannedOperation {
  /** What a step does. */
  public enum Action {
    /** Creates a principal ({@code POST}); a group is created with its members. */
    CREATE,
    /** Changes attributes, entitlements or (for groups) members with minimal {@code PATCH}es. */
    UPDATE,
    /** Sets {@code active} to false on a user or service principal. */
    DEACTIVATE,
    /** Deletes a principal. */
    DELETE,
    /** Assigns a principal to a workspace, or changes its permission ({@code PUT}). */
    ASSIGN,
    /** Removes a principal's workspace assignment. */
    UNASSIGN
  }

  PlannedOperation() {}

  /** Returns a builder of a step; {@link Builder#build(int)} gives it its index. */
  static Builder builder(Action action, PrincipalRef principal, int phase) {
    return new Builder().action(action).principal(principal).phase(phase);
  }

  /**
   * Returns this step's position in the plan, from 0.
   *
   * @return the index
   */
  public abstract int index();

  /**
   * Returns the phase: steps of a phase run after every step of the phases before it.
   *
   * @return the phase, from 0
   */
  public abstract int phase();

  /**
   * Returns what the step does.
   *
   * @return the action
   */
  public abstract Action action();

  /**
   * Returns the principal the step is about.
   *
   * @return the principal
   */
  public abstract PrincipalRef principal();

  /**
   * Returns the changes in words, such as {@code displayName: "Ada" -> "Ada Lovelace"} or {@code +3 members}.
   *
   * @return the human-readable changes
   */
  public abstract List<String> changes();

  /**
   * Returns the resource a {@link Action#CREATE} step sends, without members (see {@link #addMembers()}).
   *
   * @return the SCIM resource JSON
   */
  public Optional<ObjectNode> resource() {
    return resourceNode().map(ObjectNode::deepCopy);
  }

  /** Returns the resource itself, not a copy: the plan's own readers and writers do not change it. */
  abstract Optional<ObjectNode> resourceNode();

  /**
   * Returns the attribute operations of an {@link Action#UPDATE} step, without member changes.
   *
   * @return the patch, if attributes change
   */
  public abstract Optional<PatchRequest> patch();

  /**
   * Returns the members a group step adds.
   *
   * @return the added members
   */
  public abstract List<PrincipalRef> addMembers();

  /**
   * Returns the members a group step removes.
   *
   * @return the removed members
   */
  public abstract List<PrincipalRef> removeMembers();

  /**
   * Returns the workspace of an {@link Action#ASSIGN} or {@link Action#UNASSIGN} step.
   *
   * @return the workspace id
   */
  public abstract OptionalLong workspaceId();

  /**
   * Returns the permission an {@link Action#ASSIGN} step grants.
   *
   * @return the permission
   */
  public abstract Optional<WorkspacePermission> permission();

  /**
   * Returns whether the step deactivates or deletes a principal (what the {@link DeletionThreshold} counts).
   *
   * @return whether this is a removal
   */
  public boolean isRemoval() {
    return action() == Action.DEACTIVATE || action() == Action.DELETE;
  }

  /**
   * Returns how many write requests the step sends when nothing fails.
   *
   * @param memberBatchSize the member changes per PATCH
   * @return the request count
   */
  public int writeRequests(int memberBatchSize) {
    if (action() != Action.UPDATE || principal().kind() != PrincipalKind.GROUP) {
      return 1;
    }
    int memberChanges = addMembers().size() + removeMembers().size();
    return Math.max(1, (memberChanges + memberBatchSize - 1) / memberBatchSize);
  }

  /** Returns this step in another phase. */
  PlannedOperation inPhase(int phase) {
    return new Builder().from(this).phase(phase).build();
  }

  /** Returns this step at another position in its plan. */
  PlannedOperation atIndex(int index) {
    return new Builder().from(this).build(index);
  }

  /**
   * Returns the step as people read it: index, action, principal, workspace and changes, such as
   * {@code #3 ASSIGN GROUP data-eng (42) workspace 1001 [USER]}.
   *
   * @return the step in one line
   */
  @Override
  public String toString() {
    return "#" + index() + " " + action() + " " + principal()
        + (workspaceId().isPresent() ? " workspace " + workspaceId().getAsLong() : "")
        + (changes().isEmpty() ? "" : " " + changes());
  }

  /** Builds a step; every collection setter replaces the whole collection, {@code addChanges} adds one change. */
  static final class Builder extends ImmutablePlannedOperation.Builder {
    Builder() {}

    /** Returns the step, at the given position in its plan. */
    PlannedOperation build(int index) {
      return index(index).build();
    }
  }
}
