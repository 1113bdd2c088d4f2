package dev.dbscim.client.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.PatchRequest;
import dev.dbscim.core.patch.ServicePrincipalPatch;
import dev.dbscim.core.patch.UserPatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a {@link SyncPlan} from a validated directory and the current state, without any request. Pure and
 * single-threaded; one instance per plan.
 */
final class Planner {
  /** The built-in groups, never managed: workspace {@code users} and {@code admins}, account {@code account users}. */
  static final Set<String> BUILT_IN_GROUPS =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList("users", "admins", "account users")));

  private static final int MAX_EXTERNAL_ID_LENGTH = 64;

  private final SyncTarget.Kind targetKind;
  private final String target;
  private final SyncOptions options;
  private final Instant now;
  private final SyncEngine origin;

  private final List<PlannedOperation.Builder> steps = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  // Current state, indexed.
  private final Map<String, User> usersByName = new HashMap<>();
  private final Map<String, User> usersByExternalId = new HashMap<>();
  private final Map<String, ServicePrincipal> spsByApplicationId = new HashMap<>();
  private final Map<String, Group> groupsByName = new HashMap<>();
  private final Map<String, Group> groupsByExternalId = new HashMap<>();
  private final Map<String, Existing> existingById = new HashMap<>();

  // Directory principals resolved to references (key -> ref).
  private final Map<String, PrincipalRef> refs = new HashMap<>();
  private final Set<String> removedIds = new HashSet<>();
  private Set<String> managedEntitlements = Collections.emptySet();

  Planner(SyncTarget.Kind targetKind, String target, SyncOptions options, Instant now, SyncEngine origin) {
    this.targetKind = Objects.requireNonNull(targetKind, "targetKind");
    this.target = Objects.requireNonNull(target, "target");
    this.options = Objects.requireNonNull(options, "options");
    this.now = Objects.requireNonNull(now, "now");
    this.origin = origin;
  }

  /** An existing principal as seen by the planner. */
  private static final class Existing {
    final PrincipalKind kind;
    final String id;
    final String name;
    final boolean hasExternalId;
    final boolean manageable;
    boolean matched;

    Existing(PrincipalKind kind, String id, String name, boolean hasExternalId, boolean manageable) {
      this.kind = kind;
      this.id = id;
      this.name = name;
      this.hasExternalId = hasExternalId;
      this.manageable = manageable;
    }
  }

  SyncPlan plan(Directory directory, CurrentState state) {
    index(state);
    chooseEntitlements(directory);
    Map<DirectoryUser, User> users = matchUsers(directory);
    Map<DirectoryServicePrincipal, ServicePrincipal> sps = matchServicePrincipals(directory);
    Map<DirectoryGroup, Group> groups = matchGroups(directory);
    int managed = countManaged();

    planUsers(users);
    planServicePrincipals(sps);
    planRemovals(state);
    int membershipPhase = planGroupCreations(directory, groups) + 1;
    planGroupUpdates(groups, membershipPhase);
    planAssignments(directory, state, membershipPhase);
    return build(directory, managed, membershipPhase);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Indexing and matching

  private void index(CurrentState state) {
    for (User user : state.users()) {
      String id = user.id().get();
      usersByName.putIfAbsent(lower(user.userName()), user);
      user.externalId().ifPresent(ext -> usersByExternalId.putIfAbsent(ext, user));
      existingById.put(id, new Existing(PrincipalKind.USER, id, user.userName(), user.externalId().isPresent(), true));
    }
    for (ServicePrincipal sp : state.servicePrincipals()) {
      String id = sp.id().get();
      String applicationId = sp.applicationId().get();
      spsByApplicationId.putIfAbsent(lower(applicationId), sp);
      existingById.put(id,
          new Existing(PrincipalKind.SERVICE_PRINCIPAL, id, applicationId, sp.externalId().isPresent(), true));
    }
    for (Group group : state.groups()) {
      String id = group.id().get();
      boolean manageable = isManageableGroup(targetKind, group);
      if (manageable) {
        groupsByName.putIfAbsent(lower(group.displayName()), group);
        group.externalId().ifPresent(ext -> groupsByExternalId.putIfAbsent(ext, group));
      }
      existingById.put(id,
          new Existing(PrincipalKind.GROUP, id, group.displayName(), group.externalId().isPresent(), manageable));
    }
  }

  /** Returns whether a sync of this kind of target may manage the group: not built in, and local on a workspace. */
  static boolean isManageableGroup(SyncTarget.Kind targetKind, Group group) {
    if (BUILT_IN_GROUPS.contains(lower(group.displayName()))) {
      return false;
    }
    if (targetKind == SyncTarget.Kind.WORKSPACE) {
      // Account groups assigned to the workspace show up in its lists; only workspace-local groups are managed there.
      Optional<String> type = group.meta().flatMap(Meta::resourceType);
      return !type.isPresent() || type.get().equals(Group.WORKSPACE_GROUP_RESOURCE_TYPE);
    }
    return true;
  }

  private void chooseEntitlements(Directory directory) {
    Set<String> mentioned = new TreeSet<>();
    for (DirectoryUser user : directory.users()) {
      mentioned.addAll(user.entitlements());
    }
    for (DirectoryServicePrincipal sp : directory.servicePrincipals()) {
      mentioned.addAll(sp.entitlements());
    }
    for (DirectoryGroup group : directory.groups()) {
      mentioned.addAll(group.entitlements());
    }
    if (targetKind == SyncTarget.Kind.ACCOUNT) {
      if (!mentioned.isEmpty() || options.managedEntitlements().isPresent()) {
        warnings.add("Entitlements are managed per workspace, not at account level: the directory's entitlements "
            + mentioned + " are not applied by an account sync (sync each workspace's entitlements separately).");
      }
      return;
    }
    managedEntitlements = options.managedEntitlements().orElse(mentioned);
  }

  private Map<DirectoryUser, User> matchUsers(Directory directory) {
    Set<String> directoryNames = new HashSet<>();
    for (DirectoryUser user : directory.users()) {
      directoryNames.add(lower(user.userName()));
    }
    Map<DirectoryUser, User> matches = new LinkedHashMap<>();
    for (DirectoryUser wanted : directory.users()) {
      User user = usersByName.get(lower(wanted.userName()));
      if (user == null && wanted.externalId().isPresent()) {
        User candidate = usersByExternalId.get(wanted.externalId().get());
        if (candidate != null && !existingById.get(candidate.id().get()).matched
            && !directoryNames.contains(lower(candidate.userName()))) {
          user = candidate;
          warnings.add("User " + wanted.userName() + " matches " + candidate.userName() + " (id "
              + candidate.id().get() + ") by externalId; Databricks cannot change a userName, so it keeps "
              + candidate.userName() + ".");
        }
      }
      String id = null;
      if (user != null && !existingById.get(user.id().get()).matched) {
        Existing existing = existingById.get(user.id().get());
        existing.matched = true;
        id = existing.id;
      } else {
        user = null;
      }
      matches.put(wanted, user);
      refs.put(PrincipalRef.key(PrincipalKind.USER, wanted.userName()),
          PrincipalRef.of(PrincipalKind.USER, wanted.userName(), id));
    }
    return matches;
  }

  private Map<DirectoryServicePrincipal, ServicePrincipal> matchServicePrincipals(Directory directory) {
    Map<DirectoryServicePrincipal, ServicePrincipal> matches = new LinkedHashMap<>();
    for (DirectoryServicePrincipal wanted : directory.servicePrincipals()) {
      ServicePrincipal sp = spsByApplicationId.get(lower(wanted.applicationId()));
      String id = null;
      if (sp != null) {
        Existing existing = existingById.get(sp.id().get());
        existing.matched = true;
        id = existing.id;
      }
      matches.put(wanted, sp);
      refs.put(PrincipalRef.key(PrincipalKind.SERVICE_PRINCIPAL, wanted.applicationId()),
          PrincipalRef.of(PrincipalKind.SERVICE_PRINCIPAL, wanted.applicationId(), id));
    }
    return matches;
  }

  private Map<DirectoryGroup, Group> matchGroups(Directory directory) {
    Map<DirectoryGroup, Group> matches = new LinkedHashMap<>();
    List<DirectoryGroup> byExternalIdLater = new ArrayList<>();
    for (DirectoryGroup wanted : directory.groups()) {
      if (BUILT_IN_GROUPS.contains(lower(wanted.displayName()))) {
        warnings.add("Group " + wanted.displayName() + " is a built-in group, which a sync never manages; skipped.");
        continue;
      }
      Group group = groupsByName.get(lower(wanted.displayName()));
      if (group != null && !existingById.get(group.id().get()).matched) {
        existingById.get(group.id().get()).matched = true;
        matches.put(wanted, group);
      } else {
        byExternalIdLater.add(wanted);
        matches.put(wanted, null);
      }
    }
    // Renamed groups: matched by externalId once every name match is taken.
    for (DirectoryGroup wanted : byExternalIdLater) {
      if (!wanted.externalId().isPresent()) {
        continue;
      }
      Group candidate = groupsByExternalId.get(wanted.externalId().get());
      if (candidate != null && !existingById.get(candidate.id().get()).matched) {
        existingById.get(candidate.id().get()).matched = true;
        matches.put(wanted, candidate);
      }
    }
    for (Map.Entry<DirectoryGroup, Group> match : matches.entrySet()) {
      String name = match.getKey().displayName();
      String id = match.getValue() == null ? null : match.getValue().id().get();
      refs.put(PrincipalRef.key(PrincipalKind.GROUP, name), PrincipalRef.of(PrincipalKind.GROUP, name, id));
    }
    return matches;
  }

  /** Returns whether an existing principal that the directory does not have belongs to this sync. */
  private boolean isOwnedUnmatched(Existing existing) {
    return existing.manageable && !existing.matched && isOwned(options, existing.name, existing.hasExternalId);
  }

  /** Returns whether the sync may remove a manageable principal: not protected, and owned under the options. */
  static boolean isOwned(SyncOptions options, String name, boolean hasExternalId) {
    return !options.isProtected(name) && (options.ownership() == Ownership.ALL || hasExternalId);
  }

  private int countManaged() {
    int count = 0;
    for (Existing existing : existingById.values()) {
      if (existing.matched || isOwnedUnmatched(existing)) {
        count++;
      }
    }
    return count;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Users and service principals

  private void planUsers(Map<DirectoryUser, User> matches) {
    for (Map.Entry<DirectoryUser, User> match : matches.entrySet()) {
      DirectoryUser wanted = match.getKey();
      User user = match.getValue();
      if (user == null) {
        planUserCreate(wanted);
        continue;
      }
      PrincipalRef ref = refs.get(PrincipalRef.key(PrincipalKind.USER, wanted.userName()));
      PlannedOperation.Builder step = PlannedOperation.builder(Action.UPDATE, ref, 0);
      UserPatch.Builder patch = UserPatch.builder();
      boolean changed = false;
      changed |= replace(step, "displayName", user.displayName(), wanted.displayName(), patch::displayName);
      Optional<Name> name = user.name();
      changed |= replace(step, "name.givenName", name.flatMap(Name::givenName), wanted.givenName(), patch::givenName);
      changed |= replace(step, "name.familyName", name.flatMap(Name::familyName), wanted.familyName(),
          patch::familyName);
      changed |= replace(step, "externalId", user.externalId(),
          desiredExternalId(wanted.externalId(), user.externalId(), wanted.userName()), patch::externalId);
      boolean active = user.active().orElse(Boolean.TRUE);
      if (active != wanted.active()) {
        patch.active(wanted.active());
        step.addChanges("active: " + active + " -> " + wanted.active());
        changed = true;
      }
      changed |= entitlements(step, patch::addEntitlement, patch::removeEntitlement, user.entitlements(), wanted.entitlements());
      if (changed) {
        steps.add(step.patch(patch.build()));
      }
    }
  }

  private void planUserCreate(DirectoryUser wanted) {
    User.Builder user = User.builder();
    user.userName(wanted.userName());
    wanted.displayName().ifPresent(user::displayName);
    if (wanted.givenName().isPresent() || wanted.familyName().isPresent()) {
      Name.Builder name = Name.builder();
      wanted.givenName().ifPresent(name::givenName);
      wanted.familyName().ifPresent(name::familyName);
      user.name(name.build());
    }
    desiredExternalId(wanted.externalId(), Optional.empty(), wanted.userName()).ifPresent(user::externalId);
    user.active(wanted.active());
    for (String entitlement : wanted.entitlements()) {
      if (managedEntitlements.contains(entitlement)) {
        user.addEntitlements(ComplexValue.of(entitlement));
      }
    }
    PlannedOperation.Builder step = PlannedOperation.builder(Action.CREATE,
        PrincipalRef.toCreate(PrincipalKind.USER, wanted.userName()), 0);
    steps.add(step.resourceNode((ObjectNode) ScimJson.toTree(user.build())));
  }

  private void planServicePrincipals(Map<DirectoryServicePrincipal, ServicePrincipal> matches) {
    for (Map.Entry<DirectoryServicePrincipal, ServicePrincipal> match : matches.entrySet()) {
      DirectoryServicePrincipal wanted = match.getKey();
      ServicePrincipal sp = match.getValue();
      if (sp == null) {
        ServicePrincipal.Builder created = ServicePrincipal.builder();
        created.applicationId(wanted.applicationId());
        wanted.displayName().ifPresent(created::displayName);
        desiredExternalId(wanted.externalId(), Optional.empty(), wanted.applicationId()).ifPresent(created::externalId);
        created.active(wanted.active());
        for (String entitlement : wanted.entitlements()) {
          if (managedEntitlements.contains(entitlement)) {
            created.addEntitlements(ComplexValue.of(entitlement));
          }
        }
        steps.add(PlannedOperation.builder(Action.CREATE,
                PrincipalRef.toCreate(PrincipalKind.SERVICE_PRINCIPAL, wanted.applicationId()), 0)
            .resourceNode((ObjectNode) ScimJson.toTree(created.build())));
        continue;
      }
      PrincipalRef ref = refs.get(PrincipalRef.key(PrincipalKind.SERVICE_PRINCIPAL, wanted.applicationId()));
      PlannedOperation.Builder step = PlannedOperation.builder(Action.UPDATE, ref, 0);
      ServicePrincipalPatch.Builder patch = ServicePrincipalPatch.builder();
      boolean changed = false;
      changed |= replace(step, "displayName", sp.displayName(), wanted.displayName(), patch::displayName);
      changed |= replace(step, "externalId", sp.externalId(),
          desiredExternalId(wanted.externalId(), sp.externalId(), wanted.applicationId()), patch::externalId);
      boolean active = sp.active().orElse(Boolean.TRUE);
      if (active != wanted.active()) {
        patch.active(wanted.active());
        step.addChanges("active: " + active + " -> " + wanted.active());
        changed = true;
      }
      changed |= entitlements(step, patch::addEntitlement, patch::removeEntitlement, sp.entitlements(), wanted.entitlements());
      if (changed) {
        steps.add(step.patch(patch.build()));
      }
    }
  }

  private void planRemovals(CurrentState state) {
    RemovalPolicy policy = options.removalPolicy();
    int keptGroups = 0;
    int keptPrincipals = 0;
    int deletedUsers = 0;
    int deletedGroups = 0;
    for (User user : state.users()) {
      Existing existing = existingById.get(user.id().get());
      if (!isOwnedUnmatched(existing)) {
        continue;
      }
      if (policy == RemovalPolicy.DELETE) {
        removedIds.add(existing.id);
        deletedUsers++;
        steps.add(PlannedOperation.builder(Action.DELETE, ref(existing), -1).addChanges("not in the directory"));
      } else if (policy == RemovalPolicy.DEACTIVATE) {
        if (user.active().orElse(Boolean.TRUE)) {
          steps.add(PlannedOperation.builder(Action.DEACTIVATE, ref(existing), -1)
              .patch(UserPatch.builder().active(false).build())
              .addChanges("not in the directory; active: true -> false"));
        }
      } else {
        keptPrincipals++;
      }
    }
    for (ServicePrincipal sp : state.servicePrincipals()) {
      Existing existing = existingById.get(sp.id().get());
      if (!isOwnedUnmatched(existing)) {
        continue;
      }
      if (policy == RemovalPolicy.DELETE) {
        removedIds.add(existing.id);
        steps.add(PlannedOperation.builder(Action.DELETE, ref(existing), -1).addChanges("not in the directory"));
      } else if (policy == RemovalPolicy.DEACTIVATE) {
        if (sp.active().orElse(Boolean.TRUE)) {
          steps.add(PlannedOperation.builder(Action.DEACTIVATE, ref(existing), -1)
              .patch(ServicePrincipalPatch.builder().active(false).build())
              .addChanges("not in the directory; active: true -> false"));
        }
      } else {
        keptPrincipals++;
      }
    }
    for (Group group : state.groups()) {
      Existing existing = existingById.get(group.id().get());
      if (!isOwnedUnmatched(existing)) {
        continue;
      }
      if (policy == RemovalPolicy.DELETE) {
        removedIds.add(existing.id);
        deletedGroups++;
        steps.add(PlannedOperation.builder(Action.DELETE, ref(existing), -1).addChanges("not in the directory"));
      } else {
        keptGroups++;
      }
    }
    if (deletedUsers > 0) {
      warnings.add(deletedUsers + " user(s) will be deleted: deleting a user removes them from every workspace, and "
          + "their tokens, jobs, clusters and shared dashboards stop working. Consider RemovalPolicy.DEACTIVATE.");
    }
    if (deletedGroups > 0) {
      warnings.add(deletedGroups + " group(s) will be deleted: their members lose the access they had through them "
          + "(workspace assignments, permissions, data grants).");
    }
    if (keptGroups > 0) {
      warnings.add(keptGroups + " managed group(s) are no longer in the directory and are kept (removal policy "
          + policy + "); RemovalPolicy.DELETE would delete them.");
    }
    if (keptPrincipals > 0) {
      warnings.add(keptPrincipals + " managed user(s) and service principal(s) are no longer in the directory and "
          + "are kept (removal policy KEEP).");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Groups

  /** Plans the creation of new groups level by level (members first); returns the last creation phase. */
  private int planGroupCreations(Directory directory, Map<DirectoryGroup, Group> matches) {
    Map<String, DirectoryGroup> newGroups = new LinkedHashMap<>();
    for (Map.Entry<DirectoryGroup, Group> match : matches.entrySet()) {
      if (match.getValue() == null) {
        newGroups.put(lower(match.getKey().displayName()), match.getKey());
      }
    }
    if (newGroups.isEmpty()) {
      return 0;
    }
    // Kahn's algorithm over "member group -> parent group" edges between new groups.
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> parents = new HashMap<>();
    for (Map.Entry<String, DirectoryGroup> entry : newGroups.entrySet()) {
      int count = 0;
      for (String member : entry.getValue().memberGroups()) {
        String memberKey = lower(member);
        if (newGroups.containsKey(memberKey)) {
          count++;
          parents.computeIfAbsent(memberKey, k -> new ArrayList<>()).add(entry.getKey());
        }
      }
      pending.put(entry.getKey(), count);
    }
    Map<String, Integer> level = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    for (Map.Entry<String, Integer> entry : pending.entrySet()) {
      if (entry.getValue() == 0) {
        ready.add(entry.getKey());
        level.put(entry.getKey(), 1);
      }
    }
    int maxLevel = 1;
    while (!ready.isEmpty()) {
      String key = ready.poll();
      int childLevel = level.get(key);
      for (String parent : parents.getOrDefault(key, Collections.emptyList())) {
        level.merge(parent, childLevel + 1, Math::max);
        if (pending.merge(parent, -1, Integer::sum) == 0) {
          ready.add(parent);
          maxLevel = Math.max(maxLevel, level.get(parent));
        }
      }
    }
    for (DirectoryGroup wanted : newGroups.values()) {
      Integer phase = level.get(lower(wanted.displayName()));
      if (phase == null) {
        throw new IllegalStateException("group cycle through " + wanted.displayName() + "; validate the directory");
      }
      Group.Builder group = Group.builder();
      group.displayName(wanted.displayName());
      desiredExternalId(wanted.externalId(), Optional.empty(), wanted.displayName()).ifPresent(group::externalId);
      for (String entitlement : wanted.entitlements()) {
        if (managedEntitlements.contains(entitlement)) {
          group.addEntitlements(ComplexValue.of(entitlement));
        }
      }
      List<PrincipalRef> members = desiredMembers(wanted);
      PlannedOperation.Builder step = PlannedOperation.builder(Action.CREATE,
          PrincipalRef.toCreate(PrincipalKind.GROUP, wanted.displayName()), phase)
          .resourceNode((ObjectNode) ScimJson.toTree(group.build()))
          .addMembers(members);
      if (!members.isEmpty()) {
        step.addChanges("+" + members.size() + " member(s)");
      }
      steps.add(step);
    }
    return maxLevel;
  }

  private List<PrincipalRef> desiredMembers(DirectoryGroup wanted) {
    List<PrincipalRef> members = new ArrayList<>(
        wanted.memberUsers().size() + wanted.memberServicePrincipals().size() + wanted.memberGroups().size());
    addRefs(members, PrincipalKind.USER, wanted.memberUsers());
    addRefs(members, PrincipalKind.SERVICE_PRINCIPAL, wanted.memberServicePrincipals());
    addRefs(members, PrincipalKind.GROUP, wanted.memberGroups());
    return members;
  }

  private void addRefs(List<PrincipalRef> target, PrincipalKind kind, List<String> names) {
    for (String name : names) {
      PrincipalRef ref = refs.get(PrincipalRef.key(kind, name));
      if (ref != null) {
        target.add(ref);
      }
    }
  }

  private void planGroupUpdates(Map<DirectoryGroup, Group> matches, int phase) {
    for (Map.Entry<DirectoryGroup, Group> match : matches.entrySet()) {
      Group group = match.getValue();
      if (group == null) {
        continue;
      }
      DirectoryGroup wanted = match.getKey();
      PrincipalRef ref = refs.get(PrincipalRef.key(PrincipalKind.GROUP, wanted.displayName()));
      PlannedOperation.Builder step = PlannedOperation.builder(Action.UPDATE, ref, phase);
      GroupPatch.Builder patch = GroupPatch.builder();
      boolean attributes = false;
      if (!group.displayName().equals(wanted.displayName())) {
        patch.displayName(wanted.displayName());
        step.addChanges("displayName: " + quote(group.displayName()) + " -> " + quote(wanted.displayName()));
        attributes = true;
      }
      attributes |= replace(step, "externalId", group.externalId(),
          desiredExternalId(wanted.externalId(), group.externalId(), wanted.displayName()), patch::externalId);
      attributes |= entitlements(step, patch::addEntitlement, patch::removeEntitlement, group.entitlements(), wanted.entitlements());

      Set<String> currentIds = new HashSet<>(group.members().size() * 2);
      for (ComplexValue member : group.members()) {
        member.value().ifPresent(currentIds::add);
      }
      List<PrincipalRef> desired = desiredMembers(wanted);
      Set<String> desiredIds = new HashSet<>(desired.size() * 2);
      List<PrincipalRef> adds = new ArrayList<>();
      for (PrincipalRef member : desired) {
        Optional<String> id = member.id();
        if (!id.isPresent() || !currentIds.contains(id.get())) {
          adds.add(member);
        }
        id.ifPresent(desiredIds::add);
      }
      List<PrincipalRef> removes = new ArrayList<>();
      for (String id : currentIds) {
        if (desiredIds.contains(id) || removedIds.contains(id)) {
          continue;
        }
        Existing existing = existingById.get(id);
        if (existing != null && isRemovableMember(existing)) {
          removes.add(ref(existing));
        }
      }
      removes.sort(Comparator.comparing(PrincipalRef::name));
      if (!adds.isEmpty()) {
        step.addChanges("+" + adds.size() + " member(s)");
      }
      if (!removes.isEmpty()) {
        step.addChanges("-" + removes.size() + " member(s)");
      }
      if (attributes || !adds.isEmpty() || !removes.isEmpty()) {
        if (attributes) {
          step.patch(patch.build());
        }
        steps.add(step.addMembers(adds).removeMembers(removes));
      }
    }
  }

  /** A member that a managed group may drop: a directory principal, or one a removal policy takes out of groups. */
  private boolean isRemovableMember(Existing existing) {
    if (options.isProtected(existing.name)) {
      return false;
    }
    if (existing.matched) {
      return true;
    }
    return options.removalPolicy() != RemovalPolicy.KEEP && isOwnedUnmatched(existing);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Workspace assignments

  private void planAssignments(Directory directory, CurrentState state, int phase) {
    if (targetKind != SyncTarget.Kind.ACCOUNT) {
      if (!directory.workspaceAssignments().isEmpty()) {
        warnings.add(directory.workspaceAssignments().size() + " workspace assignment(s) in the directory are not "
            + "applied: a workspace target has its principals directly (assignments belong to the account target).");
      }
      return;
    }
    Map<Long, Map<String, WorkspacePermission>> wanted = new LinkedHashMap<>();
    for (Long workspaceId : options.managedWorkspaces()) {
      wanted.put(workspaceId, new LinkedHashMap<>());
    }
    Map<String, PrincipalRef> refByKey = new HashMap<>();
    for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
      PrincipalRef ref = refs.get(PrincipalRef.key(assignment.principalKind(), assignment.principalName()));
      if (ref == null) {
        continue;
      }
      refByKey.put(ref.key(), ref);
      wanted.computeIfAbsent(assignment.workspaceId(), id -> new LinkedHashMap<>())
          .merge(ref.key(), assignment.permission(),
              (a, b) -> a == WorkspacePermission.ADMIN || b == WorkspacePermission.ADMIN ? WorkspacePermission.ADMIN : a);
    }
    for (Map.Entry<Long, Map<String, WorkspacePermission>> workspace : wanted.entrySet()) {
      long workspaceId = workspace.getKey();
      Map<String, PermissionAssignment> current = new HashMap<>();
      for (PermissionAssignment assignment : state.workspaceAssignments(workspaceId).orElse(Collections.emptyList())) {
        OptionalLong principalId = assignment.principal().map(AssignedPrincipal::principalId)
            .orElse(OptionalLong.empty());
        if (principalId.isPresent()) {
          current.put(Long.toString(principalId.getAsLong()), assignment);
        }
      }
      Set<String> wantedIds = new HashSet<>();
      for (Map.Entry<String, WorkspacePermission> entry : workspace.getValue().entrySet()) {
        PrincipalRef ref = refByKey.get(entry.getKey());
        WorkspacePermission permission = entry.getValue();
        PermissionAssignment existing = ref.id().map(current::get).orElse(null);
        ref.id().ifPresent(wantedIds::add);
        String from = existing == null ? null : describe(existing);
        if (existing != null && from.equals(permission.wireValue())) {
          continue;
        }
        steps.add(PlannedOperation.builder(Action.ASSIGN, ref, phase).workspaceId(workspaceId).permission(permission)
            .addChanges(from == null ? permission.wireValue() : from + " -> " + permission.wireValue()));
      }
      for (Map.Entry<String, PermissionAssignment> entry : current.entrySet()) {
        Existing existing = existingById.get(entry.getKey());
        if (wantedIds.contains(entry.getKey()) || existing == null || !existing.matched
            || options.isProtected(existing.name)) {
          continue;
        }
        steps.add(PlannedOperation.builder(Action.UNASSIGN, ref(existing), phase).workspaceId(workspaceId)
            .addChanges("not assigned in the directory (was " + describe(entry.getValue()) + ")"));
      }
    }
  }

  /** Returns ADMIN when the assignment grants admin, else USER, else the raw permissions. */
  private static String describe(PermissionAssignment assignment) {
    if (assignment.hasPermission(WorkspacePermission.ADMIN)) {
      return WorkspacePermission.ADMIN.wireValue();
    }
    if (assignment.hasPermission(WorkspacePermission.USER)) {
      return WorkspacePermission.USER.wireValue();
    }
    return String.join(",", assignment.rawPermissions());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private SyncPlan build(Directory directory, int managed, int membershipPhase) {
    int removalPhase = membershipPhase + 1;
    List<PlannedOperation> unsorted = new ArrayList<>(steps.size());
    for (PlannedOperation.Builder step : steps) {
      PlannedOperation built = step.build(0);
      unsorted.add(built.phase() < 0 ? built.inPhase(removalPhase) : built);
    }
    // Stable order: by phase (removals last), then action, then kind; directory order within.
    unsorted.sort(Comparator.comparingInt(PlannedOperation::phase)
        .thenComparing(PlannedOperation::action)
        .thenComparing(operation -> operation.principal().kind()));
    List<PlannedOperation> operations = new ArrayList<>(unsorted.size());
    for (PlannedOperation operation : unsorted) {
      operations.add(operation.atIndex(operations.size()));
    }
    return SyncPlan.builder().targetKind(targetKind).target(target).createdAt(now).operations(operations)
        .warnings(warnings).managedPrincipalCount(managed).options(options).directory(directory)
        .origin(origin).build();
  }

  private Optional<String> desiredExternalId(Optional<String> wanted, Optional<String> current, String name) {
    if (wanted.isPresent()) {
      return wanted;
    }
    if (current.isPresent() || !options.stampExternalIds()) {
      return current;
    }
    return Optional.of(stamp(name));
  }

  /** Returns the external id stamped on a principal the directory gives none: prefix + name, hashed when too long. */
  static String stamp(String name) {
    String stamp = SyncOptions.EXTERNAL_ID_STAMP_PREFIX + name;
    if (stamp.length() <= MAX_EXTERNAL_ID_LENGTH) {
      return stamp;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(SyncOptions.EXTERNAL_ID_STAMP_PREFIX).append("sha256:");
      for (int i = 0; i < 20; i++) {
        hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static boolean replace(PlannedOperation.Builder step, String attribute, Optional<String> current,
      Optional<String> wanted, java.util.function.Consumer<String> setter) {
    if (!wanted.isPresent() || wanted.equals(current)) {
      return false;
    }
    setter.accept(wanted.get());
    step.addChanges(attribute + ": " + current.map(Planner::quote).orElse("(none)") + " -> " + quote(wanted.get()));
    return true;
  }

  private boolean entitlements(PlannedOperation.Builder step, java.util.function.Consumer<String> add,
      java.util.function.Consumer<String> remove, List<ComplexValue> current, Collection<String> wanted) {
    if (managedEntitlements.isEmpty()) {
      return false;
    }
    Set<String> have = new LinkedHashSet<>();
    for (ComplexValue value : current) {
      value.value().filter(managedEntitlements::contains).ifPresent(have::add);
    }
    Set<String> want = new LinkedHashSet<>();
    for (String entitlement : wanted) {
      if (managedEntitlements.contains(entitlement)) {
        want.add(entitlement);
      }
    }
    boolean changed = false;
    for (String entitlement : want) {
      if (!have.contains(entitlement)) {
        add.accept(entitlement);
        step.addChanges("+entitlement " + entitlement);
        changed = true;
      }
    }
    for (String entitlement : have) {
      if (!want.contains(entitlement)) {
        remove.accept(entitlement);
        step.addChanges("-entitlement " + entitlement);
        changed = true;
      }
    }
    return changed;
  }

  private static PrincipalRef ref(Existing existing) {
    return PrincipalRef.of(existing.kind, existing.name, existing.id);
  }

  private static String quote(String value) {
    return '"' + value + '"';
  }

  static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
