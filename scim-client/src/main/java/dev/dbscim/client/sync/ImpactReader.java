package dev.dbscim.client.sync;

import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.api.WorkspaceObjectsApi;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.error.ScimTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads what a plan's removed principals (and, when asked, the principals losing access to a workspace) own or run:
 * each workspace once per kind of object, never once per principal, then indexes the objects by the principals they
 * are tied to. Where a workspace or a kind cannot be read, the plan says so rather than "owns nothing".
 */
final class ImpactReader {
  /** The kinds whose run-as users or managers only one call per object reveals, in reading order. */
  private static final List<WorkspaceObject.Kind> DETAIL_KINDS =
      Collections.unmodifiableList(Arrays.asList(WorkspaceObject.Kind.JOB, WorkspaceObject.Kind.LAKEVIEW_DASHBOARD));

  /** Orders a principal's objects by kind, then name, then id. */
  private static final Comparator<WorkspaceObject> OBJECT_ORDER = Comparator.comparing(WorkspaceObject::kind)
      .thenComparing(WorkspaceObject::name).thenComparing(WorkspaceObject::id);

  private ImpactReader() {}

  /** One workspace to read: its id (empty on a workspace target), its reads, and its one-object call pace. */
  static final class Source {
    private final OptionalLong workspaceId;
    private final WorkspaceObjectsApi objects;
    private final double detailCallsPerSecond;

    /**
     * Creates a source.
     *
     * @param workspaceId the workspace id, empty on a workspace target
     * @param objects the reads
     * @param detailCallsPerSecond the pace of one-object calls, 0 when the client sets none
     */
    Source(OptionalLong workspaceId, WorkspaceObjectsApi objects, double detailCallsPerSecond) {
      this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
      this.objects = Objects.requireNonNull(objects, "objects");
      if (!(detailCallsPerSecond >= 0) || Double.isInfinite(detailCallsPerSecond)) {
        throw new IllegalArgumentException("detailCallsPerSecond must be a finite number, 0 or more");
      }
      this.detailCallsPerSecond = detailCallsPerSecond;
    }

    String label() {
      return label(workspaceId);
    }

    static String label(OptionalLong workspaceId) {
      return ImpactText.workspace(workspaceId);
    }
  }

  /**
   * Reads what the plan's removed principals (and, with options.accessLosses(), the principals with a LOSE change in
   * a workspace, there only) own or run, and returns a PlanImpact builder with removals, warnings, listsRead,
   * detailRequests, deepReadCost and objectsRead(true) set (the engine adds asOf, access and losingAllAccess).
   * unconfigured: workspaces of the plan's access changes that have no Source (no client configured).
   */
  static ImmutablePlanImpact.Builder read(ImpactOptions options, List<Source> sources, Set<Long> unconfigured,
      List<PlannedOperation> operations, List<WorkspaceAccessChanges> access, ExecutorService executor) {
    ImmutablePlanImpact.Builder impact = PlanImpact.builder();
    if (!options.enabled()) {
      return impact.objectsRead(false)
          .addWarnings("what removals break was not read: impact reads are disabled in the options");
    }
    impact.objectsRead(true);
    List<Checked> checked = checkedPrincipals(options, operations, access);
    if (checked.isEmpty()) {
      return impact;
    }
    List<SourceRead> reads = new ArrayList<>();
    for (Source source : sources) {
      for (Checked principal : checked) {
        if (principal.covers(source.workspaceId)) {
          reads.add(new SourceRead(source));
          break;
        }
      }
    }
    Set<WorkspaceObject.Kind> kinds = EnumSet.copyOf(options.kinds());
    readLists(reads, kinds, executor);
    int detailRequests = options.deepReads() ? readDetails(reads, executor) : 0;

    int listsRead = 0;
    for (SourceRead read : reads) {
      listsRead += read.listed.size();
      read.index();
      impact.addAllWarnings(read.warnings());
      ImpactText.deepReadCost(read.source.label(), read.detailCounts(kinds), read.source.detailCallsPerSecond,
          options.deepReads()).ifPresent(impact::addDeepReadCost);
    }
    for (Long workspaceId : new TreeSet<>(unconfigured)) {
      impact.addWarnings(Source.label(OptionalLong.of(workspaceId)) + ": not read, no credentials configured");
    }
    for (Checked principal : checked) {
      impact.addRemovals(principal.impact(reads, unconfigured, access));
    }
    return impact.listsRead(listsRead).detailRequests(detailRequests);
  }

