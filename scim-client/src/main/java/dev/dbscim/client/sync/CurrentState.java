package dev.dbscim.client.sync;

import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync target holds before a sync: its users, service principals and groups (with the members of at least the
 * groups the directory names), and the assignments of the workspaces the sync manages. {@link SyncEngine#readState}
 * reads it with the fewest requests; tests and benchmarks can also build one. Immutable.
 *
 * <pre>{@code
 * CurrentState state = CurrentState.builder()
 *     .users(List.of(User.builder().id("1").userName("ada@example.com").build()))
 *     .build();
 * }</pre>
 */
public final class CurrentState {
  private final List<User> users;
  private final List<ServicePrincipal> servicePrincipals;
  private final List<Group> groups;
  private final Map<Long, List<PermissionAssignment>> workspaceAssignments;

  private CurrentState(Builder builder) {
    this.users = Collections.unmodifiableList(new ArrayList<>(builder.users));
    this.servicePrincipals = Collections.unmodifiableList(new ArrayList<>(builder.servicePrincipals));
    this.groups = Collections.unmodifiableList(new ArrayList<>(builder.groups));
    Map<Long, List<PermissionAssignment>> assignments = new LinkedHashMap<>();
    builder.workspaceAssignments.forEach((id, list) -> assignments.put(id, Collections.unmodifiableList(list)));
    this.workspaceAssignments = Collections.unmodifiableMap(assignments);
  }

  /**
   * Returns an empty state, as of a new account.
   *
   * @return the empty state
   */
  public static CurrentState empty() {
    return builder().build();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the users.
   *
   * @return the users, each with an id
   */
  public List<User> users() {
    return users;
  }

  /**
   * Returns the service principals.
   *
   * @return the service principals, each with an id
   */
  public List<ServicePrincipal> servicePrincipals() {
    return servicePrincipals;
  }

  /**
   * Returns the groups.
   *
   * @return the groups, each with an id
   */
  public List<Group> groups() {
    return groups;
  }

  /**
   * Returns the assignments of the workspaces that were read, by workspace id.
   *
   * @return the assignments
   */
  public Map<Long, List<PermissionAssignment>> workspaceAssignments() {
    return workspaceAssignments;
  }

  /**
   * Returns the assignments of one workspace, if they were read.
   *
   * @param workspaceId the workspace id
   * @return the assignments, or empty when the workspace was not read
   */
  public Optional<List<PermissionAssignment>> workspaceAssignments(long workspaceId) {
    return Optional.ofNullable(workspaceAssignments.get(workspaceId));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CurrentState)) {
      return false;
    }
    CurrentState that = (CurrentState) other;
    return users.equals(that.users) && servicePrincipals.equals(that.servicePrincipals) && groups.equals(that.groups)
        && workspaceAssignments.equals(that.workspaceAssignments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(users, servicePrincipals, groups, workspaceAssignments);
  }

  @Override
  public String toString() {
    return "CurrentState{users=" + users.size() + ", servicePrincipals=" + servicePrincipals.size() + ", groups="
        + groups.size() + ", workspaces=" + workspaceAssignments.keySet() + "}";
  }

  /** Builds a {@link CurrentState}. */
  public static final class Builder {
    private final List<User> users = new ArrayList<>();
    private final List<ServicePrincipal> servicePrincipals = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<Long, List<PermissionAssignment>> workspaceAssignments = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds users; each must have an id.
     *
     * @param users the users
     * @return this builder
     * @throws IllegalArgumentException when a user has no id
     */
    public Builder users(Collection<User> users) {
      for (User user : users) {
        requireId(user.id(), "user " + user.userName());
        this.users.add(user);
      }
      return this;
    }

    /**
     * Adds service principals; each must have an id and an application id.
     *
     * @param servicePrincipals the service principals
     * @return this builder
     * @throws IllegalArgumentException when one has no id or no application id
     */
    public Builder servicePrincipals(Collection<ServicePrincipal> servicePrincipals) {
      for (ServicePrincipal sp : servicePrincipals) {
        requireId(sp.id(), "service principal " + sp.displayName().orElse(""));
        if (!sp.applicationId().isPresent()) {
          throw new IllegalArgumentException("service principal " + sp.id().get() + " has no applicationId");
        }
        this.servicePrincipals.add(sp);
      }
      return this;
    }

    /**
     * Adds groups; each must have an id.
     *
     * @param groups the groups, with their members
     * @return this builder
     * @throws IllegalArgumentException when a group has no id
     */
    public Builder groups(Collection<Group> groups) {
      for (Group group : groups) {
        requireId(group.id(), "group " + group.displayName());
        this.groups.add(group);
      }
      return this;
    }

    /**
     * Sets the assignments of one workspace.
     *
     * @param workspaceId the workspace id
     * @param assignments its assignments
     * @return this builder
     */
    public Builder workspaceAssignments(long workspaceId, Collection<PermissionAssignment> assignments) {
      workspaceAssignments.put(workspaceId, new ArrayList<>(assignments));
      return this;
    }

    /**
     * Returns the state.
     *
     * @return the state
     */
    public CurrentState build() {
      return new CurrentState(this);
    }

    private static void requireId(Optional<String> id, String what) {
      if (!id.isPresent()) {
        throw new IllegalArgumentException(what + " has no id");
      }
    }
  }
}
