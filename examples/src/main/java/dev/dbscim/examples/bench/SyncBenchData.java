package dev.dbscim.examples.bench;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.CurrentState;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the large, deterministic inputs of the sync benchmarks: a directory of {@code users} users and {@code groups}
 * groups with {@code memberships} direct memberships (every tenth group also nests the group before it), and the
 * current state an earlier sync of that directory left, with a small drift (one in a hundred users renamed, one in a
 * hundred groups missing a member), so that the planner compares everything and plans a little.
 */
public final class SyncBenchData {
  private final Directory directory;
  private final CurrentState state;

  private SyncBenchData(Directory directory, CurrentState state) {
    this.directory = directory;
    this.state = state;
  }

  /**
   * Returns the directory only (for a sync into an empty target).
   *
   * @param users the user count
   * @param groups the group count
   * @param memberships the direct user memberships in all
   * @return the directory
   */
  public static Directory directory(int users, int groups, int memberships) {
    return build(users, groups, memberships, false).directory;
  }

  /**
   * Returns a directory and a matching current state with a small drift.
   *
   * @param users the user count
   * @param groups the group count
   * @param memberships the direct user memberships in all
   * @return the data
   */
  public static SyncBenchData of(int users, int groups, int memberships) {
    return build(users, groups, memberships, true);
  }

  /**
   * Returns the directory.
   *
   * @return the directory
   */
  public Directory directory() {
    return directory;
  }

  /**
   * Returns the current state.
   *
   * @return the state
   */
  public CurrentState state() {
    return state;
  }

  private static SyncBenchData build(int users, int groups, int memberships, boolean withState) {
    Random random = new Random(42);
    Directory.Builder directory = Directory.builder();
    List<DirectoryUser> directoryUsers = new ArrayList<>(users);
    List<User> currentUsers = new ArrayList<>(users);
    Map<String, String> userIds = new HashMap<>();
    for (int i = 0; i < users; i++) {
      String userName = "user" + i + "@example.com";
      DirectoryUser user = DirectoryUser.builder(userName).displayName("User Number " + i).givenName("User")
          .familyName("Number " + i).externalId("idp-u-" + i).build();
      directoryUsers.add(user);
      String id = Long.toString(1_000_000L + i);
      userIds.put(userName, id);
      if (withState) {
        currentUsers.add(User.builder().id(id).userName(userName)
            .displayName(i % 100 == 7 ? "Old Name " + i : "User Number " + i)
            .name(Name.of("User", "Number " + i)).externalId("idp-u-" + i).active(true).build());
      }
    }
    directory.users(directoryUsers);
    int perGroup = Math.max(1, memberships / Math.max(groups, 1));
    List<DirectoryGroup> directoryGroups = new ArrayList<>(groups);
    List<Group> currentGroups = new ArrayList<>(groups);
    List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String name = "group-" + g;
      Set<String> members = new LinkedHashSet<>();
      while (members.size() < Math.min(perGroup, users)) {
        members.add("user" + random.nextInt(users) + "@example.com");
      }
      DirectoryGroup.Builder group = DirectoryGroup.builder(name).externalId("idp-g-" + g).memberUsers(members);
      if (g % 10 == 9) {
        group.memberGroups("group-" + (g - 1));
      }
      directoryGroups.add(group.build());
      if (g < 100) {
        assignments.add(DirectoryWorkspaceAssignment.ofGroup(1001L, name, WorkspacePermission.USER));
      }
      if (withState) {
        List<ComplexValue> current = new ArrayList<>(members.size() + 1);
        int skip = g % 100 == 3 ? 0 : -1;
        int index = 0;
        for (String member : members) {
          if (index++ != skip) {
            current.add(ComplexValue.builder().value(userIds.get(member)).display(member).build());
          }
        }
        if (g % 10 == 9) {
          current.add(ComplexValue.of(Long.toString(5_000_000L + g - 1)));
        }
        currentGroups.add(Group.builder().id(Long.toString(5_000_000L + g)).displayName(name)
            .externalId("idp-g-" + g).members(current).meta(Meta.ofResourceType("Group")).build());
      }
    }
    directory.groups(directoryGroups);
    directory.workspaceAssignments(assignments);
    CurrentState.Builder state = CurrentState.builder().users(currentUsers).groups(currentGroups);
    return new SyncBenchData(directory.build(), state.build());
  }
}