  /** Returns the principals to check, in plan order: removals first, then (when asked) access losses. */
  private static List<Checked> checkedPrincipals(ImpactOptions options, List<PlannedOperation> operations,
      List<WorkspaceAccessChanges> access) {
    Map<String, Checked> checked = new LinkedHashMap<>();
    for (PlannedOperation operation : operations) {
      PrincipalRef principal = operation.principal();
      if (operation.isRemoval() && principal.kind() != PrincipalKind.GROUP) {
        RemovalImpact.Cause cause = operation.action() == PlannedOperation.Action.DELETE
            ? RemovalImpact.Cause.DELETE : RemovalImpact.Cause.DEACTIVATE;
        checked.putIfAbsent(principal.key(), new Checked(principal, cause));
      }
    }
    if (options.accessLosses()) {
      for (WorkspaceAccessChanges workspace : access) {
        for (AccessChange change : workspace.changes()) {
          PrincipalRef principal = change.principal();
          if (change.direction() != AccessChange.Direction.LOSE || !change.removal().isEmpty()
              || principal.kind() == PrincipalKind.GROUP) {
            continue;
          }
          Checked loss = checked.computeIfAbsent(principal.key(),
              k -> new Checked(principal, RemovalImpact.Cause.ACCESS_LOSS));
          if (loss.cause == RemovalImpact.Cause.ACCESS_LOSS) {
            loss.workspaces.add(workspace.workspaceId());
          }
        }
      }
    }
    return new ArrayList<>(checked.values());
  }

  /** Runs every (workspace, kind) list concurrently, and records each as read or failed. */
  private static void readLists(List<SourceRead> reads, Set<WorkspaceObject.Kind> kinds, ExecutorService executor) {
    List<Future<List<WorkspaceObject>>> futures = new ArrayList<>();
    for (SourceRead read : reads) {
      for (WorkspaceObject.Kind kind : kinds) {
        futures.add(executor.submit(() -> read.source.objects.list(kind)));
      }
    }
    int next = 0;
    for (SourceRead read : reads) {
      for (WorkspaceObject.Kind kind : kinds) {
        Future<List<WorkspaceObject>> future = futures.get(next++);
        try {
          read.listed.put(kind, new ArrayList<>(await(future, futures)));
        } catch (ScimException e) {
          read.failed.put(kind, e);
        }
      }
    }
  }

  /** Calls {@code details} once per job and Lakeview dashboard listed, concurrently; returns the calls made. */
  private static int readDetails(List<SourceRead> reads, ExecutorService executor) {
    List<Future<WorkspaceObject>> futures = new ArrayList<>();
    for (SourceRead read : reads) {
      for (WorkspaceObject.Kind kind : DETAIL_KINDS) {
        for (WorkspaceObject object : read.listed.getOrDefault(kind, Collections.emptyList())) {
          futures.add(executor.submit(() -> read.source.objects.details(object)));
        }
      }
    }
    int next = 0;
    for (SourceRead read : reads) {
      for (WorkspaceObject.Kind kind : DETAIL_KINDS) {
        List<WorkspaceObject> objects = read.listed.get(kind);
        if (objects == null) {
          continue;
        }
        for (int i = 0; i < objects.size(); i++) {
          Future<WorkspaceObject> future = futures.get(next++);
          try {
            objects.set(i, await(future, futures));
          } catch (ScimException e) {
            read.detailFailed(objects.get(i), e);
          }
        }
      }
    }
    return futures.size();
  }

  /**
   * Waits for one read; a ScimException is the caller's to record, anything else cancels the other reads and
   * propagates.
   */
  private static <T> T await(Future<T> future, List<? extends Future<?>> all) {
    try {
      return StateReader.await(future, "reading what removals break");
    } catch (ScimException e) {
      throw e;   // a workspace or kind that could not be read: a warning, and the other reads go on
    } catch (RuntimeException | Error e) {
      cancel(all);
      throw e;
    }
  }

  private static void cancel(List<? extends Future<?>> futures) {
    for (Future<?> future : futures) {
      future.cancel(true);
    }
  }

  /** Returns a failure in a few words, such as {@code HTTP 403} or {@code timed out}. */
  static String shortReason(ScimException failure) {
    if (failure instanceof ScimServiceException) {
      return "HTTP " + ((ScimServiceException) failure).status();
    }
    return failure instanceof ScimTimeoutException ? "timed out" : "unreachable";
  }

