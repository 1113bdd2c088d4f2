package dev.dbscim.client.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.core.patch.PatchRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of a {@link SyncPlan}: create, update, deactivate or delete a principal, or assign it to or remove it from a
 * workspace. Steps run phase by phase ({@link #phase()}); steps of one phase are independent of each other.
 *
 * <p>An update of a group carries its attribute changes and its member changes together: applying it sends one PATCH
 * per {@link SyncOptions#memberBatchSize()} member changes (at least one). A group creation carries its members, sent
 * in the creating POST.
 */
public final class PlannedOperation {
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

  private final int index;
  private final int phase;
  private final Action action;
  private final PrincipalRef principal;
  private final List<String> changes;
  private final ObjectNode resource;
  private final PatchRequest patch;
  private final List<PrincipalRef> addMembers;
  private final List<PrincipalRef> removeMembers;
  private final Long workspaceId;
  private final WorkspacePermission permission;

  private PlannedOperation(Builder builder, int index) {
    this.index = index;
    this.phase = builder.phase;
    this.action = Objects.requireNonNull(builder.action, "action");
    this.principal = Objects.requireNonNull(builder.principal, "principal");
    this.changes = Collections.unmodifiableList(new ArrayList<>(builder.changes));
    this.resource = builder.resource;
    this.patch = builder.patch;
    this.addMembers = Collections.unmodifiableList(new ArrayList<>(builder.addMembers));
    this.removeMembers = Collections.unmodifiableList(new ArrayList<>(builder.removeMembers));
    this.workspaceId = builder.workspaceId;
    this.permission = builder.permission;
  }

  static Builder builder(Action action, PrincipalRef principal, int phase) {
    return new Builder(action, principal, phase);
  }

  /**
   * Returns this step's position in the plan, from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the phase: steps of a phase run after every step of the phases before it.
   *
   * @return the phase, from 0
   */
  public int phase() {
    return phase;
  }

  /**
   * Returns what the step does.
   *
   * @return the action
   */
  public Action action() {
    return action;
  }

  /**
   * Returns the principal the step is about.
   *
   * @return the principal
   */
  public PrincipalRef principal() {
    return principal;
  }

  /**
   * Returns the changes in words, such as {@code displayName: "Ada" -> "Ada Lovelace"} or {@code +3 members}.
   *
   * @return the human-readable changes
   */
  public List<String> changes() {
    return changes;
  }

  /**
   * Returns the resource a {@link Action#CREATE} step sends, without members (see {@link #addMembers()}).
   *
   * @return the SCIM resource JSON
   */
  public Optional<ObjectNode> resource() {
    return Optional.ofNullable(resource).map(ObjectNode::deepCopy);
  }

  /**
   * Returns the attribute operations of an {@link Action#UPDATE} step, without member changes.
   *
   * @return the patch, if attributes change
   */
  public Optional<PatchRequest> patch() {
    return Optional.ofNullable(patch);
  }

  /**
   * Returns the members a group step adds.
   *
   * @return the added members
   */
  public List<PrincipalRef> addMembers() {
    return addMembers;
  }

  /**
   * Returns the members a group step removes.
   *
   * @return the removed members
   */
  public List<PrincipalRef> removeMembers() {
    return removeMembers;
  }

  /**
   * Returns the workspace of an {@link Action#ASSIGN} or {@link Action#UNASSIGN} step.
   *
   * @return the workspace id
   */
  public OptionalLong workspaceId() {
    return workspaceId == null ? OptionalLong.empty() : OptionalLong.of(workspaceId);
  }

  /**
   * Returns the permission an {@link Action#ASSIGN} step grants.
   *
   * @return the permission
   */
  public Optional<WorkspacePermission> permission() {
    return Optional.ofNullable(permission);
  }

  /**
   * Returns whether the step deactivates or deletes a principal (what the {@link DeletionThreshold} counts).
   *
   * @return whether this is a removal
   */
  public boolean isRemoval() {
    return action == Action.DEACTIVATE || action == Action.DELETE;
  }

  /**
   * Returns how many write requests the step sends when nothing fails.
   *
   * @param memberBatchSize the member changes per PATCH
   * @return the request count
   */
  public int writeRequests(int memberBatchSize) {
    if (action != Action.UPDATE || principal.kind() != PrincipalKind.GROUP) {
      return 1;
    }
    int memberChanges = addMembers.size() + removeMembers.size();
    return Math.max(1, (memberChanges + memberBatchSize - 1) / memberBatchSize);
  }

  ObjectNode resourceNode() {
    return resource;
  }

  Builder toBuilderWithPhase(int phase) {
    Builder builder = new Builder(action, principal, phase);
    builder.changes.addAll(changes);
    builder.resource = resource;
    builder.patch = patch;
    builder.addMembers.addAll(addMembers);
    builder.removeMembers.addAll(removeMembers);
    builder.workspaceId = workspaceId;
    builder.permission = permission;
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PlannedOperation)) {
      return false;
    }
    PlannedOperation that = (PlannedOperation) other;
    return index == that.index && phase == that.phase && action == that.action && principal.equals(that.principal)
        && changes.equals(that.changes) && Objects.equals(resource, that.resource) && Objects.equals(patch, that.patch)
        && addMembers.equals(that.addMembers) && removeMembers.equals(that.removeMembers)
        && Objects.equals(workspaceId, that.workspaceId) && permission == that.permission;
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, phase, action, principal, changes, patch, addMembers, removeMembers, workspaceId,
        permission);
  }

  @Override
  public String toString() {
    return "#" + index + " " + action + " " + principal + (workspaceId == null ? "" : " workspace " + workspaceId)
        + (changes.isEmpty() ? "" : " " + changes);
  }

  static final class Builder {
    private final Action action;
    private final PrincipalRef principal;
    private final int phase;
    private final List<String> changes = new ArrayList<>(2);
    private ObjectNode resource;
    private PatchRequest patch;
    private final List<PrincipalRef> addMembers = new ArrayList<>(0);
    private final List<PrincipalRef> removeMembers = new ArrayList<>(0);
    private Long workspaceId;
    private WorkspacePermission permission;

    private Builder(Action action, PrincipalRef principal, int phase) {
      this.action = action;
      this.principal = principal;
      this.phase = phase;
    }

    Builder change(String change) {
      changes.add(change);
      return this;
    }

    Builder resource(ObjectNode resource) {
      this.resource = resource;
      return this;
    }

    Builder patch(PatchRequest patch) {
      this.patch = patch;
      return this;
    }

    Builder addMembers(List<PrincipalRef> members) {
      addMembers.addAll(members);
      return this;
    }

    Builder removeMembers(List<PrincipalRef> members) {
      removeMembers.addAll(members);
      return this;
    }

    Builder workspace(long workspaceId, WorkspacePermission permission) {
      this.workspaceId = workspaceId;
      this.permission = permission;
      return this;
    }

    PlannedOperation build(int index) {
      return new PlannedOperation(this, index);
    }
  }
}
