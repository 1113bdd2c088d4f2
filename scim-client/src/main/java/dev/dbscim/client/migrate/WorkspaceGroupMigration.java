package dev.dbscim.client.migrate;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.ScimConflictException;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.migrate.GroupMigrationResult.Outcome;
import dev.dbscim.client.migrate.PlannedGroupMigration.Member;
import dev.dbscim.client.migrate.PlannedGroupMigration.Status;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.SyncCancellation;
import dev.dbscim.client.sync.SyncProgress;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.PatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
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

/**
 * Moves the workspace-local groups of one identity-federated workspace to account groups, the way databrickslabs/ucx
 * does: for each local group ({@code meta.resourceType} {@code WorkspaceGroup}; the built-in {@code users} and
 * {@code admins} are left alone), children before the groups that contain them, it
 * <ol>
 *   <li>creates the account group with the same name and members (users and service principals mapped to the account
 *       principals with the same {@code userName} or {@code applicationId}, nested local groups to their migrated
 *       account groups), or uses an existing account group of that name whose members match (one whose members differ
 *       is a name clash, skipped unless {@link GroupMigrationOptions#mergeOnNameClash()});</li>
 *   <li>renames the local group to {@link GroupMigrationOptions#renamePrefix()} plus its name, at most
 *       {@link GroupMigrationOptions#renamesPerMinute()} per minute, and waits until workspace group lists show the
 *       new name (renames are eventually consistent);</li>
 *   <li>assigns the account group to the workspace with the local group's permission ({@code ADMIN} for members of
 *       the workspace's {@code admins} group, otherwise {@code USER});</li>
 *   <li>moves the local group's permissions to the account group with the permission migration API
 *       ({@link ScimWorkspaceClient#migratePermissions(long, String, String, int)}), until it answers 0;</li>
 *   <li>only with {@link GroupMigrationOptions#dangerouslyDeleteLocalGroups()}, and after checking that the account
 *       group is visible in the workspace with every member and that the permission migration API moves nothing
 *       more, deletes the renamed local group.</li>
 * </ol>
 * Every step is checked before the next. {@link #plan()} only reads (a dry run); {@link #apply(GroupMigrationPlan)}
 * observes again and runs what is left. No state is kept between runs: the progress is read from the workspace and the
 * account (renamed local groups, existing account groups, assignments), so a run interrupted at any point is resumed by
 * running the migration again.
 *
 * <p>Account groups can be assigned only to workspaces with identity federation. The plan treats a workspace whose
 * account-level permission assignments cannot be read, or are empty, as not federated and blocks every group.
 *
 * <pre>{@code
 * WorkspaceGroupMigration migration = WorkspaceGroupMigration.builder()
 *     .accountClient(account)
 *     .workspaceClient(workspace)
 *     .workspaceId(1234567890L)
 *     .options(GroupMigrationOptions.builder().renamePrefix("db-temp-").build())
 *     .build();
 * GroupMigrationPlan plan = migration.plan();        // reads only
 * System.out.println(plan.summary() + plan.table());
 * GroupMigrationReport report = migration.apply(plan);
 * System.out.println(report.summary());
 * }</pre>
 *
 * <p>Instances are immutable; they do not own the clients. Run one migration per workspace at a time.
 */
public final class WorkspaceGroupMigration {
  private static final System.Logger LOG = System.getLogger(WorkspaceGroupMigration.class.getName());
  private static final Set<String> BUILT_IN = new HashSet<>(Arrays.asList("users", "admins", "account users"));

  private final ScimAccountClient account;
  private final ScimWorkspaceClient workspace;
  private final long workspaceId;
  private final GroupMigrationOptions options;
  private final Clock clock;
  private final Sleeper sleeper;
  private final GroupMigrationListener listener;

  private WorkspaceGroupMigration(Builder builder) {
    this.account = Objects.requireNonNull(builder.account, "accountClient");
    this.workspace = Objects.requireNonNull(builder.workspace, "workspaceClient");
    if (builder.workspaceId == null) {
      throw new IllegalStateException("workspaceId is required");
    }
    this.workspaceId = builder.workspaceId;
    this.options = builder.options;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.listener = builder.listener;
  }