  /** Returns a failure with what it means, such as {@code HTTP 403: the credentials are not a workspace admin's}. */
  static String reason(ScimException failure) {
    if (!(failure instanceof ScimServiceException)) {
      return failure instanceof ScimTimeoutException ? "timed out"
          : "unreachable, or the answer was not the API's shape";
    }
    int status = ((ScimServiceException) failure).status();
    String meaning;
    if (status == 401) {
      meaning = "the credentials were refused";
    } else if (status == 403) {
      meaning = "the credentials are not a workspace admin's";
    } else if (status == 404) {
      meaning = "not found in this workspace";
    } else if (status == 429) {
      meaning = "rate limited after every retry";
    } else if (status >= 500) {
      meaning = "the workspace failed to answer";
    } else {
      meaning = "refused";
    }
    return "HTTP " + status + ": " + meaning;
  }

  /** A principal to check, why, and (for an access loss) the workspaces it loses. */
  private static final class Checked {
    final PrincipalRef principal;
    final RemovalImpact.Cause cause;
    /** The workspaces an access loss is checked in; unused for removals, which are checked everywhere. */
    final Set<OptionalLong> workspaces = new LinkedHashSet<>();

    Checked(PrincipalRef principal, RemovalImpact.Cause cause) {
      this.principal = principal;
      this.cause = cause;
    }

    boolean covers(OptionalLong workspaceId) {
      return cause != RemovalImpact.Cause.ACCESS_LOSS || workspaces.contains(workspaceId);
    }

    /** Returns whether it had access to a workspace the plan could not read: a LOSE change of its own there. */
    boolean hadAccess(OptionalLong workspaceId, List<WorkspaceAccessChanges> access) {
      if (!covers(workspaceId)) {
        return false;
      }
      for (WorkspaceAccessChanges workspace : access) {
        if (!workspace.workspaceId().equals(workspaceId)) {
          continue;
        }
        for (AccessChange change : workspace.changes()) {
          if (change.direction() == AccessChange.Direction.LOSE && change.principal().key().equals(principal.key())) {
            return true;
          }
        }
      }
      return false;
    }

    RemovalImpact impact(List<SourceRead> reads, Set<Long> unconfigured, List<WorkspaceAccessChanges> access) {
      ImmutableRemovalImpact.Builder impact = RemovalImpact.builder().principal(principal).cause(cause);
      String name = principal.name().toLowerCase(Locale.ROOT);
      OptionalLong id = numericId(principal);
      for (SourceRead read : reads) {
        if (!covers(read.source.workspaceId)) {
          continue;
        }
        List<WorkspaceObject> objects = read.objectsOf(name, id);
        if (!objects.isEmpty()) {
          impact.addWorkspaces(OwnedObjects.builder().workspaceId(read.source.workspaceId).objects(objects).build());
        }
        read.unread().ifPresent(impact::addUnreadWorkspaces);
      }
      for (Long workspaceId : new TreeSet<>(unconfigured)) {
        if (hadAccess(OptionalLong.of(workspaceId), access)) {
          impact.addUnreadWorkspaces(Source.label(OptionalLong.of(workspaceId)) + " (no credentials configured)");
        }
      }
      return impact.build();
    }

    private static OptionalLong numericId(PrincipalRef principal) {
      if (!principal.id().isPresent()) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Long.parseLong(principal.id().get()));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }

  /** One source's lists (as read, then with details), failures, and its index by principal. */
  private static final class SourceRead {
    final Source source;
    final Map<WorkspaceObject.Kind, List<WorkspaceObject>> listed = new EnumMap<>(WorkspaceObject.Kind.class);
    final Map<WorkspaceObject.Kind, ScimException> failed = new EnumMap<>(WorkspaceObject.Kind.class);
    /** Failed details per kind and reason: the count and the first object. */
    final Map<String, DetailFailures> detailFailures = new LinkedHashMap<>();
    final Map<String, List<WorkspaceObject>> byName = new HashMap<>();
    final Map<Long, List<WorkspaceObject>> byId = new HashMap<>();

    SourceRead(Source source) {
      this.source = source;
    }

