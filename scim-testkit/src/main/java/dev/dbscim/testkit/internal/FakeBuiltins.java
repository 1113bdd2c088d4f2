package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.testkit.internal.FakeStore.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system groups Databricks creates and maintains itself, kept consistent with the store as principals come and
 * go. The account has {@code account users} (an account group holding every account user and service principal); each
 * workspace has the workspace-local groups {@code users} (every workspace member) and {@code admins} (the workspace
 * administrators). Source: the Databricks "Groups" page ("Each account includes an account users group containing all
 * users and service principals. Each workspace has two system groups: users (all workspace members) and admins
 * (workspace administrators). System groups cannot be deleted."); UCX skips all three as system groups.
 *
 * <p>Membership rules (the member lists are inferred from that page):
 * <ul>
 *   <li>{@code account users}: every account user and service principal, direct members, from creation to deletion.</li>
 *   <li>{@code users} of a workspace: every user and service principal created in it (workspace-local ones, or
 *       account ones created or assigned through the workspace API), and every account principal directly assigned to
 *       it, groups included (so members of an assigned group are indirect members). Removing the assignment removes
 *       the membership.</li>
 *   <li>{@code admins} of a workspace: the workspace admin behind the admin token and every principal assigned with
 *       {@code ADMIN}; an assignment downgraded to {@code USER} or removed leaves it.</li>
 * </ul>
 * Deleting a system group answers 400. Clients may still add and remove members of them by PATCH.
 */
public final class FakeBuiltins implements FakeStoreListener {
  /** The account system group. */
  public static final String ACCOUNT_USERS = "account users";
  /** The workspace system group of every member. */
  public static final String USERS = "users";
  /** The workspace system group of administrators. */
  public static final String ADMINS = "admins";

  private final FakeStore store;
  private final String accountUsers;
  private final Map<Long, String> users = new HashMap<>();
  private final Map<Long, String> admins = new HashMap<>();
  private final Set<String> system = new HashSet<>();

  private FakeBuiltins(FakeStore store) {
    this.store = store;
    this.accountUsers = createGroup(FakeStore.ACCOUNT, ACCOUNT_USERS);
    for (long workspaceId : store.workspaceIds()) {
      users.put(workspaceId, createGroup(workspaceId, USERS));
      admins.put(workspaceId, createGroup(workspaceId, ADMINS));
    }
  }

  /**
   * Returns a workspace system group: {@code users} and {@code admins} hold the {@code workspace-access} and
   * {@code databricks-sql-access} entitlements, as Databricks grants them by default ("Manage entitlements": "The
   * users group and admins group are granted workspace access and Databricks SQL access by default").
   */
  private String createGroup(long scope, String name) {
    ObjectNode group = JsonNodeFactory.instance.objectNode().put("displayName", name);
    if (scope != FakeStore.ACCOUNT) {
      ArrayNode entitlements = group.putArray("entitlements");
      entitlements.addObject().put("value", "workspace-access");
      entitlements.addObject().put("value", "databricks-sql-access");
    }
    String id = store.create(scope, Kind.GROUP, group).get("id").asText();
    system.add(id);
    return id;
  }

  /**
   * Creates the system groups of a store whose workspaces are added but which holds no principal yet, and starts
   * maintaining them.
   *
   * @param store the store
   * @return the built-in groups
   */
  public static FakeBuiltins install(FakeStore store) {
    FakeBuiltins builtins = new FakeBuiltins(store);
    store.listener(builtins);
    return builtins;
  }

  /**
   * Makes a workspace-local user a member of a workspace's {@code admins} group (the admin of a workspace without
   * identity federation; federated admins join through their {@code ADMIN} assignment).
   *
   * @param workspaceId the workspace
   * @param userId the user
   */
  public void grantAdmin(long workspaceId, String userId) {
    store.link(admins.get(workspaceId), userId);
  }

  /**
   * Returns whether {@code id} is a system group.
   *
   * @param id the id
   * @return whether it is one
   */
  public boolean isSystemGroup(String id) {
    return system.contains(id);
  }

  @Override
  public void created(long scope, Kind kind, String id, long home) {
    if (kind == Kind.GROUP) {
      return;
    }
    if (home == FakeStore.ACCOUNT) {
      store.link(accountUsers, id);
    }
    if (scope != FakeStore.ACCOUNT) {
      store.link(users.get(scope), id);
    }
  }

  @Override
  public void assigned(long workspaceId, String id, Kind kind, List<String> permissions) {
    String usersGroup = users.get(workspaceId);
    String adminsGroup = admins.get(workspaceId);
    if (permissions.isEmpty()) {
      store.unlink(usersGroup, id);
      store.unlink(adminsGroup, id);
      return;
    }
    store.link(usersGroup, id);
    if (permissions.contains("ADMIN")) {
      store.link(adminsGroup, id);
    } else {
      store.unlink(adminsGroup, id);
    }
  }

  @Override
  public void deleting(Kind kind, String id) {
    if (system.contains(id)) {
      throw FakeFailure.scim(400, "invalidValue", "System groups cannot be deleted.");
    }
  }
}