  /**
   * Returns a builder; the account client, the workspace client and the workspace id are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the workspace id.
   *
   * @return the workspace id
   */
  public long workspaceId() {
    return workspaceId;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public GroupMigrationOptions options() {
    return options;
  }

  /**
   * Reads the workspace and the account and plans the migration. Sends only reads.
   *
   * @return the plan
   * @throws ScimException when a read fails
   */
  public GroupMigrationPlan plan() {
    return plan(observe(), options.dangerouslyDeleteLocalGroups());
  }

  /**
   * Applies the plan; the same as {@link #apply(GroupMigrationPlan, SyncCancellation)} with a handle nobody cancels
   * (interrupting the calling thread still stops it).
   *
   * @param plan a plan made by this migration (or read back with {@link GroupMigrationPlan#fromJson(String)})
   * @return the report
   * @throws IllegalArgumentException when the plan is for another workspace, or its deletion setting differs from
   *     the options
   * @throws ScimException when observing fails
   */
  public GroupMigrationReport apply(GroupMigrationPlan plan) {
    return apply(plan, SyncCancellation.create());
  }

  /**
   * Observes the workspace and the account again and runs what is left of the plan's groups, group by group, each
   * step checked before the next. Groups the plan did not have steps for are not touched. A failed step stops its
   * group (and the groups containing it); the others go on. Running the migration again continues where it stopped.
   * The {@linkplain Builder#listener listener} hears about each group as its work ends.
   *
   * <p>Stopping: when {@code cancellation} is cancelled (from a shutdown hook on Ctrl-C, say) or the calling thread is
   * interrupted, no new group and no new step starts; a request already sent finishes, a wait for the rename pacing
   * or for a rename to show ends at once. This method then returns (it does not throw) a partial report whose
   * {@link GroupMigrationReport#interrupted()} is true; the groups not finished are
   * {@link Outcome#NOT_RUN NOT_RUN} with the steps they completed. Running the migration again continues and creates
   * nothing twice.
   *
   * @param plan a plan made by this migration (or read back with {@link GroupMigrationPlan#fromJson(String)})
   * @param cancellation the handle that stops this run when cancelled
   * @return the report, partial when stopped
   * @throws IllegalArgumentException when the plan is for another workspace, or its deletion setting differs from
   *     the options
   * @throws ScimException when observing fails
   */
  public GroupMigrationReport apply(GroupMigrationPlan plan, SyncCancellation cancellation) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(cancellation, "cancellation");
    if (plan.workspaceId() != workspaceId) {
      throw new IllegalArgumentException("the plan is for workspace " + plan.workspaceId() + ", not " + workspaceId);
    }
    if (plan.deletesLocalGroups() != options.dangerouslyDeleteLocalGroups()
        || !plan.renamePrefix().equals(options.renamePrefix())) {
      throw new IllegalArgumentException("the plan was made with other options (deletion or rename prefix)");
    }
    Instant startedAt = clock.instant();
    Observed observed = observe();
    GroupMigrationPlan fresh = plan(observed, plan.deletesLocalGroups());
    Set<String> selected = new HashSet<>();
    for (PlannedGroupMigration group : plan.groups()) {
      if (group.actionable()) {
        selected.add(group.name());
      }
    }
    Run run = new Run(observed, startedAt, fresh, selected);
    Runnable unregister = cancellation.onCancel(run::cancel);
    try {
      return applyAll(run, fresh, selected);
    } finally {
      unregister.run();
    }
  }

  /**
   * Returns how long applying the plan takes at least at the limits: its renames go out at
   * {@link GroupMigrationOptions#renamesPerMinute()}, so {@code R} renames take {@code (R - 1) x 60 s / renamesPerMinute}
   * (with the default 10 a minute, 6 s per rename after the first). Not included: the time each rename takes to show
   * in workspace group lists (the run waits for it, polling every {@link GroupMigrationOptions#pollInterval()}, up to
   * {@link GroupMigrationOptions#renameTimeout()}); a rename that takes longer than the pacing interval to show
   * stretches each group to that time. The other requests (about ten per group) are paced by the clients' rate
   * limits, well above this rate, and add little.
   *
   * @param plan the plan
   * @return the lower bound; zero when the plan renames at most one group
   */
  public Duration estimatedDuration(GroupMigrationPlan plan) {
    return renameInterval().multipliedBy(Math.max(0, renames(plan) - 1));
  }

  /**
   * Returns how many groups applying the plan renames.
   *
   * @param plan the plan
   * @return the number of renames
   */
  public static int renames(GroupMigrationPlan plan) {
    int renames = 0;
    for (PlannedGroupMigration group : plan.groups()) {
      if (group.actionable() && group.steps().contains(GroupMigrationStep.RENAME_LOCAL_GROUP)) {
        renames++;
      }
    }
    return renames;
  }

  private Duration renameInterval() {
    return Duration.ofMinutes(1).dividedBy(options.renamesPerMinute());
  }

  private static boolean runs(PlannedGroupMigration group, Set<String> selected) {
    return (group.status() == Status.MIGRATE || group.status() == Status.RESUME) && selected.contains(group.name());
  }

