package dev.dbscim.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.core.filter.ScimPath;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.PatchApplier;
import dev.dbscim.core.patch.PatchException;
import dev.dbscim.core.patch.PatchOperation;
import dev.dbscim.core.patch.PatchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes who gains and loses access to which workspace through a plan, from the state the plan read and the plan's
 * steps alone (no request). Pure and single-threaded; one instance per computation.
 *
 * <p>The rules:
 * <ul>
 *   <li>Account target: one entry per workspace whose assignments were read. A user's or service principal's level is
 *       the best of its direct assignment and the assignments of every group that contains it, nested at any depth
 *       (ADMIN over USER). The built-in account group {@code account users} counts every user and service principal
 *       as a member, as Databricks keeps it, whatever members the state lists.</li>
 *   <li>Workspace target: one entry without workspace id. ADMIN when the principal is, at any depth, in the built-in
 *       group {@code admins}; else USER when it holds {@code workspace-access} or {@code databricks-sql-access}
 *       itself or through any group, at any depth; else NONE. The built-in group {@code users} counts every user
 *       <em>and every service principal</em> as a member, whatever members the state lists: Databricks puts every
 *       workspace member in it (its "Groups" page: "users (all workspace members)"), and the testkit's fake adds
 *       service principals to it as it adds users.</li>
 *   <li>A principal with {@code active=false} has no access; groups are never reported (they do not log in).</li>
 *   <li>The planned state applies every step: creations with their members, entitlements and activity, member adds
 *       and removes, deactivations, updates that set {@code active} or change entitlements, deletions (a deleted
 *       group's memberships and assignments vanish) and assignments.</li>
 *   <li>Groups whose members were not read ({@link CurrentState#groupsWithUnreadMembers()}) give access to nobody
 *       here; those that hold access to a workspace are named in its {@link WorkspaceAccessChanges#unreadGroups()}.</li>
 * </ul>
 *
 * <p>Levels are propagated once per workspace and state, from the granting groups down through their members, best
 * level first; paths are collected only for the principals whose level changes, by a breadth-first walk up from the
 * principal (so each granting group is named with its shortest chain).
 */
final class AccessDiff {
  private static final byte NONE = 0;
  private static final byte USER = 1;
  private static final byte ADMIN = 2;
  private static final AccessLevel[] LEVELS = {AccessLevel.NONE, AccessLevel.USER, AccessLevel.ADMIN};
  private static final int WORKSPACE_ACCESS = 1;
  private static final int SQL_ACCESS = 2;
  private static final String WORKSPACE_ACCESS_NAME = "workspace-access";
  private static final String SQL_ACCESS_NAME = "databricks-sql-access";
  /** The key of the single entry of a workspace target, which has no workspace id. */
  private static final long NO_WORKSPACE = Long.MIN_VALUE;

  /** What {@link #compute} returns, in the shapes of {@link PlanImpact}. */
  static final class Result {
    /** The access changes, one entry per workspace. */
    final List<WorkspaceAccessChanges> access;
    /** The users and service principals with some access before and none after, by name. */
    final List<PrincipalRef> losingAllAccess;

    Result(List<WorkspaceAccessChanges> access, List<PrincipalRef> losingAllAccess) {
      this.access = Collections.unmodifiableList(access);
      this.losingAllAccess = Collections.unmodifiableList(losingAllAccess);
    }
  }

  private final boolean account;
  private final CurrentState state;
  private final PatchApplier patches = PatchApplier.create();

  // Principals, by node number: state principals first, then those the plan creates.
  private final List<PrincipalKind> kinds = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private final Map<String, Integer> byKey = new HashMap<>();
  private final Map<String, Integer> byId = new HashMap<>();
  /** The built-in group every user and service principal belongs to, or -1. */
  private int everyone = -1;
  /** The built-in {@code admins} group of a workspace target, or -1. */
  private int admins = -1;

  private AccessDiff(SyncTarget.Kind targetKind, CurrentState state) {
    this.account = targetKind == SyncTarget.Kind.ACCOUNT;
    this.state = state;
  }

  /** Returns the access changes per workspace and the principals losing all access, in the shapes of PlanImpact. */
  static Result compute(SyncTarget.Kind targetKind, CurrentState state, List<PlannedOperation> operations) {
    return new AccessDiff(targetKind, state).run(operations);
  }

  private Result run(List<PlannedOperation> operations) {
    index(operations);
    Model before = current();
    Model after = before.copy();
    Map<Integer, String> removals = after.apply(operations);
    before.finish();
    after.finish();

    List<Long> workspaces = new ArrayList<>();
    if (account) {
      workspaces.addAll(new TreeSet<>(state.workspaceAssignments().keySet()));
    } else {
      workspaces.add(NO_WORKSPACE);
    }
    int size = kinds.size();
    boolean[] anyBefore = new boolean[size];
    boolean[] anyAfter = new boolean[size];
    Map<Long, List<Change>> changes = new TreeMap<>();
    Map<Long, List<String>> unread = new TreeMap<>();
    for (Long workspace : workspaces) {
      byte[] grantsBefore = before.grants(workspace);
      byte[] grantsAfter = after.grants(workspace);
      byte[] levelsBefore = before.propagate(grantsBefore);
      byte[] levelsAfter = after.propagate(grantsAfter);
      List<Change> here = new ArrayList<>();
      for (int node = 0; node < size; node++) {
        if (kinds.get(node) == PrincipalKind.GROUP) {
          continue;
        }
        byte from = before.effective(node, levelsBefore);
        byte to = after.effective(node, levelsAfter);
        anyBefore[node] |= from != NONE;
        anyAfter[node] |= to != NONE;
        if (from != to) {
          here.add(new Change(node, from, to, before.paths(node, from, grantsBefore),
              after.paths(node, to, grantsAfter)));
        }
      }
      changes.put(workspace, here);
      unread.put(workspace, unreadGroups(levelsBefore, levelsAfter));
    }

    Set<Integer> losingAll = new LinkedHashSet<>();
    for (int node = 0; node < size; node++) {
      if (anyBefore[node] && !anyAfter[node]) {
        losingAll.add(node);
      }
    }
    Comparator<Integer> byName = Comparator.comparing((Integer node) -> Planner.lower(names.get(node)))
        .thenComparing(names::get).thenComparing(kinds::get);
    List<WorkspaceAccessChanges> access = new ArrayList<>(workspaces.size());
    for (Long workspace : workspaces) {
      List<Change> here = changes.get(workspace);
      here.sort(Comparator.comparing((Change change) -> !losingAll.contains(change.node))
          .thenComparingInt(Change::rank).thenComparing(change -> change.node, byName));
      ImmutableWorkspaceAccessChanges.Builder entry = WorkspaceAccessChanges.builder()
          .workspaceId(workspace == NO_WORKSPACE ? OptionalLong.empty() : OptionalLong.of(workspace))
          .unreadGroups(unread.get(workspace));
      for (Change change : here) {
        entry.addChanges(AccessChange.builder().principal(ref(change.node)).before(LEVELS[change.from])
            .after(LEVELS[change.to]).pathsBefore(change.pathsBefore).pathsAfter(change.pathsAfter)
            .removal(removals.getOrDefault(change.node, "")).build());
      }
      access.add(entry.build());
    }
    List<Integer> losing = new ArrayList<>(losingAll);
    losing.sort(byName);
    List<PrincipalRef> losingRefs = new ArrayList<>(losing.size());
    for (int node : losing) {
      losingRefs.add(ref(node));
    }
    return new Result(access, losingRefs);
  }

  /** One principal's change on one workspace. */
  private static final class Change {
    final int node;
    final byte from;
    final byte to;
    final List<String> pathsBefore;
    final List<String> pathsAfter;

    Change(int node, byte from, byte to, List<String> pathsBefore, List<String> pathsAfter) {
      this.node = node;
      this.from = from;
      this.to = to;
      this.pathsBefore = pathsBefore;
      this.pathsAfter = pathsAfter;
    }

    /** Returns the order of the direction: lose, demote, promote, gain. */
    int rank() {
      if (to == NONE) {
        return 0;
      }
      if (from == NONE) {
        return 3;
      }
      return to < from ? 1 : 2;
    }
  }

  private List<String> unreadGroups(byte[] levelsBefore, byte[] levelsAfter) {
    Set<String> unread = new TreeSet<>(Comparator.comparing(Planner::lower).thenComparing(Comparator.naturalOrder()));
    for (String id : state.groupsWithUnreadMembers()) {
      Integer node = byId.get(id);
      if (node != null && node != everyone && kinds.get(node) == PrincipalKind.GROUP
          && (levelsBefore[node] != NONE || levelsAfter[node] != NONE)) {
        unread.add(names.get(node));
      }
    }
    return new ArrayList<>(unread);
  }

  private PrincipalRef ref(int node) {
    return PrincipalRef.of(kinds.get(node), names.get(node), ids.get(node));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Indexing

  /** Numbers the state's principals, then those the steps name that the state does not have. */
  private void index(List<PlannedOperation> operations) {
    for (User user : state.users()) {
      add(PrincipalKind.USER, user.userName(), user.id().get());
    }
    for (ServicePrincipal sp : state.servicePrincipals()) {
      add(PrincipalKind.SERVICE_PRINCIPAL, sp.applicationId().get(), sp.id().get());
    }
    String everyoneName = account ? "account users" : "users";
    for (Group group : state.groups()) {
      int node = add(PrincipalKind.GROUP, group.displayName(), group.id().get());
      String name = Planner.lower(group.displayName());
      if (everyone < 0 && name.equals(everyoneName)) {
        everyone = node;
      } else if (!account && admins < 0 && name.equals("admins")) {
        admins = node;
      }
    }
    for (PlannedOperation operation : operations) {
      resolve(operation.principal());
      for (PrincipalRef member : operation.addMembers()) {
        resolve(member);
      }
      for (PrincipalRef member : operation.removeMembers()) {
        resolve(member);
      }
    }
  }

  private int add(PrincipalKind kind, String name, String id) {
    int node = kinds.size();
    kinds.add(kind);
    names.add(name);
    ids.add(id);
    byKey.putIfAbsent(PrincipalRef.key(kind, name), node);
    if (id != null) {
      byId.put(id, node);
    }
    return node;
  }

  /** Returns the node of a step's principal: by id when the state has it, else by key, else a new one. */
  private int resolve(PrincipalRef ref) {
    if (ref.id().isPresent()) {
      Integer node = byId.get(ref.id().get());
      if (node != null) {
        return node;
      }
    }
    Integer node = byKey.get(ref.key());
    return node != null ? node : add(ref.kind(), ref.name(), ref.id().orElse(null));
  }

  /** Returns the model of the current state. */
  private Model current() {
    Model model = new Model(kinds.size());
    int node = 0;
    for (User user : state.users()) {
      model.exists[node] = true;
      model.inactive[node] = !user.active().orElse(Boolean.TRUE);
      model.entitlements[node] = entitlementBits(user.entitlements());
      node++;
    }
    for (ServicePrincipal sp : state.servicePrincipals()) {
      model.exists[node] = true;
      model.inactive[node] = !sp.active().orElse(Boolean.TRUE);
      model.entitlements[node] = entitlementBits(sp.entitlements());
      node++;
    }
    for (Group group : state.groups()) {
      model.exists[node] = true;
      model.entitlements[node] = entitlementBits(group.entitlements());
      int[] members = new int[group.members().size()];
      int count = 0;
      for (ComplexValue member : group.members()) {
        Integer memberNode = member.value().map(byId::get).orElse(null);
        if (memberNode != null) {
          members[count++] = memberNode;
        }
      }
      model.members[node] = count == members.length ? members : Arrays.copyOf(members, count);
      node++;
    }
    if (account) {
      for (Map.Entry<Long, List<PermissionAssignment>> workspace : state.workspaceAssignments().entrySet()) {
        byte[] direct = new byte[kinds.size()];
        for (PermissionAssignment assignment : workspace.getValue()) {
          OptionalLong principalId = assignment.principal().map(AssignedPrincipal::principalId)
              .orElse(OptionalLong.empty());
          Integer assigned = principalId.isPresent() ? byId.get(Long.toString(principalId.getAsLong())) : null;
          if (assigned != null) {
            direct[assigned] = (byte) Math.max(direct[assigned], level(assignment));
          }
        }
        model.direct.put(workspace.getKey(), direct);
      }
    }
    return model;
  }

  private static byte level(PermissionAssignment assignment) {
    if (assignment.hasPermission(WorkspacePermission.ADMIN)) {
      return ADMIN;
    }
    return assignment.hasPermission(WorkspacePermission.USER) ? USER : NONE;
  }

  private static byte permissionLevel(WorkspacePermission permission) {
    if (permission == WorkspacePermission.ADMIN) {
      return ADMIN;
    }
    return permission == WorkspacePermission.USER ? USER : NONE;
  }

  private static int entitlementBits(List<ComplexValue> entitlements) {
    int bits = 0;
    for (ComplexValue entitlement : entitlements) {
      bits |= entitlementBit(entitlement.value().orElse(""));
    }
    return bits;
  }

  private static int entitlementBits(JsonNode entitlements) {
    int bits = 0;
    if (entitlements != null && entitlements.isArray()) {
      for (JsonNode entitlement : entitlements) {
        JsonNode value = entitlement.isObject() ? entitlement.get("value") : entitlement;
        bits |= value != null && value.isTextual() ? entitlementBit(value.textValue()) : 0;
      }
    }
    return bits;
  }

  private static int entitlementBit(String value) {
    if (value.equals(WORKSPACE_ACCESS_NAME)) {
      return WORKSPACE_ACCESS;
    }
    return value.equals(SQL_ACCESS_NAME) ? SQL_ACCESS : 0;
  }

  /** Returns whether an operation may change {@code active} or entitlements: its path starts with one, or it has none. */
  private static boolean touchesAccess(PatchOperation operation) {
    if (!operation.path().isPresent()) {
      return true;
    }
    String attribute;
    try {
      attribute = ScimPath.parseLenient(operation.path().get()).attribute().name();
    } catch (IllegalArgumentException e) {
      return false;
    }
    return attribute.equalsIgnoreCase("active") || attribute.equalsIgnoreCase("entitlements");
  }

  private static String entitlementNames(int bits) {
    if (bits == (WORKSPACE_ACCESS | SQL_ACCESS)) {
      return WORKSPACE_ACCESS_NAME + ", " + SQL_ACCESS_NAME;
    }
    return bits == WORKSPACE_ACCESS ? WORKSPACE_ACCESS_NAME : SQL_ACCESS_NAME;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Models

  /** The principals of one state (current or planned), by node number. */
  private final class Model {
    final boolean[] exists;
    final boolean[] inactive;
    final int[] entitlements;
    /** The members of each group; null for users and service principals. */
    final int[][] members;
    /** Account target: the direct level of each node, per workspace. */
    final Map<Long, byte[]> direct = new HashMap<>();
    /** The groups that directly contain each node (existing ones only); built by {@link #finish()}. */
    int[][] parents;
    /** Scratch of the upward walks of {@link #paths}: visit stamps, the node each was reached from, depths, queue. */
    private int[] seen;
    private int[] child;
    private int[] depth;
    private int[] queue;
    private int walks;
    /** Member sets of the groups the plan changes, written back by {@link #finish()}. */
    private final Map<Integer, Set<Integer>> edited = new HashMap<>();

    Model(int size) {
      exists = new boolean[size];
      inactive = new boolean[size];
      entitlements = new int[size];
      members = new int[size][];
    }

    private Model(Model other) {
      exists = other.exists.clone();
      inactive = other.inactive.clone();
      entitlements = other.entitlements.clone();
      members = other.members.clone();
      for (Map.Entry<Long, byte[]> workspace : other.direct.entrySet()) {
        direct.put(workspace.getKey(), workspace.getValue().clone());
      }
    }

    Model copy() {
      return new Model(this);
    }

    /** Applies the steps; returns why principals go ({@code deactivated} or {@code deleted}), by node. */
    Map<Integer, String> apply(List<PlannedOperation> operations) {
      Map<Integer, String> removals = new HashMap<>();
      for (PlannedOperation operation : operations) {
        int node = resolve(operation.principal());
        switch (operation.action()) {
          case CREATE:
            exists[node] = true;
            Optional<ObjectNode> resource = operation.resourceNode();
            if (resource.isPresent()) {
              entitlements[node] = entitlementBits(resource.get().get("entitlements"));
              JsonNode active = resource.get().get("active");
              inactive[node] = active != null && active.isBoolean() && !active.booleanValue();
            }
            if (kinds.get(node) == PrincipalKind.GROUP) {
              members(node).clear();
              addMembers(node, operation.addMembers());
            }
            break;
          case UPDATE:
            if (operation.patch().isPresent()) {
              boolean wasActive = !inactive[node];
              patch(node, operation.patch().get());
              if (wasActive && inactive[node]) {
                removals.put(node, "deactivated");
              }
            }
            if (!operation.addMembers().isEmpty() || !operation.removeMembers().isEmpty()) {
              addMembers(node, operation.addMembers());
              for (PrincipalRef member : operation.removeMembers()) {
                members(node).remove(resolve(member));
              }
            }
            break;
          case DEACTIVATE:
            inactive[node] = true;
            removals.put(node, "deactivated");
            break;
          case DELETE:
            exists[node] = false;
            removals.put(node, "deleted");
            break;
          case ASSIGN:
          case UNASSIGN:
            byte[] levels = operation.workspaceId().isPresent()
                ? direct.get(operation.workspaceId().getAsLong()) : null;
            if (levels != null) {
              levels[node] = operation.action() == PlannedOperation.Action.UNASSIGN ? NONE
                  : operation.permission().map(AccessDiff::permissionLevel).orElse(NONE);
            }
            break;
          default:
            throw new IllegalStateException("unknown action " + operation.action());
        }
      }
      return removals;
    }

    private void addMembers(int group, List<PrincipalRef> added) {
      Set<Integer> set = members(group);
      for (PrincipalRef member : added) {
        set.add(resolve(member));
      }
    }

    private Set<Integer> members(int group) {
      return edited.computeIfAbsent(group, g -> {
        Set<Integer> set = new LinkedHashSet<>();
        if (members[g] != null) {
          for (int member : members[g]) {
            set.add(member);
          }
        }
        return set;
      });
    }

    /** Applies a patch's changes of {@code active} and entitlements; its other operations do not matter here. */
    private void patch(int node, PatchRequest patch) {
      List<PatchOperation> relevant = new ArrayList<>();
      for (PatchOperation operation : patch.operations()) {
        if (touchesAccess(operation)) {
          relevant.add(operation);
        }
      }
      if (relevant.isEmpty()) {
        return;
      }
      ObjectNode resource = JsonNodeFactory.instance.objectNode();
      resource.put("active", !inactive[node]);
      ArrayNode array = resource.putArray("entitlements");
      if ((entitlements[node] & WORKSPACE_ACCESS) != 0) {
        array.addObject().put("value", WORKSPACE_ACCESS_NAME);
      }
      if ((entitlements[node] & SQL_ACCESS) != 0) {
        array.addObject().put("value", SQL_ACCESS_NAME);
      }
      ObjectNode patched;
      try {
        patched = patches.apply(resource, PatchRequest.builder().operations(relevant).build());
      } catch (PatchException e) {
        return;   // the planner's own operations always apply; a foreign one changes nothing known here
      }
      JsonNode active = patched.get("active");
      inactive[node] = active != null && active.isBoolean() && !active.booleanValue();
      entitlements[node] = entitlementBits(patched.get("entitlements"));
    }

    /**
     * Writes back the edited member sets, makes every user and service principal a member of the built-in group of
     * everyone, and indexes the parents.
     */
    void finish() {
      for (Map.Entry<Integer, Set<Integer>> group : edited.entrySet()) {
        members[group.getKey()] = group.getValue().stream().mapToInt(Integer::intValue).toArray();
      }
      edited.clear();
      int size = exists.length;
      if (everyone >= 0) {
        Set<Integer> all = new LinkedHashSet<>();
        for (int member : members[everyone]) {
          all.add(member);
        }
        for (int node = 0; node < size; node++) {
          if (kinds.get(node) != PrincipalKind.GROUP) {
            all.add(node);
          }
        }
        members[everyone] = all.stream().mapToInt(Integer::intValue).toArray();
      }
      int[] counts = new int[size];
      for (int group = 0; group < size; group++) {
        if (members[group] != null && exists[group]) {
          for (int member : members[group]) {
            counts[member]++;
          }
        }
      }
      parents = new int[size][];
      for (int node = 0; node < size; node++) {
        parents[node] = new int[counts[node]];
      }
      for (int group = 0; group < size; group++) {
        if (members[group] != null && exists[group]) {
          for (int member : members[group]) {
            parents[member][--counts[member]] = group;
          }
        }
      }
    }

    /** Returns the level each existing node holds by itself on a workspace (assignment, entitlement, admins). */
    byte[] grants(long workspace) {
      int size = exists.length;
      byte[] grants = new byte[size];
      if (account) {
        byte[] levels = direct.get(workspace);
        for (int node = 0; node < size; node++) {
          grants[node] = exists[node] ? levels[node] : NONE;
        }
        return grants;
      }
      for (int node = 0; node < size; node++) {
        if (exists[node]) {
          grants[node] = node == admins ? ADMIN : entitlements[node] != 0 ? USER : NONE;
        }
      }
      return grants;
    }

    /** Returns every node's best level: granted ones pass theirs down to their members, at any depth, best first. */
    byte[] propagate(byte[] grants) {
      byte[] levels = new byte[grants.length];
      int[] pending = new int[grants.length];
      for (byte level = ADMIN; level >= USER; level--) {
        int head = 0;
        int tail = 0;
        for (int node = 0; node < grants.length; node++) {
          if (grants[node] == level && levels[node] == NONE) {
            levels[node] = level;
            pending[tail++] = node;
          }
        }
        while (head < tail) {
          int[] groupMembers = members[pending[head++]];
          if (groupMembers == null) {
            continue;
          }
          for (int member : groupMembers) {
            if (exists[member] && levels[member] == NONE) {
              levels[member] = level;
              pending[tail++] = member;
            }
          }
        }
      }
      return levels;
    }

    /** Returns a user's or service principal's level: none when it does not exist or is inactive. */
    byte effective(int node, byte[] levels) {
      return exists[node] && !inactive[node] ? levels[node] : NONE;
    }

    /**
     * Returns the paths that give a principal its access, best level first, then shortest; each granting group once,
     * with its shortest chain down to the principal.
     */
    List<String> paths(int node, byte level, byte[] grants) {
      if (level == NONE) {
        return Collections.emptyList();
      }
      List<Path> found = new ArrayList<>();
      if (grants[node] != NONE) {
        found.add(new Path(grants[node], 0, account ? "direct"
            : (Integer.bitCount(entitlements[node]) > 1 ? "direct entitlements " : "direct entitlement ")
                + entitlementNames(entitlements[node])));
      }
      if (seen == null) {
        seen = new int[exists.length];
        child = new int[exists.length];
        depth = new int[exists.length];
        queue = new int[exists.length];
      }
      int stamp = ++walks;
      seen[node] = stamp;
      depth[node] = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = node;
      while (head < tail) {
        int current = queue[head++];
        for (int parent : parents[current]) {
          if (seen[parent] == stamp) {
            continue;
          }
          seen[parent] = stamp;
          child[parent] = current;
          depth[parent] = depth[current] + 1;
          queue[tail++] = parent;
          if (grants[parent] != NONE) {
            StringBuilder path = new StringBuilder(groupLabel(parent));
            for (int via = current; via != node; via = child[via]) {
              path.append(" via group ").append(names.get(via));
            }
            found.add(new Path(grants[parent], depth[parent], path.toString()));
          }
        }
      }
      found.sort(Comparator.comparingInt((Path path) -> -path.level).thenComparingInt(path -> path.depth)
          .thenComparing(path -> path.text));
      List<String> paths = new ArrayList<>(found.size());
      for (Path path : found) {
        paths.add(path.text);
      }
      return paths;
    }

    private String groupLabel(int group) {
      String label = "group " + names.get(group);
      if (account || group == admins) {
        return label;
      }
      return label + " (" + entitlementNames(entitlements[group]) + ")";
    }
  }

  /** A path that gives access, with its level and chain length. */
  private static final class Path {
    final byte level;
    final int depth;
    final String text;

    Path(byte level, int depth, String text) {
      this.level = level;
      this.depth = depth;
      this.text = text;
    }
  }
}
