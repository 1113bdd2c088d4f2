package dev.dbscim.client.migrate;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.ScimServiceException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves identity provisioning from workspace-level SCIM connectors to the account: it reads the current principals
 * of one or more workspaces, builds the account-level {@link Directory} from them (users, service principals,
 * workspace-local groups with their members, and the workspace assignments that keep each federated workspace's
 * principals), merged with the identity provider's directory when one is given, plans and applies it with the
 * {@link SyncEngine} on the account target, and reports per workspace whether its workspace-level connector can be
 * shut down ({@link ConnectorVerdict}).
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
  private static final Set<String> BUILT_IN = new HashSet<>(Arrays.asList("users", "admins", "account users"));

  private final ScimAccountClient account;
  private final Map<Long, ScimWorkspaceClient> workspaces;
  private final Directory directory;
  private final Set<Long> federatedWorkspaces;
  private final SyncOptions syncOptions;
  private final String ignoredGroupPrefix;
  private final int pageSize;
  private final Clock clock;

  private WorkspaceToAccountMigration(Builder builder) {
    this.account = Objects.requireNonNull(builder.account, "accountClient");
    if (builder.workspaces.isEmpty()) {
      throw new IllegalStateException("at least one workspace is required");
    }
    this.workspaces = new LinkedHashMap<>(builder.workspaces);
    this.directory = builder.directory;
    this.federatedWorkspaces = builder.federatedWorkspaces == null ? null : new TreeSet<>(builder.federatedWorkspaces);
    this.syncOptions = builder.syncOptions;
    this.ignoredGroupPrefix = builder.ignoredGroupPrefix;
    this.pageSize = builder.pageSize;
    this.clock = builder.clock;
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
   * Sends only reads.
   *
   * @return the plan
   * @throws dev.dbscim.client.sync.InvalidDirectoryException when the merged directory is invalid (for example a
   *     given directory that is invalid on its own)
   * @throws dev.dbscim.client.error.ScimException when a read fails
   */
  public ProvisioningMigrationPlan plan() {
    List<String> warnings = new ArrayList<>();
    Map<Long, WorkspaceView> views = new LinkedHashMap<>();
    for (Map.Entry<Long, ScimWorkspaceClient> entry : workspaces.entrySet()) {
      views.put(entry.getKey(), read(entry.getKey(), entry.getValue()));
    }
    Set<String> protectedNames = new TreeSet<>();
    Directory merged = build(views, warnings, protectedNames);
    SyncEngine engine = engine(protectedNames);
    SyncPlan syncPlan = engine.plan(merged);
    warnings.addAll(syncPlan.warnings());
    AccountView accountView = readAccount();
    List<WorkspaceConnectorStatus> statuses = new ArrayList<>();
    for (WorkspaceView view : views.values()) {
      statuses.add(status(view, accountView));
    }
    return ProvisioningMigrationPlan.of(merged, syncPlan, statuses, warnings);
  }

  /**
   * Applies the plan's sync plan to the account with the sync engine, then reads every workspace and the account again
   * and reports where each workspace stands.
   *
   * @param plan a plan made by this migration
   * @return the report
   * @throws dev.dbscim.client.sync.DeletionThresholdExceededException when the sync plan exceeds its threshold
   * @throws IllegalArgumentException when the plan was made for another account
   */
  public ProvisioningMigrationReport apply(ProvisioningMigrationPlan plan) {
    Objects.requireNonNull(plan, "plan");
    SyncReport syncReport = engine(new TreeSet<>()).apply(plan.syncPlan());
    Map<Long, WorkspaceView> views = new LinkedHashMap<>();
    for (Map.Entry<Long, ScimWorkspaceClient> entry : workspaces.entrySet()) {
      views.put(entry.getKey(), read(entry.getKey(), entry.getValue()));
    }
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
   */
  public ProvisioningMigrationReport run() {
    return apply(plan());
  }

  private SyncEngine engine(Set<String> protectedNames) {
    SyncOptions options = syncOptions.toBuilder().addProtectedNames(protectedNames.toArray(new String[0])).build();
    return SyncEngine.builder().target(SyncTarget.account(account)).options(options).clock(clock).build();
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /** One workspace as read. */
  private static final class WorkspaceView {
    final long id;
    final List<User> users = new ArrayList<>();
    final List<ServicePrincipal> servicePrincipals = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<PermissionAssignment> assignments = new ArrayList<>();
    boolean federated;

    WorkspaceView(long id) {
      this.id = id;
    }
  }

  /** The account's principals by name, with their external ids. */
  private static final class AccountView {
    final Map<String, Optional<String>> users = new HashMap<>();
    final Map<String, Optional<String>> servicePrincipals = new HashMap<>();
    final Map<String, Optional<String>> groups = new HashMap<>();
  }

  private WorkspaceView read(long workspaceId, ScimWorkspaceClient client) {
    WorkspaceView view = new WorkspaceView(workspaceId);
    client.users().list(q -> q.count(pageSize)).forEach(view.users::add);
    client.servicePrincipals().list(q -> q.count(pageSize)).forEach(view.servicePrincipals::add);
    client.groups().list(q -> q.count(pageSize)).forEach(view.groups::add);
    boolean readable;
    try {
      view.assignments.addAll(account.workspaceAssignments().list(workspaceId));
      readable = true;
    } catch (ScimServiceException e) {
      readable = false;
    }
    view.federated = federatedWorkspaces != null ? federatedWorkspaces.contains(workspaceId)
        : readable && !view.assignments.isEmpty();
    return view;
  }

  private AccountView readAccount() {
    AccountView view = new AccountView();
    for (User user : account.users().list(q -> q.attributes("id", "userName", "externalId").count(pageSize))) {
      view.users.put(user.userName().toLowerCase(Locale.ROOT), user.externalId());
    }
    for (ServicePrincipal sp : account.servicePrincipals()
        .list(q -> q.attributes("id", "applicationId", "externalId").count(pageSize))) {
      sp.applicationId().ifPresent(app -> view.servicePrincipals.put(app, sp.externalId()));
    }
    for (Group group : account.groups().list(q -> q.attributes("id", "displayName", "externalId").count(pageSize))) {
      view.groups.put(group.displayName(), group.externalId());
    }
    return view;
  }

  // ---------------------------------------------------------------------------------------------------- building

  private boolean migratable(Group group) {
    return group.workspaceLocal() && !BUILT_IN.contains(group.displayName())
        && !group.displayName().startsWith(ignoredGroupPrefix);
  }

  private Directory build(Map<Long, WorkspaceView> views, List<String> warnings, Set<String> protectedNames) {
    Directory given = directory == null ? Directory.empty() : directory;
    Map<String, DirectoryUser> users = new LinkedHashMap<>();
    Map<String, DirectoryServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
    for (DirectoryUser user : given.users()) {
      users.put(user.userName().toLowerCase(Locale.ROOT), user);
    }
    for (DirectoryServicePrincipal sp : given.servicePrincipals()) {
      servicePrincipals.put(sp.applicationId(), sp);
    }
    for (DirectoryGroup group : given.groups()) {
      groups.put(group.displayName(), group);
    }
    Set<String> givenGroups = new HashSet<>(groups.keySet());
    Map<String, Long> groupOrigin = new HashMap<>();
    for (WorkspaceView view : views.values()) {
      for (User user : view.users) {
        String key = user.userName().toLowerCase(Locale.ROOT);
        DirectoryUser existing = users.get(key);
        if (existing == null) {
          users.put(key, directoryUser(user));
        } else if (user.externalId().isPresent() && existing.externalId().isPresent()
            && !user.externalId().equals(existing.externalId())) {
          warnings.add("user " + user.userName() + " has another externalId in workspace " + view.id + "; keeping "
              + existing.externalId().get());
        }
      }
      for (ServicePrincipal sp : view.servicePrincipals) {
        if (sp.applicationId().isPresent() && !servicePrincipals.containsKey(sp.applicationId().get())) {
          servicePrincipals.put(sp.applicationId().get(), directoryServicePrincipal(sp));
        }
      }
    }
    for (WorkspaceView view : views.values()) {
      Map<String, String> names = memberNames(view);
      for (Group group : view.groups) {
        if (!migratable(group) || givenGroups.contains(group.displayName())) {
          continue;
        }
        DirectoryGroup built = directoryGroup(group, view, names, warnings);
        DirectoryGroup existing = groups.get(group.displayName());
        if (existing == null) {
          groups.put(group.displayName(), built);
          groupOrigin.put(group.displayName(), view.id);
        } else {
          DirectoryGroup union = union(existing, built);
          if (!union.equals(existing)) {
            warnings.add("local group " + group.displayName() + " has other members in workspace " + view.id
                + " than in workspace " + groupOrigin.get(group.displayName()) + "; the account group gets them all");
          }
          groups.put(group.displayName(), union);
        }
      }
    }
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
    List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>(given.workspaceAssignments());
    Set<String> assigned = new HashSet<>();
    for (DirectoryWorkspaceAssignment assignment : assignments) {
      assigned.add(assignment.workspaceId() + "/" + assignment.principalKind() + "/" + assignment.principalName());
    }
    for (WorkspaceView view : views.values()) {
      if (!view.federated) {
        warnings.add("workspace " + view.id + " is not identity-federated: its principals are provisioned at account "
            + "level but cannot be assigned to it, so its workspace-level connector keeps running");
        continue;
      }
      for (PermissionAssignment assignment : view.assignments) {
        Optional<AssignedPrincipal> principal = assignment.principal();
        if (!principal.isPresent()) {
          continue;
        }
        WorkspacePermission permission = assignment.permissions().contains(WorkspacePermission.ADMIN)
            ? WorkspacePermission.ADMIN : WorkspacePermission.USER;
        PrincipalKind kind = null;
        String name = null;
        if (principal.get().userName().isPresent()) {
          name = principal.get().userName().get();
          kind = users.containsKey(name.toLowerCase(Locale.ROOT)) ? PrincipalKind.USER : null;
          name = kind == null ? name : users.get(name.toLowerCase(Locale.ROOT)).userName();
        } else if (principal.get().servicePrincipalName().isPresent()) {
          name = principal.get().servicePrincipalName().get();
          kind = servicePrincipals.containsKey(name) ? PrincipalKind.SERVICE_PRINCIPAL : null;
        } else if (principal.get().groupName().isPresent()) {
          name = principal.get().groupName().get();
          kind = groups.containsKey(name) ? PrincipalKind.GROUP : null;
        }
        if (name == null) {
          continue;
        }
        if (kind == null) {
          protectedNames.add(name);
        } else if (assigned.add(view.id + "/" + kind + "/" + name)) {
          assignments.add(DirectoryWorkspaceAssignment.of(view.id, kind, name, permission));
        }
      }
      for (Group group : view.groups) {
        if (migratable(group)) {
          warnings.add("workspace " + view.id + ": local group " + group.displayName() + " gets an account group, "
              + "which WorkspaceGroupMigration assigns after renaming the local group");
        }
      }
    }
    return Directory.builder().users(new ArrayList<>(users.values()))
        .servicePrincipals(new ArrayList<>(servicePrincipals.values())).groups(new ArrayList<>(groups.values()))
        .workspaceAssignments(assignments).build();
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

  private DirectoryGroup directoryGroup(Group group, WorkspaceView view, Map<String, String> names,
      List<String> warnings) {
    List<String> users = new ArrayList<>();
    List<String> servicePrincipals = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (ComplexValue member : group.members()) {
      String name = names.get(member.value().orElse(""));
      if (name == null) {
        warnings.add("workspace " + view.id + ": group " + group.displayName() + " has member "
            + member.value().orElse("?") + ", which is not a principal of the workspace; left out");
      } else if (name.startsWith("u:")) {
        users.add(name.substring(2));
      } else if (name.startsWith("s:")) {
        servicePrincipals.add(name.substring(2));
      } else {
        groups.add(name.substring(2));
      }
    }
    DirectoryGroup.Builder builder = DirectoryGroup.builder(group.displayName()).memberUsers(users)
        .memberServicePrincipals(servicePrincipals).memberGroups(groups);
    group.externalId().ifPresent(builder::externalId);
    return builder.build();
  }

  private static DirectoryGroup union(DirectoryGroup a, DirectoryGroup b) {
    return a.toBuilder().memberUsers(unionOf(a.memberUsers(), b.memberUsers()))
        .memberServicePrincipals(unionOf(a.memberServicePrincipals(), b.memberServicePrincipals()))
        .memberGroups(unionOf(a.memberGroups(), b.memberGroups())).build();
  }

  private static List<String> unionOf(List<String> a, List<String> b) {
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return new ArrayList<>(union);
  }

  private static DirectoryUser directoryUser(User user) {
    DirectoryUser.Builder builder = DirectoryUser.builder(user.userName()).active(user.active().orElse(true));
    user.displayName().ifPresent(builder::displayName);
    user.externalId().ifPresent(builder::externalId);
    user.name().flatMap(Name::givenName).ifPresent(builder::givenName);
    user.name().flatMap(Name::familyName).ifPresent(builder::familyName);
    return builder.build();
  }

  private static DirectoryServicePrincipal directoryServicePrincipal(ServicePrincipal sp) {
    DirectoryServicePrincipal.Builder builder = DirectoryServicePrincipal.builder(sp.applicationId().get())
        .active(sp.active().orElse(true));
    sp.displayName().ifPresent(builder::displayName);
    sp.externalId().ifPresent(builder::externalId);
    return builder.build();
  }

  // ---------------------------------------------------------------------------------------------------- verdicts

  private WorkspaceConnectorStatus status(WorkspaceView view, AccountView accounts) {
    int provisioned = 0;
    List<String> uncovered = new ArrayList<>();
    List<String> localGroups = new ArrayList<>();
    for (User user : view.users) {
      if (user.externalId().isPresent()) {
        provisioned++;
        if (!user.externalId().equals(accounts.users.getOrDefault(user.userName().toLowerCase(Locale.ROOT),
            Optional.empty()))) {
          uncovered.add("user:" + user.userName());
        }
      }
    }
    for (ServicePrincipal sp : view.servicePrincipals) {
      if (sp.externalId().isPresent() && sp.applicationId().isPresent()) {
        provisioned++;
        if (!sp.externalId().equals(accounts.servicePrincipals.getOrDefault(sp.applicationId().get(),
            Optional.empty()))) {
          uncovered.add("service-principal:" + sp.applicationId().get());
        }
      }
    }
    for (Group group : view.groups) {
      if (group.externalId().isPresent() && !BUILT_IN.contains(group.displayName())
          && !(group.workspaceLocal() && group.displayName().startsWith(ignoredGroupPrefix))) {
        provisioned++;
        if (!group.externalId().equals(accounts.groups.getOrDefault(group.displayName(), Optional.empty()))) {
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

    private Builder() {}

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
     * @throws IllegalStateException when no workspace was added
     */
    public WorkspaceToAccountMigration build() {
      return new WorkspaceToAccountMigration(this);
    }
  }
}