  private GroupMigrationReport applyAll(Run run, GroupMigrationPlan fresh, Set<String> selected) {
    Map<String, GroupMigrationResult> results = new LinkedHashMap<>();
    List<PlannedGroupMigration> toDelete = new ArrayList<>();
    Set<String> unfinished = new HashSet<>();
    for (PlannedGroupMigration group : fresh.groups()) {
      GroupMigrationResult result;
      if (run.stopped || run.cancelled()) {
        run.stopped = true;
        result = result(group, Outcome.NOT_RUN, Collections.emptyList(), null, "the run was interrupted");
      } else if (group.status() == Status.DONE) {
        result = result(group, Outcome.ALREADY_DONE, Collections.emptyList(), null, group.reason().orElse(null));
      } else if (group.status() == Status.NAME_CLASH) {
        result = result(group, Outcome.SKIPPED, Collections.emptyList(), null, group.reason().orElse(null));
      } else if (group.status() == Status.BLOCKED) {
        result = result(group, Outcome.BLOCKED, Collections.emptyList(), null, group.reason().orElse(null));
      } else if (!selected.contains(group.name())) {
        result = result(group, Outcome.SKIPPED, Collections.emptyList(), null, "not in the plan that was applied");
      } else {
        String blockedBy = null;
        for (Member member : group.memberRefs()) {
          if (member.kind() == PrincipalKind.GROUP && unfinished.contains(member.name())) {
            blockedBy = member.name();
          }
        }
        result = blockedBy != null
            ? result(group, Outcome.BLOCKED, Collections.emptyList(), null,
                "member group " + blockedBy + " did not migrate in this run")
            : run.migrate(group);
        boolean ready = result.outcome() == Outcome.MIGRATED || result.outcome() == Outcome.ALREADY_DONE;
        if (ready && group.steps().contains(GroupMigrationStep.DELETE_LOCAL_GROUP)) {
          toDelete.add(group);
        } else if (result.outcome() != Outcome.NOT_RUN) {
          run.groupDone(group, result);
        }
      }
      if (result.outcome() != Outcome.MIGRATED && result.outcome() != Outcome.ALREADY_DONE) {
        unfinished.add(group.name());
      }
      results.put(group.name(), result);
    }
    // Parents first, so no local group loses a nested member before its own migration is complete.
    Collections.reverse(toDelete);
    for (PlannedGroupMigration group : toDelete) {
      GroupMigrationResult before = results.get(group.name());
      if (run.stopped || run.cancelled()) {
        run.stopped = true;
        results.put(group.name(), result(group, Outcome.NOT_RUN, before.completedSteps(), null,
            "the run was interrupted before deletion"));
        continue;
      }
      GroupMigrationResult result = run.delete(group, before);
      results.put(group.name(), result);
      if (result.outcome() != Outcome.NOT_RUN) {
        run.groupDone(group, result);
      }
    }
    return new GroupMigrationReport(workspaceId, new ArrayList<>(results.values()), run.startedAt, clock.instant(),
        run.stopped);
  }

  /**
   * Plans and applies in one call; see {@link #plan()} and {@link #apply(GroupMigrationPlan)}.
   *
   * @return the report
   */
  public GroupMigrationReport run() {
    return apply(plan());
  }

  private static GroupMigrationResult result(PlannedGroupMigration group, Outcome outcome,
      List<GroupMigrationStep> done, GroupMigrationStep failed, String detail) {
    return GroupMigrationResult.of(group.name(), outcome, done, failed, group.accountGroupId().orElse(null), detail);
  }

  // ---------------------------------------------------------------------------------------------------- observing

  /** What planning reads: the workspace's groups, users and service principals, and the account's. */
  private static final class Observed {
    final Map<String, Group> workspaceGroups = new LinkedHashMap<>();
    final Map<String, String> workspaceUsers = new HashMap<>();
    final Map<String, String> workspaceServicePrincipals = new HashMap<>();
    final Map<String, String> accountUsers = new HashMap<>();
    final Map<String, String> accountServicePrincipals = new HashMap<>();
    final Map<String, String> accountGroups = new HashMap<>();
    final Map<String, Set<String>> accountGroupMembers = new HashMap<>();
    final Map<String, List<WorkspacePermission>> assignments = new HashMap<>();
    String federationProblem;
  }

  private Observed observe() {
    Observed observed = new Observed();
    int pageSize = options.pageSize();
    for (Group group : workspace.groups().list(q -> q.count(pageSize))) {
      observed.workspaceGroups.put(group.id().orElse(""), group);
    }
    for (User user : workspace.users().list(q -> q.attributes("id", "userName").count(pageSize))) {
      observed.workspaceUsers.put(user.id().orElse(""), user.userName());
    }
    for (ServicePrincipal sp : workspace.servicePrincipals()
        .list(q -> q.attributes("id", "applicationId").count(pageSize))) {
      sp.applicationId().ifPresent(app -> observed.workspaceServicePrincipals.put(sp.id().orElse(""), app));
    }
    for (User user : account.users().list(q -> q.attributes("id", "userName").count(pageSize))) {
      observed.accountUsers.put(user.userName().toLowerCase(Locale.ROOT), user.id().orElse(""));
    }
    for (ServicePrincipal sp : account.servicePrincipals()
        .list(q -> q.attributes("id", "applicationId").count(pageSize))) {
      sp.applicationId().ifPresent(app -> observed.accountServicePrincipals.put(app, sp.id().orElse("")));
    }
    for (Group group : account.groups().list(q -> q.attributes("id", "displayName").count(pageSize))) {
      observed.accountGroups.put(group.displayName(), group.id().orElse(""));
    }
    try {
      List<PermissionAssignment> assignments = account.workspaceAssignments().list(workspaceId);
      for (PermissionAssignment assignment : assignments) {
        assignment.principal().ifPresent(principal -> principal.principalId().ifPresent(
            id -> observed.assignments.put(Long.toString(id), assignment.permissions())));
      }
      if (assignments.isEmpty()) {
        observed.federationProblem = "workspace " + workspaceId + " has no account-level permission assignments, so "
            + "it looks not enabled for identity federation; account groups cannot be assigned to it";
      }
    } catch (ScimServiceException e) {
      observed.federationProblem = "the account-level permission assignments of workspace " + workspaceId
          + " cannot be read (" + e.status() + "); without identity federation account groups cannot be assigned";
    }
    return observed;
  }

