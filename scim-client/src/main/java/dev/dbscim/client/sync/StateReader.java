package dev.dbscim.client.sync;

import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspaceAssignmentsApi;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the {@link CurrentState} a plan needs with the fewest requests: one list of users, service principals and
 * groups (only the attributes the planner compares), the members of the groups the directory names (from the list, or
 * one GET each where lists carry no members), and one assignment list per managed workspace.
 */
final class StateReader {
  private final SyncTarget target;
  private final SyncOptions options;
  private final ExecutorService executor;

  StateReader(SyncTarget target, SyncOptions options, ExecutorService executor) {
    this.target = target;
    this.options = options;
    this.executor = executor;
  }

  CurrentState read(Directory directory) {
    boolean workspace = target.kind() == SyncTarget.Kind.WORKSPACE;
    MembershipReads reads = options.membershipReads();
    // AUTO on the account asks for members in the list too: accounts that kept the old behaviour send them, and then
    // no group needs a GET of its own.
    boolean askMembersInList = reads != MembershipReads.GROUP_GET;
    Future<List<User>> users = submit(() -> {
      List<User> all = new ArrayList<>();
      target.users().list(request -> request.pageSize(options.pageSize())
          .attributes(workspace ? new String[] {"id", "userName", "displayName", "name", "externalId", "active",
              "entitlements"} : new String[] {"id", "userName", "displayName", "name", "externalId", "active"}))
          .forEach(all::add);
      return all;
    });
    Future<List<ServicePrincipal>> sps = submit(() -> {
      List<ServicePrincipal> all = new ArrayList<>();
      target.servicePrincipals().list(request -> request.pageSize(options.pageSize())
          .attributes(workspace ? new String[] {"id", "applicationId", "displayName", "externalId", "active",
              "entitlements"} : new String[] {"id", "applicationId", "displayName", "externalId", "active"}))
          .forEach(all::add);
      return all;
    });
    Future<List<Group>> groups = submit(() -> {
      List<String> attributes = new ArrayList<>(List.of("id", "displayName", "externalId", "meta"));
      if (workspace) {
        attributes.add("entitlements");
      }
      if (askMembersInList) {
        attributes.add("members");
      }
      List<Group> all = new ArrayList<>();
      target.groups().list(request -> request.pageSize(options.pageSize()).attributes(attributes)).forEach(all::add);
      return all;
    });
    Map<Long, Future<List<PermissionAssignment>>> assignments = new LinkedHashMap<>();
    Optional<WorkspaceAssignmentsApi> assignmentsApi = target.workspaceAssignments();
    if (assignmentsApi.isPresent()) {
      for (Long workspaceId : managedWorkspaces(directory)) {
        assignments.put(workspaceId, submit(() -> assignmentsApi.get().list(workspaceId)));
      }
    }
    List<Group> listed = get(groups);
    boolean membersInList = reads == MembershipReads.GROUP_LIST
        || (reads == MembershipReads.AUTO && (workspace || anyHasMembers(listed)));
    Set<String> unread = new HashSet<>();
    List<Group> withMembers = membersInList ? listed : readMembers(directory, listed, unread);
    CurrentState.Builder state = CurrentState.builder().users(get(users)).servicePrincipals(get(sps))
        .groups(withMembers).groupsWithUnreadMembers(unread);
    for (Map.Entry<Long, Future<List<PermissionAssignment>>> entry : assignments.entrySet()) {
      state.workspaceAssignments(entry.getKey(), get(entry.getValue()));
    }
    return state.build();
  }

  /**
   * Returns whether a listed group carries members: then the list has them (an account that kept the pre-2025-08-22
   * behaviour). When none does, they may have been left out, so the groups are read one by one.
   */
  private static boolean anyHasMembers(List<Group> listed) {
    for (Group group : listed) {
      if (!group.members().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private Set<Long> managedWorkspaces(Directory directory) {
    Set<Long> ids = new LinkedHashSet<>();
    for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
      ids.add(assignment.workspaceId());
    }
    ids.addAll(options.managedWorkspaces());
    return ids;
  }

  /**
   * Reads by id the groups the directory names (by display name or external id); the others keep no members, and
   * their ids go to {@code unread}.
   */
  private List<Group> readMembers(Directory directory, List<Group> listed, Set<String> unread) {
    Set<String> names = new HashSet<>();
    Set<String> externalIds = new HashSet<>();
    for (DirectoryGroup group : directory.groups()) {
      names.add(Planner.lower(group.displayName()));
      group.externalId().ifPresent(externalIds::add);
    }
    List<Group> result = new ArrayList<>(listed.size());
    List<Future<Group>> reads = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (Group group : listed) {
      boolean named = names.contains(Planner.lower(group.displayName()))
          || group.externalId().map(externalIds::contains).orElse(false);
      boolean builtIn = Planner.BUILT_IN_GROUPS.contains(Planner.lower(group.displayName()));
      boolean foreign = target.kind() == SyncTarget.Kind.WORKSPACE
          && !group.meta().flatMap(Meta::resourceType).map(Group.WORKSPACE_GROUP_RESOURCE_TYPE::equals).orElse(true);
      if (named && !builtIn && !foreign) {
        String id = group.id().get();
        positions.add(result.size());
        reads.add(submit(() -> target.groups().get(id)));
      } else {
        unread.add(group.id().get());
      }
      result.add(group);
    }
    for (int i = 0; i < reads.size(); i++) {
      int position = positions.get(i);
      Group full = get(reads.get(i));
      result.set(position, Group.builder().from(result.get(position)).members(full.members()).build());
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * Returns the state with the members of the groups a plan deletes read (one GET each) where the state did not read
   * them: what their members lose is then counted. The state itself when there are none.
   */
  CurrentState withMembersOfDeletedGroups(CurrentState state, List<PlannedOperation> operations) {
    Set<String> unread = state.groupsWithUnreadMembers();
    if (unread.isEmpty()) {
      return state;
    }
    Map<String, Future<Group>> reads = new LinkedHashMap<>();
    for (PlannedOperation operation : operations) {
      Optional<String> id = operation.principal().id();
      if (operation.action() == PlannedOperation.Action.DELETE && operation.principal().kind() == PrincipalKind.GROUP
          && id.isPresent() && unread.contains(id.get()) && !reads.containsKey(id.get())) {
        reads.put(id.get(), submit(() -> target.groups().get(id.get())));
      }
    }
    if (reads.isEmpty()) {
      return state;
    }
    List<Group> groups = new ArrayList<>(state.groups().size());
    for (Group group : state.groups()) {
      Future<Group> read = reads.get(group.id().get());
      groups.add(read == null ? group : Group.builder().from(group).members(get(read).members()).build());
    }
    Set<String> stillUnread = new TreeSet<>(unread);
    stillUnread.removeAll(reads.keySet());
    CurrentState.Builder complete = CurrentState.builder().users(state.users())
        .servicePrincipals(state.servicePrincipals()).groups(groups).groupsWithUnreadMembers(stillUnread);
    state.workspaceAssignments().forEach(complete::workspaceAssignments);
    return complete.build();
  }

  private <T> Future<T> submit(Callable<T> task) {
    return executor.submit(task);
  }

  private static <T> T get(Future<T> future) {
    return await(future, "reading the current state");
  }

  /**
   * Returns a read's result on the calling thread: its runtime exception or error is rethrown as it was, and an
   * interrupt sets the flag again and throws {@link SyncInterruptedException} ("interrupted while {@code doing}").
   */
  static <T> T await(Future<T> future, String doing) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncInterruptedException("interrupted while " + doing);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }
}