    void detailFailed(WorkspaceObject object, ScimException failure) {
      String reason = failure instanceof ScimServiceException
          && ((ScimServiceException) failure).status() == 404 ? "HTTP 404: gone since it was listed" : reason(failure);
      detailFailures.computeIfAbsent(object.kind() + " " + reason, k -> new DetailFailures(object, reason)).count++;
    }

    /** Indexes every object read by each tie's principal name (lower-case) and principal id. */
    void index() {
      for (List<WorkspaceObject> objects : listed.values()) {
        for (WorkspaceObject object : objects) {
          for (ObjectTie tie : object.ties()) {
            if (tie.principal().isPresent()) {
              byName.computeIfAbsent(tie.principal().get().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                  .add(object);
            }
            if (tie.principalId().isPresent()) {
              byId.computeIfAbsent(tie.principalId().getAsLong(), k -> new ArrayList<>()).add(object);
            }
          }
        }
      }
    }

    /** Returns what one principal is tied to here, each object once, by kind then name. */
    List<WorkspaceObject> objectsOf(String lowerName, OptionalLong id) {
      Set<WorkspaceObject> objects = Collections.newSetFromMap(new IdentityHashMap<>());
      objects.addAll(byName.getOrDefault(lowerName, Collections.emptyList()));
      if (id.isPresent()) {
        objects.addAll(byId.getOrDefault(id.getAsLong(), Collections.emptyList()));
      }
      List<WorkspaceObject> sorted = new ArrayList<>(objects);
      sorted.sort(OBJECT_ORDER);
      return sorted;
    }

    /** Returns the unread-workspace entry, such as {@code workspace 1002 (tokens: HTTP 403)}, if a list failed. */
    Optional<String> unread() {
      if (failed.isEmpty()) {
        return Optional.empty();
      }
      if (listed.isEmpty() && sameReason()) {
        return Optional.of(source.label() + " (" + shortReason(failed.values().iterator().next()) + ")");
      }
      List<String> parts = new ArrayList<>();
      for (Map.Entry<WorkspaceObject.Kind, ScimException> entry : failed.entrySet()) {
        parts.add(entry.getKey().label(2) + ": " + shortReason(entry.getValue()));
      }
      return Optional.of(source.label() + " (" + String.join(", ", parts) + ")");
    }

    private boolean sameReason() {
      Set<String> reasons = new LinkedHashSet<>();
      for (ScimException failure : failed.values()) {
        reasons.add(reason(failure));
      }
      return reasons.size() == 1;
    }

    /** Returns the warnings: lists that failed (the whole source once when every kind failed alike), then details. */
    List<String> warnings() {
      List<String> warnings = new ArrayList<>();
      if (!failed.isEmpty() && listed.isEmpty() && sameReason()) {
        warnings.add(source.label() + ": nothing read (" + reason(failed.values().iterator().next()) + ")");
      } else {
        for (Map.Entry<WorkspaceObject.Kind, ScimException> entry : failed.entrySet()) {
          warnings.add(source.label() + ": " + entry.getKey().label(2) + " not read (" + reason(entry.getValue())
              + ")");
        }
      }
      for (DetailFailures failures : detailFailures.values()) {
        WorkspaceObject.Kind kind = failures.first.kind();
        String what = kind == WorkspaceObject.Kind.JOB ? "run-as users" : "managers";
        warnings.add(source.label() + ": " + what + " of " + failures.count + " " + kind.label(failures.count)
            + " not read (" + failures.reason + "), such as " + kind.label(1) + " " + failures.first.id());
      }
      return warnings;
    }

    /** Returns how many objects of each detail kind were listed (absent for a kind not asked or not read). */
    Map<WorkspaceObject.Kind, Integer> detailCounts(Set<WorkspaceObject.Kind> kinds) {
      Map<WorkspaceObject.Kind, Integer> counts = new EnumMap<>(WorkspaceObject.Kind.class);
      for (WorkspaceObject.Kind kind : DETAIL_KINDS) {
        if (kinds.contains(kind)) {
          List<WorkspaceObject> objects = listed.get(kind);
          counts.put(kind, objects == null ? -1 : objects.size());
        }
      }
      return counts;
    }
  }

  /** How many details of one kind failed for one reason, and the first such object. */
  private static final class DetailFailures {
    final WorkspaceObject first;
    final String reason;
    int count;

    DetailFailures(WorkspaceObject first, String reason) {
      this.first = first;
      this.reason = reason;
    }
  }
}
