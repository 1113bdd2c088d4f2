package dev.dbscim.client.migrate;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.sync.CurrentState;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryServicePrincipal;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.RemovalPolicy;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves identity provisioning from workspace-level SCIM connectors to the account: it reads the current principals
 * of one or more workspaces, builds the account-level {@link Directory} from them (users, service principals,
 * workspace-local groups with their members, and the workspace assignments that keep each federated workspace's
 * principals), merged with the identity provider's directory when one is given, plans and applies it with the
 * {@link SyncEngine} on the account target, and reports per workspace whether its workspace-level connector can be
 * shut down ({@link ConnectorVerdict}).
 *
 * <p>Merging: the result does not depend on the order of the workspaces. Principals match by {@code userName} (any
 * case), {@code applicationId} or group name; active wins over inactive; different values of a mapped attribute
 * ({@code displayName}, {@code givenName}, {@code familyName}, {@code externalId}) are an {@link AttributeConflict},
 * listed in the plan and settled by {@link Builder#conflictOverrides(ConflictOverrides)} or
 * {@link Builder#conflictRule(ConflictRule)}; {@link #apply(ProvisioningMigrationPlan)} refuses a plan with an
 * unsettled one. Workspace admins (members of the workspace's {@code admins} group) are assigned with {@code ADMIN};
 * entitlements of local groups, which account groups cannot hold, are listed as {@link EntitlementsLeftBehind}.
 *
 * <p>Identities "provisioned by a workspace's connector" are the workspace's users, service principals and groups
 * with an {@code externalId}. A workspace's connector can be shut down when the workspace is identity-federated, every
 * such identity exists at account level with the same {@code externalId}, and no provisioned workspace-local group
 * remains (move those with {@link WorkspaceGroupMigration}: an account group cannot be assigned next to a local group
 * of the same name, so this migration creates the account groups but leaves their assignment to that one).
 *
 * <p>Identity federation: by default a workspace counts as federated when its account-level permission assignments
 * can be read and are not empty (a federated workspace always has some); {@link Builder#federatedWorkspaces(long...)}
 * states it instead, which is safer against real Databricks, where the answer for a workspace without federation is
 * not documented.
 *
 * <p>The default {@link SyncOptions} never remove anything ({@link RemovalPolicy#KEEP}) and stamp no external ids;
 * principals assigned to a federated workspace that the directory does not name are protected, so the sync keeps their
 * assignments. Re-running converges: a run after an interrupted one plans what is left.
 *
 * <pre>{@code
 * WorkspaceToAccountMigration migration = WorkspaceToAccountMigration.builder()
 *     .accountClient(account)
 *     .addWorkspace(1001L, workspace1001)
 *     .addWorkspace(1002L, workspace1002)
 *     .federatedWorkspaces(1001L)
 *     .build();
 * ProvisioningMigrationPlan plan = migration.plan();          // reads only
 * System.out.println(plan.summary() + plan.syncPlan().table() + plan.table());
 * ProvisioningMigrationReport report = migration.apply(plan);
 * System.out.println(report.summary());
 * }</pre>
 */
public final class WorkspaceToAccountMigration {
  private static final String ADMINS = "admins";
  private static final Set<String> BUILT_IN = new HashSet<>(Arrays.asList("users", ADMINS, "account users"));

  private final ScimAccountClient account;
  private final Map<Long, ScimWorkspaceClient> workspaces;
  private final Directory directory;
  private final Set<Long> federatedWorkspaces;
  private final SyncOptions syncOptions;
  private final String ignoredGroupPrefix;
  private final int pageSize;
  private final Clock clock;
  private final ConflictRule conflictRule;
  private final List<Long> preferredWorkspaces;
  private final ConflictOverrides overrides;
  private volatile Planned lastPlanned;

  private WorkspaceToAccountMigration(Builder builder) {
    this.account = Objects.requireNonNull(builder.account, "accountClient");
    if (builder.workspaces.isEmpty()) {
      throw new IllegalStateException("at least one workspace is required");
    }
    if (builder.conflictRule == ConflictRule.PREFER_WORKSPACES && builder.preferredWorkspaces.isEmpty()) {
      throw new IllegalStateException("ConflictRule.PREFER_WORKSPACES needs preferredWorkspaces");
    }
    this.workspaces = new TreeMap<>(builder.workspaces);
    this.directory = builder.directory;
    this.federatedWorkspaces = builder.federatedWorkspaces == null ? null : new TreeSet<>(builder.federatedWorkspaces);
    this.syncOptions = builder.syncOptions;
    this.ignoredGroupPrefix = builder.ignoredGroupPrefix;
    this.pageSize = builder.pageSize;
    this.clock = builder.clock;
    this.conflictRule = builder.conflictRule;
    this.preferredWorkspaces = new ArrayList<>(builder.preferredWorkspaces);
    this.overrides = builder.overrides;
  }

  /**
   * Returns a builder; the account client and at least one workspace are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the workspaces and the account, builds the account-level directory, and plans it with the sync engine.
   * Sends only reads, each list once: every workspace's users, service principals and groups, the account's users,
   * service principals and groups (with the members of the groups the directory names), and every workspace's
   * account-level assignments. The result does not depend on the order in which the workspaces were added.
   *
   * @return the plan
   * @throws dev.dbscim.client.sync.InvalidDirectoryException when the merged directory is invalid (for example a
   *     given directory that is invalid on its own)
   * @throws dev.dbscim.client.error.ScimException when a read fails
   */
  public ProvisioningMigrationPlan plan() {
    List<String> warnings = new ArrayList<>();
    Map<Long, WorkspaceView> views = readWorkspaces();
    Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
    Directory given = directory == null ? Directory.empty() : directory;
    for (DirectoryGroup group : given.groups()) {
      groups.put(group.displayName(), group);
    }
    Map<String, SortedMap<Long, Group>> localGroups = localGroups(views, groups.keySet());
    Directory namingGroups = Directory.builder().groups(new ArrayList<>(groups.values()))
        .addGroups(localGroups.keySet().stream().map(name -> DirectoryGroup.builder(name).build())
            .toArray(DirectoryGroup[]::new))
        .build();
    SyncEngine reader = engine(new TreeSet<>());
    CurrentState accountState = reader.readState(namingGroups);
    AccountView accountView = new AccountView(accountState);
    Merge merge = new Merge(accountView, warnings);
    Set<String> protectedNames = new TreeSet<>();
    Directory merged = merge.build(given, views, groups, localGroups, protectedNames);
    CurrentState.Builder state = CurrentState.builder().users(accountState.users())
        .servicePrincipals(accountState.servicePrincipals()).groups(accountState.groups())
        .groupsWithUnreadMembers(accountState.groupsWithUnreadMembers());
    Set<Long> assignmentsRead = new TreeSet<>();
    for (WorkspaceView view : views.values()) {
      if (view.assignmentsReadable) {
        state.workspaceAssignments(view.id, view.assignments);
        assignmentsRead.add(view.id);
      }
    }
    for (DirectoryWorkspaceAssignment assignment : merged.workspaceAssignments()) {
      if (assignmentsRead.add(assignment.workspaceId())) {
        state.workspaceAssignments(assignment.workspaceId(),
            account.workspaceAssignments().list(assignment.workspaceId()));
      }
    }
    SyncEngine engine = engine(protectedNames);
    SyncPlan syncPlan = engine.plan(merged, state.build());
    warnings.addAll(syncPlan.warnings());
    List<WorkspaceConnectorStatus> statuses = new ArrayList<>();
    for (WorkspaceView view : views.values()) {
      statuses.add(status(view, accountView));
    }
    ProvisioningMigrationPlan plan = ProvisioningMigrationPlan.of(merged, syncPlan, statuses, warnings,
        merge.conflicts, merge.entitlements);
    lastPlanned = new Planned(plan, engine, views);
    return plan;
  }

  /**
   * Applies the plan's sync plan to the account with the sync engine, then reads the account again and reports where
   * each workspace stands. A plan this migration made last is applied without reading anything before the writes (and
   * the workspaces are not read again); any other plan (such as one read from JSON) is verified first, as
   * {@link SyncEngine#apply(SyncPlan)} does.
   *
   * @param plan a plan made by this migration
   * @return the report
   * @throws UnresolvedConflictsException when the plan has unsettled conflicts; nothing is sent
   * @throws dev.dbscim.client.sync.DeletionThresholdExceededException when the sync plan exceeds its threshold
   * @throws IllegalArgumentException when the plan was made for another account
   */
  public ProvisioningMigrationReport apply(ProvisioningMigrationPlan plan) {
    Objects.requireNonNull(plan, "plan");
    if (!plan.unresolvedConflicts().isEmpty()) {
      throw new UnresolvedConflictsException(plan.unresolvedConflicts());
    }
    Planned planned = lastPlanned;
    boolean ours = planned != null && planned.plan == plan;
    SyncReport syncReport = (ours ? planned.engine : engine(new TreeSet<>())).apply(plan.syncPlan());
    Map<Long, WorkspaceView> views = ours ? planned.views : readWorkspaces();
    AccountView accountView = readAccount();
    List<WorkspaceConnectorStatus> statuses = new ArrayList<>();
    for (WorkspaceView view : views.values()) {
      statuses.add(status(view, accountView));
    }
    return new ProvisioningMigrationReport(syncReport, statuses);
  }

  /**
   * Plans and applies in one call; see {@link #plan()} and {@link #apply(ProvisioningMigrationPlan)}.
   *
   * @return the report
   * @throws UnresolvedConflictsException when the plan has unsettled conflicts; nothing is sent
   */
  public ProvisioningMigrationReport run() {
    return apply(plan());
  }

  private SyncEngine engine(Set<String> protectedNames) {
    SyncOptions options = syncOptions.toBuilder().addProtectedNames(protectedNames.toArray(new String[0])).build();
    return SyncEngine.builder().target(SyncTarget.account(account)).options(options).clock(clock).build();
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /** The last plan this migration made, with what it read, so that applying it reads nothing twice. */
  private static final class Planned {
    final ProvisioningMigrationPlan plan;
    final SyncEngine engine;
    final Map<Long, WorkspaceView> views;

    Planned(ProvisioningMigrationPlan plan, SyncEngine engine, Map<Long, WorkspaceView> views) {
      this.plan = plan;
      this.engine = engine;
      this.views = views;
    }
  }

  /** One workspace as read. */
  private static final class WorkspaceView {
    final long id;
    final List<User> users = new ArrayList<>();
    final List<ServicePrincipal> servicePrincipals = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<PermissionAssignment> assignments = new ArrayList<>();
    boolean assignmentsReadable;
    boolean federated;

    WorkspaceView(long id) {
      this.id = id;
    }
  }

  /** The account's principals by name. */
  private static final class AccountView {
    final Map<String, User> users = new HashMap<>();
    final Map<String, ServicePrincipal> servicePrincipals = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();

    AccountView(CurrentState state) {
      this(state.users(), state.servicePrincipals(), state.groups());
    }

    AccountView(Iterable<User> users, Iterable<ServicePrincipal> servicePrincipals, Iterable<Group> groups) {
      for (User user : users) {
        this.users.put(user.userName().toLowerCase(Locale.ROOT), user);
      }
      for (ServicePrincipal sp : servicePrincipals) {
        sp.applicationId().ifPresent(app -> this.servicePrincipals.put(app, sp));
      }
      for (Group group : groups) {
        this.groups.put(group.displayName(), group);
      }
    }
  }

  private Map<Long, WorkspaceView> readWorkspaces() {
    Map<Long, WorkspaceView> views = new TreeMap<>();
    for (Map.Entry<Long, ScimWorkspaceClient> entry : workspaces.entrySet()) {
      views.put(entry.getKey(), read(entry.getKey(), entry.getValue()));
    }
    return views;
  }

  private WorkspaceView read(long workspaceId, ScimWorkspaceClient client) {
    WorkspaceView view = new WorkspaceView(workspaceId);
    client.users().list(q -> q.count(pageSize)).forEach(view.users::add);
    client.servicePrincipals().list(q -> q.count(pageSize)).forEach(view.servicePrincipals::add);
    client.groups().list(q -> q.count(pageSize)).forEach(view.groups::add);
    try {
      view.assignments.addAll(account.workspaceAssignments().list(workspaceId));
      view.assignmentsReadable = true;
    } catch (ScimServiceException e) {
      view.assignmentsReadable = false;
    }
    view.federated = federatedWorkspaces != null ? federatedWorkspaces.contains(workspaceId)
        : view.assignmentsReadable && !view.assignments.isEmpty();
    return view;
  }

  private AccountView readAccount() {
    List<User> users = new ArrayList<>();
    account.users().list(q -> q.attributes("id", "userName", "externalId").count(pageSize)).forEach(users::add);
    List<ServicePrincipal> sps = new ArrayList<>();
    account.servicePrincipals().list(q -> q.attributes("id", "applicationId", "externalId").count(pageSize))
        .forEach(sps::add);
    List<Group> groups = new ArrayList<>();
    account.groups().list(q -> q.attributes("id", "displayName", "externalId").count(pageSize)).forEach(groups::add);
    return new AccountView(users, sps, groups);
  }

  // ---------------------------------------------------------------------------------------------------- building

  private boolean migratable(Group group) {
    return group.workspaceLocal() && !BUILT_IN.contains(group.displayName())
        && !group.displayName().startsWith(ignoredGroupPrefix);
  }

  /** Returns the migratable local groups not in the given directory, by name, each by workspace id. */
  private Map<String, SortedMap<Long, Group>> localGroups(Map<Long, WorkspaceView> views, Set<String> givenGroups) {
    Map<String, SortedMap<Long, Group>> groups = new TreeMap<>();
    for (WorkspaceView view : views.values()) {
      for (Group group : view.groups) {
        if (migratable(group) && !givenGroups.contains(group.displayName())) {
          groups.computeIfAbsent(group.displayName(), name -> new TreeMap<>()).put(view.id, group);
        }
      }
    }
    return groups;
  }

  /**
   * Merges the workspaces' principals into one directory by rules that do not depend on the order of the workspaces:
   * every map is keyed and walked in sorted order, active wins over inactive, and a mapped attribute with different
   * values is a conflict settled by the overrides or the rule (or left as the account has it).
   */
  private final class Merge {
    final AccountView accountView;
    final List<String> warnings;
    final List<AttributeConflict> conflicts = new ArrayList<>();
    final List<EntitlementsLeftBehind> entitlements = new ArrayList<>();
    final Set<String> usedOverrides = new HashSet<>();

    Merge(AccountView accountView, List<String> warnings) {
      this.accountView = accountView;
      this.warnings = warnings;
    }

    Directory build(Directory given, Map<Long, WorkspaceView> views, Map<String, DirectoryGroup> groups,
        Map<String, SortedMap<Long, Group>> localGroups, Set<String> protectedNames) {
      Map<String, DirectoryUser> users = new LinkedHashMap<>();
      Map<String, DirectoryServicePrincipal> servicePrincipals = new LinkedHashMap<>();
      for (DirectoryUser user : given.users()) {
        users.put(user.userName().toLowerCase(Locale.ROOT), user);
      }
      for (DirectoryServicePrincipal sp : given.servicePrincipals()) {
        servicePrincipals.put(sp.applicationId(), sp);
      }
      Map<String, SortedMap<Long, User>> seenUsers = new TreeMap<>();
      Map<String, SortedMap<Long, ServicePrincipal>> seenServicePrincipals = new TreeMap<>();
      for (WorkspaceView view : views.values()) {
        for (User user : view.users) {
          seenUsers.computeIfAbsent(user.userName().toLowerCase(Locale.ROOT), key -> new TreeMap<>())
              .put(view.id, user);
        }
        for (ServicePrincipal sp : view.servicePrincipals) {
          sp.applicationId().ifPresent(app -> seenServicePrincipals.computeIfAbsent(app, key -> new TreeMap<>())
              .put(view.id, sp));
        }
      }
      for (Map.Entry<String, SortedMap<Long, User>> entry : seenUsers.entrySet()) {
        if (!users.containsKey(entry.getKey())) {
          users.put(entry.getKey(), user(entry.getKey(), entry.getValue()));
        }
      }
      for (Map.Entry<String, SortedMap<Long, ServicePrincipal>> entry : seenServicePrincipals.entrySet()) {
        if (!servicePrincipals.containsKey(entry.getKey())) {
          servicePrincipals.put(entry.getKey(), servicePrincipal(entry.getKey(), entry.getValue()));
        }
      }
      Set<String> givenGroups = new HashSet<>(groups.keySet());
      for (Map.Entry<String, SortedMap<Long, Group>> entry : localGroups.entrySet()) {
        groups.put(entry.getKey(), group(entry.getKey(), entry.getValue(), views));
      }
      dropUnknownMemberGroups(groups, givenGroups);
      for (ConflictOverride override : overrides.overrides()) {
        if (!usedOverrides.contains(override.key())) {
          warnings.add("conflict override for " + AttributeConflict.kindName(override.kind()) + " "
              + override.name() + " " + override.attribute() + " is not used: the workspaces do not disagree on it");
        }
      }
      List<DirectoryWorkspaceAssignment> assignments = assignments(given, views, users, servicePrincipals, groups,
          protectedNames);
      return Directory.builder().users(new ArrayList<>(users.values()))
          .servicePrincipals(new ArrayList<>(servicePrincipals.values())).groups(new ArrayList<>(groups.values()))
          .workspaceAssignments(assignments).build();
    }

    private DirectoryUser user(String key, SortedMap<Long, User> seen) {
      Optional<User> inAccount = Optional.ofNullable(accountView.users.get(key));
      String userName = inAccount.map(User::userName).orElse(seen.get(seen.firstKey()).userName());
      DirectoryUser.Builder builder = DirectoryUser.builder(userName).active(active(PrincipalKind.USER, userName,
          activity(seen, User::active)));
      resolve(PrincipalKind.USER, userName, "displayName", values(seen, User::displayName), inAccount.isPresent(),
          inAccount.flatMap(User::displayName)).ifPresent(builder::displayName);
      resolve(PrincipalKind.USER, userName, "givenName", values(seen, u -> u.name().flatMap(Name::givenName)),
          inAccount.isPresent(), inAccount.flatMap(User::name).flatMap(Name::givenName))
          .ifPresent(builder::givenName);
      resolve(PrincipalKind.USER, userName, "familyName", values(seen, u -> u.name().flatMap(Name::familyName)),
          inAccount.isPresent(), inAccount.flatMap(User::name).flatMap(Name::familyName))
          .ifPresent(builder::familyName);
      resolve(PrincipalKind.USER, userName, "externalId", values(seen, User::externalId), inAccount.isPresent(),
          inAccount.flatMap(User::externalId)).ifPresent(builder::externalId);
      return builder.build();
    }

    private DirectoryServicePrincipal servicePrincipal(String applicationId, SortedMap<Long, ServicePrincipal> seen) {
      Optional<ServicePrincipal> inAccount = Optional.ofNullable(accountView.servicePrincipals.get(applicationId));
      DirectoryServicePrincipal.Builder builder = DirectoryServicePrincipal.builder(applicationId)
          .active(active(PrincipalKind.SERVICE_PRINCIPAL, applicationId,
              activity(seen, ServicePrincipal::active)));
      resolve(PrincipalKind.SERVICE_PRINCIPAL, applicationId, "displayName",
          values(seen, ServicePrincipal::displayName), inAccount.isPresent(),
          inAccount.flatMap(ServicePrincipal::displayName)).ifPresent(builder::displayName);
      resolve(PrincipalKind.SERVICE_PRINCIPAL, applicationId, "externalId", values(seen, ServicePrincipal::externalId),
          inAccount.isPresent(), inAccount.flatMap(ServicePrincipal::externalId)).ifPresent(builder::externalId);
      return builder.build();
    }

    /** Active wins: the principal is active when any workspace has it active; a disagreement is a warning. */
    private boolean active(PrincipalKind kind, String name, Map<Long, Boolean> seen) {
      Set<Long> inactive = new TreeSet<>();
      Set<Long> active = new TreeSet<>();
      seen.forEach((id, isActive) -> (isActive ? active : inactive).add(id));
      if (!active.isEmpty() && !inactive.isEmpty()) {
        warnings.add(AttributeConflict.kindName(kind) + " " + name + " is inactive in workspace(s) " + inactive
            + " and active in " + active + ": active at account level (active wins)");
      }
      return !active.isEmpty();
    }

    private DirectoryGroup group(String name, SortedMap<Long, Group> seen, Map<Long, WorkspaceView> views) {
      Set<String> users = new TreeSet<>();
      Set<String> servicePrincipals = new TreeSet<>();
      Set<String> memberGroups = new TreeSet<>();
      Set<String> memberSets = new HashSet<>();
      for (Map.Entry<Long, Group> entry : seen.entrySet()) {
        WorkspaceView view = views.get(entry.getKey());
        Group group = entry.getValue();
        List<String> members = new ArrayList<>();
        Map<String, String> names = memberNames(view);
        for (ComplexValue member : group.members()) {
          String memberName = names.get(member.value().orElse(""));
          if (memberName == null) {
            warnings.add("workspace " + view.id + ": group " + name + " has member " + member.value().orElse("?")
                + ", which is not a principal of the workspace; left out");
            continue;
          }
          members.add(memberName);
          String value = memberName.substring(2);
          (memberName.startsWith("u:") ? users : memberName.startsWith("s:") ? servicePrincipals : memberGroups)
              .add(value);
        }
        members.sort(null);
        memberSets.add(members.toString());
        Set<String> held = new TreeSet<>();
        group.entitlements().forEach(entitlement -> entitlement.value().ifPresent(held::add));
        if (!held.isEmpty()) {
          entitlements.add(EntitlementsLeftBehind.builder().workspaceId(view.id).groupName(name)
              .entitlements(new ArrayList<>(held)).build());
        }
      }
      if (memberSets.size() > 1) {
        warnings.add("local group " + name + " has other members in workspaces " + seen.keySet()
            + "; the account group gets them all");
      }
      Optional<Group> inAccount = Optional.ofNullable(accountView.groups.get(name));
      DirectoryGroup.Builder builder = DirectoryGroup.builder(name).memberUsers(new ArrayList<>(users))
          .memberServicePrincipals(new ArrayList<>(servicePrincipals)).memberGroups(new ArrayList<>(memberGroups));
      resolve(PrincipalKind.GROUP, name, "externalId", values(seen, Group::externalId), inAccount.isPresent(),
          inAccount.flatMap(Group::externalId)).ifPresent(builder::externalId);
      return builder.build();
    }

    /**
     * Returns the value the directory gets: the one value the workspaces agree on, or for a conflict the value of the
     * override, the rule, or none (the account keeps what it has) while unsettled.
     */
    private Optional<String> resolve(PrincipalKind kind, String name, String attribute, SortedMap<Long, String> values,
        boolean inAccount, Optional<String> accountValue) {
      Set<String> distinct = new TreeSet<>(values.values());
      if (distinct.size() <= 1) {
        return distinct.stream().findFirst();
      }
      Optional<String> value = overrides.find(kind, name, attribute);
      Optional<String> by = Optional.empty();
      if (value.isPresent()) {
        usedOverrides.add(ConflictOverride.key(kind, name, attribute));
        by = Optional.of("override file");
      } else if (conflictRule == ConflictRule.KEEP_ACCOUNT && accountValue.isPresent()) {
        value = accountValue;
        by = Optional.of("KEEP_ACCOUNT");
      } else if (conflictRule == ConflictRule.PREFER_WORKSPACES) {
        for (long id : preferredWorkspaces) {
          if (values.containsKey(id)) {
            value = Optional.of(values.get(id));
            by = Optional.of("PREFER_WORKSPACES (workspace " + id + ")");
            break;
          }
        }
      }
      AttributeConflict.Builder conflict = AttributeConflict.builder().kind(kind).name(name).attribute(attribute)
          .inAccount(inAccount).accountValue(accountValue).resolvedValue(value).resolvedBy(by);
      values.forEach(conflict::putWorkspaceValues);
      conflicts.add(conflict.build());
      return value;
    }

    private void dropUnknownMemberGroups(Map<String, DirectoryGroup> groups, Set<String> givenGroups) {
      // Drop member groups that are not in the directory (account groups already provisioned elsewhere).
      for (Map.Entry<String, DirectoryGroup> entry : new ArrayList<>(groups.entrySet())) {
        if (givenGroups.contains(entry.getKey())) {
          continue;
        }
        List<String> kept = new ArrayList<>();
        for (String member : entry.getValue().memberGroups()) {
          if (groups.containsKey(member)) {
            kept.add(member);
          } else {
            warnings.add("group " + entry.getKey() + ": member group " + member + " is not in the directory and is "
                + "left out of it (its account group keeps its membership)");
          }
        }
        if (kept.size() != entry.getValue().memberGroups().size()) {
          entry.setValue(entry.getValue().toBuilder().memberGroups(kept).build());
        }
      }
    }

    private List<DirectoryWorkspaceAssignment> assignments(Directory given, Map<Long, WorkspaceView> views,
        Map<String, DirectoryUser> users, Map<String, DirectoryServicePrincipal> servicePrincipals,
        Map<String, DirectoryGroup> groups, Set<String> protectedNames) {
      List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>(given.workspaceAssignments());
      Set<String> assigned = new HashSet<>();
      for (DirectoryWorkspaceAssignment assignment : assignments) {
        assigned.add(assignment.workspaceId() + "/" + assignment.principalKind() + "/" + assignment.principalName());
      }
      for (WorkspaceView view : views.values()) {
        if (!view.federated) {
          warnings.add("workspace " + view.id + " is not identity-federated: its principals are provisioned at "
              + "account level but cannot be assigned to it, so its workspace-level connector keeps running");
          continue;
        }
        Set<String> admins = admins(view);
        List<DirectoryWorkspaceAssignment> viewAssignments = new ArrayList<>();
        for (PermissionAssignment assignment : view.assignments) {
          Optional<AssignedPrincipal> principal = assignment.principal();
          if (!principal.isPresent()) {
            continue;
          }
          PrincipalKind kind = null;
          String name = null;
          String adminKey = null;
          if (principal.get().userName().isPresent()) {
            name = principal.get().userName().get();
            DirectoryUser user = users.get(name.toLowerCase(Locale.ROOT));
            kind = user == null ? null : PrincipalKind.USER;
            name = user == null ? name : user.userName();
            adminKey = "u:" + name.toLowerCase(Locale.ROOT);
          } else if (principal.get().servicePrincipalName().isPresent()) {
            name = principal.get().servicePrincipalName().get();
            kind = servicePrincipals.containsKey(name) ? PrincipalKind.SERVICE_PRINCIPAL : null;
            adminKey = "s:" + name;
          } else if (principal.get().groupName().isPresent()) {
            name = principal.get().groupName().get();
            kind = groups.containsKey(name) ? PrincipalKind.GROUP : null;
            adminKey = "g:" + name;
          }
          if (name == null) {
            continue;
          }
          if (kind == null) {
            protectedNames.add(name);
            continue;
          }
          WorkspacePermission permission = assignment.permissions().contains(WorkspacePermission.ADMIN)
              || admins.remove(adminKey) ? WorkspacePermission.ADMIN : WorkspacePermission.USER;
          if (assigned.add(view.id + "/" + kind + "/" + name)) {
            viewAssignments.add(DirectoryWorkspaceAssignment.of(view.id, kind, name, permission));
          }
        }
        // Admins (through the workspace's admins group) that no assignment names directly keep ADMIN too.
        for (String admin : admins) {
          String name = admin.substring(2);
          DirectoryUser user = admin.startsWith("u:") ? users.get(name) : null;
          PrincipalKind kind = user != null ? PrincipalKind.USER
              : admin.startsWith("s:") && servicePrincipals.containsKey(name) ? PrincipalKind.SERVICE_PRINCIPAL : null;
          if (kind != null) {
            String assignedName = user != null ? user.userName() : name;
            if (assigned.add(view.id + "/" + kind + "/" + assignedName)) {
              viewAssignments.add(DirectoryWorkspaceAssignment.of(view.id, kind, assignedName,
                  WorkspacePermission.ADMIN));
            }
          }
        }
        viewAssignments.sort(Comparator.comparing((DirectoryWorkspaceAssignment a) -> a.principalKind())
            .thenComparing(DirectoryWorkspaceAssignment::principalName));
        assignments.addAll(viewAssignments);
        for (Group group : view.groups) {
          if (migratable(group)) {
            warnings.add("workspace " + view.id + ": local group " + group.displayName() + " gets an account group, "
                + "which WorkspaceGroupMigration assigns after renaming the local group");
          }
        }
      }
      return assignments;
    }

    /**
     * Returns the workspace's admins: the users ({@code u:<lower-case userName>}) and service principals
     * ({@code s:<applicationId>}) in its {@code admins} group, directly or through workspace-local groups.
     */
    private Set<String> admins(WorkspaceView view) {
      Map<String, Group> byId = new HashMap<>();
      Group adminsGroup = null;
      for (Group group : view.groups) {
        group.id().ifPresent(id -> byId.put(id, group));
        if (ADMINS.equals(group.displayName()) && group.workspaceLocal()) {
          adminsGroup = group;
        }
      }
      Set<String> admins = new TreeSet<>();
      if (adminsGroup == null) {
        return admins;
      }
      Map<String, String> names = memberNames(view);
      Set<String> visited = new HashSet<>();
      List<Group> pending = new ArrayList<>();
      pending.add(adminsGroup);
      while (!pending.isEmpty()) {
        Group group = pending.remove(pending.size() - 1);
        if (!visited.add(group.id().orElse(group.displayName()))) {
          continue;
        }
        for (ComplexValue member : group.members()) {
          String id = member.value().orElse("");
          String name = names.get(id);
          if (name == null) {
            continue;
          }
          if (name.startsWith("g:")) {
            Group nested = byId.get(id);
            if (nested != null && nested.workspaceLocal()) {
              pending.add(nested);
            }
          } else {
            admins.add(name.startsWith("u:") ? "u:" + name.substring(2).toLowerCase(Locale.ROOT) : name);
          }
        }
      }
      return admins;
    }
  }

  private static <T> SortedMap<Long, Boolean> activity(SortedMap<Long, T> seen,
      java.util.function.Function<T, Optional<Boolean>> active) {
    SortedMap<Long, Boolean> activity = new TreeMap<>();
    seen.forEach((id, principal) -> activity.put(id, active.apply(principal).orElse(Boolean.TRUE)));
    return activity;
  }

  private static <T> SortedMap<Long, String> values(SortedMap<Long, T> seen,
      java.util.function.Function<T, Optional<String>> attribute) {
    SortedMap<Long, String> values = new TreeMap<>();
    seen.forEach((id, principal) -> attribute.apply(principal).ifPresent(value -> values.put(id, value)));
    return values;
  }

  private static Map<String, String> memberNames(WorkspaceView view) {
    Map<String, String> names = new HashMap<>();
    for (User user : view.users) {
      names.put(user.id().orElse(""), "u:" + user.userName());
    }
    for (ServicePrincipal sp : view.servicePrincipals) {
      sp.applicationId().ifPresent(app -> names.put(sp.id().orElse(""), "s:" + app));
    }
    for (Group group : view.groups) {
      names.put(group.id().orElse(""), "g:" + group.displayName());
    }
    return names;
  }






  // ---------------------------------------------------------------------------------------------------- verdicts

  private WorkspaceConnectorStatus status(WorkspaceView view, AccountView accounts) {
    int provisioned = 0;
    List<String> uncovered = new ArrayList<>();
    List<String> localGroups = new ArrayList<>();
    for (User user : view.users) {
      if (user.externalId().isPresent()) {
        provisioned++;
        if (!user.externalId().equals(Optional.ofNullable(accounts.users.get(user.userName().toLowerCase(Locale.ROOT)))
            .flatMap(User::externalId))) {
          uncovered.add("user:" + user.userName());
        }
      }
    }
    for (ServicePrincipal sp : view.servicePrincipals) {
      if (sp.externalId().isPresent() && sp.applicationId().isPresent()) {
        provisioned++;
        if (!sp.externalId().equals(Optional.ofNullable(accounts.servicePrincipals.get(sp.applicationId().get()))
            .flatMap(ServicePrincipal::externalId))) {
          uncovered.add("service-principal:" + sp.applicationId().get());
        }
      }
    }
    for (Group group : view.groups) {
      if (group.externalId().isPresent() && !BUILT_IN.contains(group.displayName())
          && !(group.workspaceLocal() && group.displayName().startsWith(ignoredGroupPrefix))) {
        provisioned++;
        if (!group.externalId().equals(Optional.ofNullable(accounts.groups.get(group.displayName()))
            .flatMap(Group::externalId))) {
          uncovered.add("group:" + group.displayName());
        }
        if (group.workspaceLocal()) {
          localGroups.add(group.displayName());
        }
      }
    }
    ConnectorVerdict verdict = !view.federated ? ConnectorVerdict.KEEP_RUNNING
        : !localGroups.isEmpty() ? ConnectorVerdict.MIGRATE_LOCAL_GROUPS_FIRST
        : !uncovered.isEmpty() ? ConnectorVerdict.APPLY_FIRST
        : ConnectorVerdict.SHUT_DOWN;
    return WorkspaceConnectorStatus.of(view.id, view.federated, provisioned, uncovered, localGroups, verdict);
  }

  @Override
  public String toString() {
    return "WorkspaceToAccountMigration{workspaces=" + workspaces.keySet() + ", federatedWorkspaces="
        + (federatedWorkspaces == null ? "<detected>" : federatedWorkspaces) + "}";
  }

  /** Builds a {@link WorkspaceToAccountMigration}. */
  public static final class Builder {
    private ScimAccountClient account;
    private final Map<Long, ScimWorkspaceClient> workspaces = new LinkedHashMap<>();
    private Directory directory;
    private Set<Long> federatedWorkspaces;
    private SyncOptions syncOptions =
        SyncOptions.builder().removalPolicy(RemovalPolicy.KEEP).stampExternalIds(false).build();
    private String ignoredGroupPrefix = GroupMigrationOptions.DEFAULT_RENAME_PREFIX;
    private int pageSize = 100;
    private Clock clock = Clock.systemUTC();
    private ConflictRule conflictRule = ConflictRule.REFUSE;
    private final List<Long> preferredWorkspaces = new ArrayList<>();
    private ConflictOverrides overrides = ConflictOverrides.empty();

    private Builder() {}

    /**
     * Sets how conflicts (workspaces that give one principal different values of a mapped attribute) are settled;
     * the {@linkplain #conflictOverrides(ConflictOverrides) overrides} win over it.
     *
     * @param rule the rule; default {@link ConflictRule#REFUSE}: conflicts stay unsettled and apply refuses the plan
     * @return this builder
     */
    public Builder conflictRule(ConflictRule rule) {
      this.conflictRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Sets the workspaces whose values win a conflict, first one first, and the rule to
     * {@link ConflictRule#PREFER_WORKSPACES}.
     *
     * @param workspaceIds the workspace ids, at least one
     * @return this builder
     * @throws IllegalArgumentException when no id is given
     */
    public Builder preferredWorkspaces(long... workspaceIds) {
      if (workspaceIds.length == 0) {
        throw new IllegalArgumentException("preferredWorkspaces needs at least one workspace id");
      }
      preferredWorkspaces.clear();
      for (long id : workspaceIds) {
        preferredWorkspaces.add(id);
      }
      this.conflictRule = ConflictRule.PREFER_WORKSPACES;
      return this;
    }

    /**
     * Sets the values chosen per principal and attribute, such as those of a conflict file read with
     * {@link ConflictOverrides#read(java.nio.file.Path)}; they win over the {@link #conflictRule(ConflictRule) rule}.
     *
     * @param overrides the overrides; default none
     * @return this builder
     */
    public Builder conflictOverrides(ConflictOverrides overrides) {
      this.overrides = Objects.requireNonNull(overrides, "overrides");
      return this;
    }

    /**
     * Sets the account client (required): the sync engine provisions through it.
     *
     * @param account the client, which the caller keeps and closes
     * @return this builder
     */
    public Builder accountClient(ScimAccountClient account) {
      this.account = Objects.requireNonNull(account, "account");
      return this;
    }

    /**
     * Adds a workspace whose principals move to the account (at least one is required).
     *
     * @param workspaceId the workspace id
     * @param client the workspace's client, authenticated as a workspace admin; the caller keeps and closes it
     * @return this builder
     */
    public Builder addWorkspace(long workspaceId, ScimWorkspaceClient client) {
      workspaces.put(workspaceId, Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * Sets the identity provider's directory, merged with what the workspaces hold; it wins on every name.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(Directory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * States which of the workspaces are identity-federated, instead of detecting it from their account-level
     * permission assignments; every workspace not listed counts as not federated.
     *
     * @param workspaceIds the federated workspace ids
     * @return this builder
     */
    public Builder federatedWorkspaces(long... workspaceIds) {
      Set<Long> ids = new TreeSet<>();
      for (long id : workspaceIds) {
        ids.add(id);
      }
      this.federatedWorkspaces = ids;
      return this;
    }

    /**
     * Sets the options of the account sync.
     *
     * @param syncOptions the options; default: {@link RemovalPolicy#KEEP}, no external id stamping, otherwise
     *     {@link SyncOptions#defaults()}
     * @return this builder
     */
    public Builder syncOptions(SyncOptions syncOptions) {
      this.syncOptions = Objects.requireNonNull(syncOptions, "syncOptions");
      return this;
    }

    /**
     * Sets the prefix of local groups left out of the directory: those a {@link WorkspaceGroupMigration} renamed.
     *
     * @param prefix the prefix; default {@value GroupMigrationOptions#DEFAULT_RENAME_PREFIX}
     * @return this builder
     */
    public Builder ignoredGroupPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      if (prefix.isEmpty()) {
        throw new IllegalArgumentException("prefix must not be empty");
      }
      this.ignoredGroupPrefix = prefix;
      return this;
    }

    /**
     * Sets the page size of the lists read.
     *
     * @param pageSize 1 to 10000; default 100
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 10_000) {
        throw new IllegalArgumentException("pageSize must be between 1 and 10000: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets the clock of plan timestamps and report times.
     *
     * @param clock the clock; default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the migration.
     *
     * @return the migration
     * @throws NullPointerException when the account client is missing
     * @throws IllegalStateException when no workspace was added, or the rule is
     *     {@link ConflictRule#PREFER_WORKSPACES} without preferred workspaces
     */
    public WorkspaceToAccountMigration build() {
      return new WorkspaceToAccountMigration(this);
    }
  }
}
