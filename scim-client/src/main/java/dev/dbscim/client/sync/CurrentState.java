package dev.dbscim.client.sync;

import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import org.immutables.value.Value;

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
@Value.Immutable
public abstract class CurrentState {
  private static final CurrentState EMPTY = builder().build();

  CurrentState() {}

  /**
   * Returns an empty state, as of a new account.
   *
   * @return the empty state
   */
  public static CurrentState empty() {
    return EMPTY;
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
  public abstract List<User> users();

  /**
   * Returns the service principals.
   *
   * @return the service principals, each with an id
   */
  public abstract List<ServicePrincipal> servicePrincipals();

  /**
   * Returns the groups.
   *
   * @return the groups, each with an id
   */
  public abstract List<Group> groups();

  /**
   * Returns the assignments of the workspaces that were read, by workspace id.
   *
   * @return the assignments
   */
  public abstract Map<Long, List<PermissionAssignment>> workspaceAssignments();

  /**
   * Returns the ids of the groups whose members were not read, so that their {@link Group#members()} are empty here
   * whatever they hold: on an account whose group list carries no members, the groups the directory does not name.
   * Empty means every group's members were read, as in a state built by hand.
   *
   * @return the group ids
   */
  public abstract Set<String> groupsWithUnreadMembers();

  /**
   * Returns the assignments of one workspace, if they were read.
   *
   * @param workspaceId the workspace id
   * @return the assignments, or empty when the workspace was not read
   */
  public Optional<List<PermissionAssignment>> workspaceAssignments(long workspaceId) {
    return Optional.ofNullable(workspaceAssignments().get(workspaceId));
  }

  /**
   * Checks the ids of principals given through the inherited setters ({@code addUsers}, ...), and copies assignment
   * lists that {@link Builder#workspaceAssignments(long, Collection)} did not copy already.
   *
   * @return this state, or one with copied assignment lists
   */
  @Value.Check
  CurrentState check() {
    users().forEach(Builder::requireId);
    servicePrincipals().forEach(Builder::requireIds);
    groups().forEach(Builder::requireId);
    for (List<PermissionAssignment> assignments : workspaceAssignments().values()) {
      if (!(assignments instanceof Copy)) {
        Map<Long, List<PermissionAssignment>> copied = new LinkedHashMap<>();
        workspaceAssignments().forEach((id, list) -> copied.put(id, new Copy<>(list)));
        return builder().from(this).workspaceAssignments(copied).build();
      }
    }
    return this;
  }

  /**
   * Returns the counts (not the principals, which may be many) and the workspaces read.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "CurrentState{users=" + users().size() + ", servicePrincipals=" + servicePrincipals().size() + ", groups="
        + groups().size() + ", workspaces=" + workspaceAssignments().keySet() + "}";
  }

  /**
   * Builds a {@link CurrentState}. The setters below add to what was given before and check each principal as they
   * go; the inherited {@code users(Iterable)}, {@code groups(Iterable)} and {@code servicePrincipals(Iterable)} replace
   * instead, and their principals are checked by {@code build()}.
   */
  public static final class Builder extends ImmutableCurrentState.Builder {
    Builder() {}

    /**
     * Adds users; each must have an id.
     *
     * @param users the users
     * @return this builder
     * @throws IllegalArgumentException when a user has no id
     */
    public Builder users(Collection<User> users) {
      for (User user : users) {
        addUsers(requireId(user));
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
        addServicePrincipals(requireIds(sp));
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
        addGroups(requireId(group));
      }
      return this;
    }

    /**
     * Sets the assignments of one workspace, replacing those given before for it.
     *
     * @param workspaceId the workspace id
     * @param assignments its assignments
     * @return this builder
     */
    public Builder workspaceAssignments(long workspaceId, Collection<PermissionAssignment> assignments) {
      putWorkspaceAssignments(workspaceId, new Copy<>(assignments));
      return this;
    }

    private static User requireId(User user) {
      return requireId(user, user.id(), "user " + user.userName());
    }

    private static Group requireId(Group group) {
      return requireId(group, group.id(), "group " + group.displayName());
    }

    private static ServicePrincipal requireIds(ServicePrincipal sp) {
      requireId(sp, sp.id(), "service principal " + sp.displayName().orElse(""));
      if (!sp.applicationId().isPresent()) {
        throw new IllegalArgumentException("service principal " + sp.id().get() + " has no applicationId");
      }
      return sp;
    }

    private static <T> T requireId(T principal, Optional<String> id, String what) {
      if (!id.isPresent()) {
        throw new IllegalArgumentException(what + " has no id");
      }
      return principal;
    }
  }

  /** An unmodifiable copy of a workspace's assignments, which {@link #check()} knows needs no further copy. */
  private static final class Copy<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> values;

    Copy(Collection<? extends T> values) {
      this.values = new ArrayList<>(values);
    }

    @Override
    public T get(int index) {
      return values.get(index);
    }

    @Override
    public int size() {
      return values.size();
    }
  }
}