  private Set<String> accountMembers(Observed observed, String accountGroupId) {
    Set<String> members = observed.accountGroupMembers.get(accountGroupId);
    if (members == null) {
      members = memberIds(account.groups().get(accountGroupId));
      observed.accountGroupMembers.put(accountGroupId, members);
    }
    return members;
  }

  private static Set<String> memberIds(Group group) {
    Set<String> ids = new LinkedHashSet<>();
    for (ComplexValue member : group.members()) {
      member.value().ifPresent(ids::add);
    }
    return ids;
  }

  // ---------------------------------------------------------------------------------------------------- planning

  private GroupMigrationPlan plan(Observed observed, boolean delete) {
    String prefix = options.renamePrefix();
    Map<String, Group> unrenamed = new LinkedHashMap<>();
    Map<String, Group> renamed = new LinkedHashMap<>();
    Map<String, String> originalNameById = new HashMap<>();
    Set<String> admins = new HashSet<>();
    for (Group group : observed.workspaceGroups.values()) {
      if (!group.workspaceLocal()) {
        continue;
      }
      if (group.displayName().equals("admins")) {
        admins.addAll(memberIds(group));
      }
      if (BUILT_IN.contains(group.displayName())) {
        continue;
      }
      String name = group.displayName();
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        renamed.put(name.substring(prefix.length()), group);
        originalNameById.put(group.id().orElse(""), name.substring(prefix.length()));
      } else {
        unrenamed.put(name, group);
        originalNameById.put(group.id().orElse(""), name);
      }
    }
    Set<String> names = new LinkedHashSet<>(unrenamed.keySet());
    names.addAll(renamed.keySet());
    List<String> warnings = new ArrayList<>();
    if (observed.federationProblem != null) {
      warnings.add(observed.federationProblem);
    }
    Map<String, PlannedGroupMigration> planned = new LinkedHashMap<>();
    Set<String> visiting = new HashSet<>();
    for (String name : names) {
      planGroup(name, observed, unrenamed, renamed, originalNameById, admins, delete, planned, visiting);
    }
    if (delete) {
      warnings.add("renamed local groups are deleted after validation; a group is kept (and reported failed) "
          + "unless the permission migration API confirms that no permission is left on it");
    }
    return GroupMigrationPlan.of(workspaceId, clock.instant(), prefix, delete, new ArrayList<>(planned.values()),
        warnings);
  }

  private PlannedGroupMigration planGroup(String name, Observed observed, Map<String, Group> unrenamed,
      Map<String, Group> renamed, Map<String, String> originalNameById, Set<String> admins, boolean delete,
      Map<String, PlannedGroupMigration> planned, Set<String> visiting) {
    PlannedGroupMigration done = planned.get(name);
    if (done != null) {
      return done;
    }
    Group local = unrenamed.get(name);
    Group backup = renamed.get(name);
    Group group = local != null ? local : backup;
    String localId = group.id().orElse("");
    WorkspacePermission permission = admins.contains(localId) ? WorkspacePermission.ADMIN : WorkspacePermission.USER;
    visiting.add(name);
    List<Member> members = new ArrayList<>();
    String blocked = null;
    for (ComplexValue member : group.members()) {
      String id = member.value().orElse("");
      if (observed.workspaceUsers.containsKey(id)) {
        String userName = observed.workspaceUsers.get(id);
        members.add(Member.of(PrincipalKind.USER, userName));
        if (!observed.accountUsers.containsKey(userName.toLowerCase(Locale.ROOT))) {
          blocked = "member user " + userName + " has no account user";
        }
      } else if (observed.workspaceServicePrincipals.containsKey(id)) {
        String applicationId = observed.workspaceServicePrincipals.get(id);
        members.add(Member.of(PrincipalKind.SERVICE_PRINCIPAL, applicationId));
        if (!observed.accountServicePrincipals.containsKey(applicationId)) {
          blocked = "member service principal " + applicationId + " has no account service principal";
        }
      } else if (originalNameById.containsKey(id)) {
        String child = originalNameById.get(id);
        members.add(Member.of(PrincipalKind.GROUP, child));
        if (visiting.contains(child)) {
          blocked = "nested groups form a cycle through " + child;
          continue;
        }
        PlannedGroupMigration childPlan = planGroup(child, observed, unrenamed, renamed, originalNameById, admins,
            delete, planned, visiting);
        if (childPlan.status() == Status.BLOCKED || childPlan.status() == Status.NAME_CLASH) {
          blocked = "member group " + child + " cannot be migrated";
        }
      } else if (observed.workspaceGroups.containsKey(id) && !observed.workspaceGroups.get(id).workspaceLocal()) {
        String accountGroup = observed.workspaceGroups.get(id).displayName();
        members.add(Member.of(PrincipalKind.GROUP, accountGroup));
      } else {
        blocked = "member " + id + " is not a user, service principal or group of the workspace";
      }
    }
    visiting.remove(name);
    String accountGroupId = observed.accountGroups.get(name);
    PlannedGroupMigration result;
    if (local != null && backup != null) {
      result = PlannedGroupMigration.of(name, localId, name, Status.BLOCKED, accountGroupId, permission, members,
          Collections.emptyList(), "both " + name + " and " + options.renamePrefix() + name + " exist as local groups");
    } else if (observed.federationProblem != null) {
      result = PlannedGroupMigration.of(name, localId, group.displayName(), Status.BLOCKED, accountGroupId,
          permission, members, Collections.emptyList(), "workspace is not identity-federated");
    } else if (blocked != null) {
      result = PlannedGroupMigration.of(name, localId, group.displayName(), Status.BLOCKED, accountGroupId,
          permission, members, Collections.emptyList(), blocked);
    } else {
      result = planSteps(name, group, local != null, observed, permission, members, delete);
    }
    planned.put(name, result);
    return result;
  }

  private PlannedGroupMigration planSteps(String name, Group group, boolean unrenamed, Observed observed,
      WorkspacePermission permission, List<Member> members, boolean delete) {
    String localId = group.id().orElse("");
    String accountGroupId = observed.accountGroups.get(name);
    List<GroupMigrationStep> steps = new ArrayList<>();
    String reason = null;
    boolean progress = !unrenamed;
    if (accountGroupId == null) {
      steps.add(GroupMigrationStep.CREATE_ACCOUNT_GROUP);
    } else {
      Set<String> wanted = new HashSet<>();
      boolean unresolved = false;
      for (Member member : members) {
        String id = resolve(observed, member);
        if (id == null) {
          unresolved = true;
        } else {
          wanted.add(id);
        }
      }
      Set<String> actual = accountMembers(observed, accountGroupId);
      Set<String> missing = new HashSet<>(wanted);
      missing.removeAll(actual);
      Set<String> extra = new HashSet<>(actual);
      extra.removeAll(wanted);
      boolean differs = unresolved || !missing.isEmpty() || !extra.isEmpty();
      if (differs && unrenamed && !options.mergeOnNameClash()) {
        return PlannedGroupMigration.of(name, localId, group.displayName(), Status.NAME_CLASH, accountGroupId,
            permission, members, Collections.emptyList(), "account group " + name + " exists with other members ("
            + (missing.size() + (unresolved ? 1 : 0)) + " missing, " + extra.size()
            + " extra); enable mergeOnNameClash to add the local members to it");
      }
      if (unresolved || !missing.isEmpty()) {
        steps.add(GroupMigrationStep.ADD_MEMBERS);
        reason = unrenamed ? "merging into the existing account group" : null;
      } else if (unrenamed) {
        // No state file: an account group with this name and exactly these members is what a run stopped after
        // creating it leaves, so the group resumes. One made otherwise the same way is used the same way.
        reason = "the account group exists with exactly these members (as a run stopped after creating it leaves "
            + "it); it is used, nothing is created";
      }
      if (!unrenamed || !differs || observed.assignments.containsKey(accountGroupId)) {
        progress = true;
      }
    }
    if (unrenamed) {
      steps.add(GroupMigrationStep.RENAME_LOCAL_GROUP);
    }
    List<WorkspacePermission> assigned = accountGroupId == null ? null : observed.assignments.get(accountGroupId);
    if (assigned == null || !(assigned.contains(permission) || assigned.contains(WorkspacePermission.ADMIN))) {
      steps.add(GroupMigrationStep.ASSIGN_ACCOUNT_GROUP);
    }
    boolean onlyPermissions = steps.isEmpty();
    steps.add(GroupMigrationStep.MIGRATE_PERMISSIONS);
    if (delete) {
      steps.add(GroupMigrationStep.DELETE_LOCAL_GROUP);
    }
    Status status = progress ? Status.RESUME : Status.MIGRATE;
    if (onlyPermissions) {
      reason = "renamed to " + group.displayName() + " and assigned by an earlier run; permissions left on it, if any, "
          + "are moved (one request when none is)";
    }
    return PlannedGroupMigration.of(name, localId, group.displayName(), status, accountGroupId, permission, members,
        steps, reason);
  }

  private static String resolve(Observed observed, Member member) {
    switch (member.kind()) {
      case USER:
        return observed.accountUsers.get(member.name().toLowerCase(Locale.ROOT));
      case SERVICE_PRINCIPAL:
        return observed.accountServicePrincipals.get(member.name());
      default:
        return observed.accountGroups.get(member.name());
    }
  }

  // ---------------------------------------------------------------------------------------------------- applying

  /** A step that failed or could not be checked. */
  private static final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** Ends a group's work when the run is cancelled: no new step starts. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  /** One apply: the observed state it keeps up to date, the rename pacing, the progress and the stop request. */
  private final class Run {
    final Observed observed;
    final Instant startedAt;
    Instant nextRename = Instant.MIN;
    boolean stopped;
    private final int total;
    private int done;
    private int failed;
    private int renamesLeft;
    private final Object lock = new Object();
    private boolean cancelled;
    private Thread waiting;

    Run(Observed observed, Instant startedAt, GroupMigrationPlan fresh, Set<String> selected) {
      this.observed = observed;
      this.startedAt = startedAt;
      int groups = 0;
      for (PlannedGroupMigration group : fresh.groups()) {
        if (runs(group, selected)) {
          groups++;
          if (group.steps().contains(GroupMigrationStep.RENAME_LOCAL_GROUP)) {
            renamesLeft++;
          }
        }
      }
      this.total = groups;
    }

    /** Asks the run to stop: no new group or step starts, and a wait in {@link #pause} ends at once. */
    void cancel() {
      synchronized (lock) {
        cancelled = true;
        if (waiting != null) {
          waiting.interrupt();
        }
      }
    }

    boolean cancelled() {
      synchronized (lock) {
        return cancelled;
      }
    }

    private void stopIfCancelled() {
      if (cancelled()) {
        throw new Stopped();
      }
    }

    /**
     * Waits with the sleeper unless the run is cancelled meanwhile (then throws {@link Stopped}, with this thread's
     * interrupt flag, which {@link #cancel()} may have set, cleared). Only a wait is ever interrupted by a cancel,
     * never a request.
     */
    private void pause(Duration duration) throws InterruptedException {
      synchronized (lock) {
        if (cancelled) {
          throw new Stopped();
        }
        waiting = Thread.currentThread();
      }
      try {
        sleeper.sleep(duration);
      } catch (InterruptedException e) {
        if (!cancelled()) {
          throw e;
        }
      } finally {
        synchronized (lock) {
          waiting = null;
        }
      }
      if (cancelled()) {
        Thread.interrupted();
        throw new Stopped();
      }
    }

    /** Counts a group whose work in this run ended and tells the listener. */
    void groupDone(PlannedGroupMigration group, GroupMigrationResult result) {
      done++;
      if (result.outcome() == Outcome.FAILED || result.outcome() == Outcome.BLOCKED) {
        failed++;
      }
      if (group.steps().contains(GroupMigrationStep.RENAME_LOCAL_GROUP) && renamesLeft > 0) {
        renamesLeft--;
      }
      Instant now = clock.instant();
      Duration pacingLeft = Duration.ZERO;
      if (renamesLeft > 0) {
        Duration untilNext = nextRename.isAfter(now) ? Duration.between(now, nextRename) : Duration.ZERO;
        pacingLeft = untilNext.plus(renameInterval().multipliedBy(renamesLeft - 1L));
      }
      SyncProgress progress = SyncProgress.of(done, total, failed, Duration.between(startedAt, now), pacingLeft);
      try {
        listener.onGroupDone(result, progress);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "group migration listener failed; the migration goes on", e);
      }
    }

    GroupMigrationResult migrate(PlannedGroupMigration group) {
      List<GroupMigrationStep> done = new ArrayList<>();
      long[] moved = {0};
      String accountGroupId = group.accountGroupId().orElse(null);
      for (GroupMigrationStep step : group.steps()) {
        if (step == GroupMigrationStep.DELETE_LOCAL_GROUP) {
          continue;
        }
        try {
          stopIfCancelled();
          switch (step) {
            case CREATE_ACCOUNT_GROUP:
              accountGroupId = createAccountGroup(group);
              break;
            case ADD_MEMBERS:
              addMembers(group, accountGroupId);
              break;
            case RENAME_LOCAL_GROUP:
              rename(group);
              break;
            case MIGRATE_PERMISSIONS:
              migratePermissions(group, moved);
              break;
            default:
              assign(group, accountGroupId);
              break;
          }
          LOG.log(System.Logger.Level.DEBUG, "group migration: {0} {1} done", group.name(), step);
          done.add(step);
        } catch (StepFailure | ScimException e) {
          return GroupMigrationResult.of(group.name(), Outcome.FAILED, done, step, accountGroupId, e.getMessage(),
              moved[0]);
        } catch (Stopped e) {
          stopped = true;
          return GroupMigrationResult.of(group.name(), Outcome.NOT_RUN, done, step, accountGroupId,
              "the run was interrupted at this step; run the migration again to continue", moved[0]);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped = true;
          return GroupMigrationResult.of(group.name(), Outcome.NOT_RUN, done, step, accountGroupId,
              "interrupted", moved[0]);
        }
      }
      boolean onlyChecked = moved[0] == 0 && done.equals(Collections.singletonList(
          GroupMigrationStep.MIGRATE_PERMISSIONS));
      return onlyChecked
          ? GroupMigrationResult.of(group.name(), Outcome.ALREADY_DONE, done, null, accountGroupId,
              "no permission left on " + options.renamePrefix() + group.name())
          : GroupMigrationResult.of(group.name(), Outcome.MIGRATED, done, null, accountGroupId,
              group.reason().orElse(null), moved[0]);
    }

    /**
     * Calls the permission migration API until it answers 0, adding what moves to {@code moved[0]} as it goes, so
     * an interrupted or failed step still reports what it moved. A re-run continues: the API moves what is left.
     */
    private void migratePermissions(PlannedGroupMigration group, long[] moved) throws InterruptedException {
      String from = options.renamePrefix() + group.name();
      while (true) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        stopIfCancelled();
        long batch = workspace.migratePermissions(workspaceId, from, group.name(), options.permissionBatchSize());
        if (batch <= 0) {
          return;
        }
        moved[0] += batch;
        LOG.log(System.Logger.Level.DEBUG, "group migration: {0} permissions moved from {1} so far", moved[0], from);
      }
    }

    GroupMigrationResult delete(PlannedGroupMigration group, GroupMigrationResult before) {
      List<GroupMigrationStep> done = new ArrayList<>(before.completedSteps());
      long[] moved = {before.permissionsMigrated()};
      String accountGroupId = before.accountGroupId().orElse(observed.accountGroups.get(group.name()));
      try {
        Group visible = workspace.groups().find(accountGroupId)
            .orElseThrow(() -> new StepFailure("account group " + group.name() + " is not visible in the workspace"));
        if (visible.workspaceLocal()) {
          throw new StepFailure("group " + accountGroupId + " in the workspace is not the account group");
        }
        Set<String> missing = new HashSet<>(wantedIds(group));
        missing.removeAll(memberIds(visible));
        if (!missing.isEmpty()) {
          throw new StepFailure("the account group lacks " + missing.size() + " member(s) in the workspace view");
        }
        try {
          migratePermissions(group, moved);
        } catch (ScimException e) {
          throw new StepFailure("not deleted: the permission migration API could not confirm that no permission is "
              + "left on " + options.renamePrefix() + group.name() + " (" + e.getMessage() + "); the local group "
              + "is kept");
        }
        try {
          workspace.groups().delete(group.localGroupId());
        } catch (ScimNotFoundException e) {
          LOG.log(System.Logger.Level.DEBUG, "group migration: local group {0} was already gone", group.name());
        }
        if (workspace.groups().find(group.localGroupId()).isPresent()) {
          throw new StepFailure("the local group is still there after its deletion");
        }
        done.add(GroupMigrationStep.DELETE_LOCAL_GROUP);
        return GroupMigrationResult.of(group.name(), Outcome.MIGRATED, done, null, accountGroupId, null, moved[0]);
      } catch (StepFailure | ScimException e) {
        return GroupMigrationResult.of(group.name(), Outcome.FAILED, done, GroupMigrationStep.DELETE_LOCAL_GROUP,
            accountGroupId, e.getMessage(), moved[0]);
      } catch (Stopped e) {
        stopped = true;
        return GroupMigrationResult.of(group.name(), Outcome.NOT_RUN, done, GroupMigrationStep.DELETE_LOCAL_GROUP,
            accountGroupId, "the run was interrupted before deletion", moved[0]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
        return GroupMigrationResult.of(group.name(), Outcome.NOT_RUN, done, GroupMigrationStep.DELETE_LOCAL_GROUP,
            accountGroupId, "interrupted before deletion", moved[0]);
      }
    }

    private Set<String> wantedIds(PlannedGroupMigration group) {
      Set<String> ids = new LinkedHashSet<>();
      for (Member member : group.memberRefs()) {
        String id = resolve(observed, member);
        if (id == null) {
          throw new StepFailure("member " + member + " has no account principal");
        }
        ids.add(id);
      }
      return ids;
    }

    private String createAccountGroup(PlannedGroupMigration group) {
      Set<String> wanted = wantedIds(group);
      Optional<Group> existing = findAccountGroup(group.name());
      String id;
      if (existing.isPresent()) {
        id = existing.get().id().orElse("");
        LOG.log(System.Logger.Level.DEBUG, "group migration: account group {0} appeared; checking it", group.name());
      } else {
        Group.Builder builder = Group.builder().displayName(group.name());
        for (String member : wanted) {
          builder.addMembers(ComplexValue.of(member));
        }
        try {
          id = account.groups().create(builder.build()).id()
              .orElseThrow(() -> new StepFailure("the created account group has no id"));
        } catch (ScimConflictException e) {
          id = findAccountGroup(group.name()).flatMap(Group::id)
              .orElseThrow(() -> new StepFailure("account group " + group.name() + " conflicts but is not found"));
        }
      }
      observed.accountGroups.put(group.name(), id);
      Set<String> actual = memberIds(account.groups().get(id));
      observed.accountGroupMembers.put(id, actual);
      if (!actual.equals(wanted)) {
        Set<String> missing = new HashSet<>(wanted);
        missing.removeAll(actual);
        if (existing.isPresent() && !options.mergeOnNameClash()) {
          throw new StepFailure("account group " + group.name() + " appeared meanwhile with other members");
        }
        if (!missing.isEmpty()) {
          account.groups().addMembers(id, missing);
          checkMembers(id, wanted);
        }
      }
      return id;
    }

    private void addMembers(PlannedGroupMigration group, String accountGroupId) {
      Set<String> wanted = wantedIds(group);
      Set<String> missing = new HashSet<>(wanted);
      missing.removeAll(memberIds(account.groups().get(accountGroupId)));
      if (!missing.isEmpty()) {
        account.groups().addMembers(accountGroupId, missing);
      }
      checkMembers(accountGroupId, wanted);
    }

    private void checkMembers(String accountGroupId, Set<String> wanted) {
      Set<String> actual = memberIds(account.groups().get(accountGroupId));
      observed.accountGroupMembers.put(accountGroupId, actual);
      if (!actual.containsAll(wanted)) {
        throw new StepFailure("the account group does not show every member after the update");
      }
    }

    private Optional<Group> findAccountGroup(String name) {
      for (Group group : account.groups().list(q -> q.filter(Filter.attr("displayName").eq(name))
          .attributes("id", "displayName"))) {
        if (group.displayName().equals(name)) {
          return Optional.of(group);
        }
      }
      return Optional.empty();
    }

    private void rename(PlannedGroupMigration group) throws InterruptedException {
      String newName = options.renamePrefix() + group.name();
      Instant now = clock.instant();
      if (now.isBefore(nextRename)) {
        pause(Duration.between(now, nextRename));
        now = clock.instant();
      }
      stopIfCancelled();
      nextRename = (now.isAfter(nextRename) ? now : nextRename).plus(renameInterval());
      workspace.groups().patchWithoutReadBack(group.localGroupId(),
          PatchRequest.builder().replace("displayName", newName).build());
      Instant deadline = clock.instant().plus(options.renameTimeout());
      while (!listShows(group.localGroupId(), newName)) {
        if (!clock.instant().isBefore(deadline)) {
          throw new StepFailure("the rename to " + newName + " is not visible in the workspace group list after "
              + options.renameTimeout().getSeconds() + " s; run the migration again to continue");
        }
        pause(options.pollInterval());
      }
    }

    private boolean listShows(String groupId, String name) {
      for (Group group : workspace.groups().list(q -> q.filter(Filter.attr("displayName").eq(name))
          .attributes("id", "displayName"))) {
        if (groupId.equals(group.id().orElse(null)) && group.displayName().equals(name)) {
          return true;
        }
      }
      return false;
    }

    private void assign(PlannedGroupMigration group, String accountGroupId) {
      long principalId;
      try {
        principalId = Long.parseLong(accountGroupId);
      } catch (NumberFormatException e) {
        throw new StepFailure("account group id " + accountGroupId + " is not numeric");
      }
      PermissionAssignment assignment = account.workspaceAssignments().assign(workspaceId, principalId,
          EnumSet.of(group.permission()));
      if (assignment.error().isPresent()) {
        throw new StepFailure("the assignment failed: " + assignment.error().get());
      }
      for (PermissionAssignment current : account.workspaceAssignments().list(workspaceId)) {
        if (current.principal().isPresent() && current.principal().get().principalId().isPresent()
            && current.principal().get().principalId().getAsLong() == principalId
            && current.permissions().contains(group.permission())) {
          observed.assignments.put(accountGroupId, current.permissions());
          return;
        }
      }
      throw new StepFailure("the assignment is not listed after it was made");
    }
  }

  @Override
  public String toString() {
    return "WorkspaceGroupMigration{workspaceId=" + workspaceId + ", options=" + options + "}";
  }

  /** Builds a {@link WorkspaceGroupMigration}. */
  public static final class Builder {
    private ScimAccountClient account;
    private ScimWorkspaceClient workspace;
    private Long workspaceId;
    private GroupMigrationOptions options = GroupMigrationOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private GroupMigrationListener listener = GroupMigrationListener.none();

    private Builder() {}

    /**
     * Sets what hears about each group as a run finishes it, with the progress (groups done, time left); a command
     * line shows progress with it.
     *
     * @param listener the listener; default {@link GroupMigrationListener#none()}
     * @return this builder
     */
    public Builder listener(GroupMigrationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the account client (required): account groups are created and assigned through it.
     *
     * @param account the client, which the caller keeps and closes
     * @return this builder
     */
    public Builder accountClient(ScimAccountClient account) {
      this.account = Objects.requireNonNull(account, "account");
      return this;
    }

    /**
     * Sets the client of the workspace whose local groups move (required), authenticated as a workspace admin.
     *
     * @param workspace the client, which the caller keeps and closes
     * @return this builder
     */
    public Builder workspaceClient(ScimWorkspaceClient workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
      return this;
    }

    /**
     * Sets the workspace id (required), as in the workspace's URL ({@code ?o=...}) or the account console.
     *
     * @param workspaceId the workspace id
     * @return this builder
     */
    public Builder workspaceId(long workspaceId) {
      this.workspaceId = workspaceId;
      return this;
    }

    /**
     * Sets the options.
     *
     * @param options the options; default {@link GroupMigrationOptions#defaults()}
     * @return this builder
     */
    public Builder options(GroupMigrationOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the clock that paces renames and times out rename polling.
     *
     * @param clock the clock; default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how the migration waits between renames and polls; tests pass one that advances a fake clock.
     *
     * @param sleeper the sleeper; default {@link Sleeper#system()}
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Returns the migration.
     *
     * @return the migration
     * @throws NullPointerException when a client is missing
     * @throws IllegalStateException when the workspace id is missing
     */
    public WorkspaceGroupMigration build() {
      return new WorkspaceGroupMigration(this);
    }
  }
}
