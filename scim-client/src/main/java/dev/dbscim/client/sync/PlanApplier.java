package dev.dbscim.client.sync;

import dev.dbscim.client.api.ResourceApi;
import dev.dbscim.client.error.ScimConflictException;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.sync.OperationResult.Outcome;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ScimResource;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.PatchOperation;
import dev.dbscim.core.patch.PatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Applies a plan phase by phase, the steps of a phase concurrently on the given executor (the client's rate limits
 * pace them). One failed step does not stop the others; steps that depend on a principal whose creation failed skip
 * that principal.
 *
 * <p>Stopping (a {@link SyncCancellation} or an interrupt of the calling thread): no step starts any more, the running
 * ones get the grace period to finish, and the report lists the unstarted steps as not run and the steps still running
 * after the grace period as failed (they may have taken effect). The caller shuts the executor down afterwards, which
 * interrupts those.
 */
final class PlanApplier {
  private static final System.Logger LOG = System.getLogger(PlanApplier.class.getName());

  private final SyncTarget target;
  private final SyncOptions options;
  private final ExecutorService executor;
  private final SyncProgressListener listener;
  private final Clock clock;
  private final Duration gracePeriod;

  private final Map<String, String> ids = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  // Guarded by lock.
  private OperationResult[] results;
  private Instant[] stepStarts;
  private int done;
  private int failed;
  private int pending;
  private int running;
  private boolean stopping;
  private boolean closed;
  private Instant startedAt;
  private Thread applyingThread;

  PlanApplier(SyncTarget target, SyncOptions options, ExecutorService executor, SyncProgressListener listener,
      Clock clock, Duration gracePeriod) {
    this.target = target;
    this.options = options;
    this.executor = executor;
    this.listener = listener;
    this.clock = clock;
    this.gracePeriod = gracePeriod;
  }

  SyncReport apply(SyncPlan plan, SyncCancellation cancellation) {
    List<PlannedOperation> operations = plan.operations();
    synchronized (lock) {
      results = new OperationResult[operations.size()];
      stepStarts = new Instant[operations.size()];
      startedAt = clock.instant();
      applyingThread = Thread.currentThread();
    }
    for (PlannedOperation operation : operations) {
      remember(operation.principal());
      operation.addMembers().forEach(this::remember);
    }
    Map<Integer, List<PlannedOperation>> phases = new TreeMap<>();
    for (PlannedOperation operation : operations) {
      phases.computeIfAbsent(operation.phase(), p -> new ArrayList<>()).add(operation);
    }
    boolean threadInterrupted = Thread.interrupted();
    Runnable unregister = cancellation.onCancel(this::stop);
    try {
      if (threadInterrupted) {
        stop();
      }
      for (List<PlannedOperation> phase : phases.values()) {
        List<Future<?>> futures = new ArrayList<>(phase.size());
        synchronized (lock) {
          if (stopping) {
            break;
          }
          pending = phase.size();
        }
        for (PlannedOperation operation : phase) {
          futures.add(executor.submit(() -> step(operation, plan.memberBatchSize())));
        }
        synchronized (lock) {
          try {
            while (pending > 0 && !stopping) {
              lock.wait();
            }
          } catch (InterruptedException e) {
            // Still holding the lock while the flag is clear again: no worker starts a step in between.
            threadInterrupted = true;
            stopping = true;
          }
          if (stopping) {
            break;
          }
        }
        try {
          surfaceErrors(futures);
        } catch (InterruptedException e) {
          threadInterrupted = true;
          stop();
          break;
        }
      }
      // The interrupt flag is clear here, so the running steps get their grace period; a new interrupt ends it.
      if (!awaitRunningSteps()) {
        threadInterrupted = true;
      }
      return report(plan);
    } finally {
      unregister.run();
      if (threadInterrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops starting steps and wakes the applying thread. */
  private void stop() {
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
  }

  /**
   * When stopping, waits up to the grace period for the running steps; returns false when interrupted meanwhile
   * (the wait then ends at once).
   */
  private boolean awaitRunningSteps() {
    long deadline = System.nanoTime() + gracePeriod.toNanos();
    synchronized (lock) {
      while (stopping && running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** Rethrows an {@link Error} of a finished phase: execute() catches every RuntimeException. */
  private static void surfaceErrors(List<Future<?>> futures) throws InterruptedException {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  /** Runs one step on a worker thread unless the apply is stopping. */
  private void step(PlannedOperation operation, int memberBatchSize) {
    synchronized (lock) {
      if (stopping || applyingThread.isInterrupted()) {
        pending--;
        lock.notifyAll();
        return;
      }
      stepStarts[operation.index()] = clock.instant();
      running++;
    }
    OperationResult result = null;
    try {
      result = execute(operation, memberBatchSize);
    } finally {
      synchronized (lock) {
        running--;
        pending--;
        if (result != null && !closed) {
          record(result);
        }
        lock.notifyAll();
      }
    }
  }

  /** Builds the report; results that arrive later are dropped (and not passed to the listener). */
  private SyncReport report(SyncPlan plan) {
    List<PlannedOperation> operations = plan.operations();
    List<OperationResult> ordered = new ArrayList<>(operations.size());
    boolean incomplete = false;
    synchronized (lock) {
      closed = true;
      for (int i = 0; i < results.length; i++) {
        OperationResult result = results[i];
        if (result == null) {
          incomplete = true;
          result = stepStarts[i] != null
              ? OperationResult.of(operations.get(i), Outcome.FAILED, 0, "still running when the apply stopped "
                  + "waiting for it, " + gracePeriod.toMillis() + " ms after it was interrupted; it may have taken "
                  + "effect", null, Duration.between(stepStarts[i], clock.instant()))
              : OperationResult.of(operations.get(i), Outcome.NOT_RUN, 0, "the apply was interrupted first", null,
                  Duration.ZERO);
        }
        ordered.add(result);
      }
    }
    return SyncReport.of(plan.target(), ordered, startedAt, clock.instant(), incomplete);
  }

  private void remember(PrincipalRef ref) {
    ref.id().ifPresent(id -> ids.put(ref.key(), id));
  }

  private Optional<String> resolve(PrincipalRef ref) {
    return ref.id().isPresent() ? ref.id() : Optional.ofNullable(ids.get(ref.key()));
  }

  /** Stores a result and tells the listener; called with the lock held. */
  private void record(OperationResult result) {
    results[result.operation().index()] = result;
    done++;
    if (result.outcome() == Outcome.FAILED) {
      failed++;
    }
    SyncProgress progress = SyncProgress.of(done, results.length, failed,
        Duration.between(startedAt, clock.instant()));
    try {
      listener.onOperationDone(result, progress);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sync progress listener failed; the apply goes on", e);
    }
  }

  private OperationResult execute(PlannedOperation operation, int memberBatchSize) {
    long start = System.nanoTime();
    int[] requests = {0};
    try {
      String detail = run(operation, memberBatchSize, requests);
      return OperationResult.of(operation, Outcome.SUCCEEDED, requests[0], detail, null, since(start));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "sync step failed: " + operation + ": " + e.getMessage());
      return OperationResult.of(operation, Outcome.FAILED, requests[0], e.getMessage(), e.getClass().getSimpleName(),
          since(start));
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Runs one step; returns a note for the report, or null. */
  private String run(PlannedOperation operation, int memberBatchSize, int[] requests) {
    PrincipalRef principal = operation.principal();
    switch (operation.action()) {
      case CREATE:
        return create(operation, requests);
      case UPDATE:
        if (principal.kind() == PrincipalKind.GROUP) {
          return updateGroup(operation, memberBatchSize, requests);
        }
        requests[0]++;
        api(principal.kind()).patchWithoutReadBack(id(principal), operation.patch().get());
        return null;
      case DEACTIVATE:
        if (!stillNames(principal, true, requests)) {
          throw new IllegalStateException(principal.describe() + " no longer exists; nothing was deactivated");
        }
        requests[0]++;
        api(principal.kind()).patchWithoutReadBack(id(principal), operation.patch().get());
        return null;
      case DELETE:
        if (!stillNames(principal, true, requests)) {
          return "already deleted";
        }
        requests[0]++;
        try {
          api(principal.kind()).delete(id(principal));
          return null;
        } catch (ScimNotFoundException e) {
          return "already deleted";
        }
      case ASSIGN:
        requests[0]++;
        target.workspaceAssignments().get().assign(operation.workspaceId().getAsLong(), id(principal),
            EnumSet.of(operation.permission().get()));
        return null;
      case UNASSIGN:
        if (!stillNames(principal, false, requests)) {
          return "already gone";
        }
        requests[0]++;
        try {
          target.workspaceAssignments().get().remove(operation.workspaceId().getAsLong(), id(principal));
          return null;
        } catch (ScimNotFoundException e) {
          return "already unassigned";
        }
      default:
        throw new IllegalStateException("unknown action " + operation.action());
    }
  }

  /**
   * Checks, just before a removal, that the step's id still names the principal the plan names (user name, application
   * id or group display name) and, when {@code mustBeOwned}, that the principal is still one the sync may remove under
   * the applying run's options. Returns false when the id names nothing any more.
   *
   * @throws IllegalStateException when the id names another principal or one the sync does not own
   */
  private boolean stillNames(PrincipalRef principal, boolean mustBeOwned, int[] requests) {
    requests[0]++;
    Optional<? extends ScimResource> found = api(principal.kind()).find(id(principal));
    if (!found.isPresent()) {
      return false;
    }
    ScimResource resource = found.get();
    String name;
    boolean manageable = true;
    if (resource instanceof User) {
      name = ((User) resource).userName();
    } else if (resource instanceof ServicePrincipal) {
      name = ((ServicePrincipal) resource).applicationId().orElse("");
    } else {
      name = ((Group) resource).displayName();
      manageable = Planner.isManageableGroup(target.kind(), (Group) resource);
    }
    if (!PrincipalRef.key(principal.kind(), name).equals(principal.key())) {
      throw new IllegalStateException(principal.describe() + ": id " + resource.id().orElse("") + " now names "
          + name + "; nothing was removed");
    }
    if (!options.isProtected(name) && (!mustBeOwned
        || (manageable && Planner.isOwned(options, name, resource.externalId().isPresent())))) {
      return true;
    }
    throw new IllegalStateException(principal.describe() + " is not managed by this sync ("
        + (options.isProtected(name) ? "it is protected" : manageable ? "it has no externalId" : "it is built in")
        + "); nothing was removed");
  }

  private String create(PlannedOperation operation, int[] requests) {
    PrincipalRef principal = operation.principal();
    ScimResource created;
    String note = null;
    requests[0]++;
    try {
      switch (principal.kind()) {
        case USER:
          created = target.users().create(ScimJson.fromTree(operation.resourceNode().get(), User.class));
          break;
        case SERVICE_PRINCIPAL:
          created = target.servicePrincipals().create(
              ScimJson.fromTree(operation.resourceNode().get(), ServicePrincipal.class));
          break;
        default:
          List<ComplexValue> members = new ArrayList<>(operation.addMembers().size());
          int skipped = 0;
          for (PrincipalRef member : operation.addMembers()) {
            Optional<String> id = resolve(member);
            if (id.isPresent()) {
              members.add(ComplexValue.of(id.get()));
            } else {
              skipped++;
            }
          }
          Group group = Group.builder().from(ScimJson.fromTree(operation.resourceNode().get(), Group.class))
              .members(members).build();
          created = target.groups().create(group);
          note = skipped == 0 ? null : skipped + " member(s) skipped: their creation failed";
      }
    } catch (ScimConflictException conflict) {
      // Created meanwhile (by another run or by hand): adopt it; the next sync aligns its attributes.
      requests[0]++;
      Optional<? extends ScimResource> existing = findExisting(principal);
      if (!existing.isPresent()) {
        throw conflict;
      }
      created = existing.get();
      note = "already existed; adopted";
    }
    ids.put(principal.key(), created.id().orElseThrow(
        () -> new IllegalStateException("the service answered the create of " + principal.name() + " without id")));
    return note;
  }

  private Optional<? extends ScimResource> findExisting(PrincipalRef principal) {
    Iterator<? extends ScimResource> found;
    switch (principal.kind()) {
      case USER:
        found = target.users().list(r -> r.filter(Filter.attr("userName").eq(principal.name()))).iterator();
        break;
      case SERVICE_PRINCIPAL:
        found = target.servicePrincipals()
            .list(r -> r.filter(Filter.attr("applicationId").eq(principal.name()))).iterator();
        break;
      default:
        found = target.groups().list(r -> r.filter(Filter.attr("displayName").eq(principal.name()))).iterator();
    }
    return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
  }

  private String updateGroup(PlannedOperation operation, int memberBatchSize, int[] requests) {
    String groupId = id(operation.principal());
    List<String> adds = new ArrayList<>(operation.addMembers().size());
    int skipped = 0;
    for (PrincipalRef member : operation.addMembers()) {
      Optional<String> id = resolve(member);
      if (id.isPresent()) {
        adds.add(id.get());
      } else {
        skipped++;
      }
    }
    List<String> removes = new ArrayList<>(operation.removeMembers().size());
    for (PrincipalRef member : operation.removeMembers()) {
      resolve(member).ifPresent(removes::add);
    }
    Optional<PatchRequest> attributes = operation.patch();
    int addIndex = 0;
    int removeIndex = 0;
    boolean first = true;
    while (first || addIndex < adds.size() || removeIndex < removes.size()) {
      GroupPatch.Builder batch = GroupPatch.builder();
      int room = memberBatchSize;
      int addCount = Math.min(room, adds.size() - addIndex);
      if (addCount > 0) {
        batch.addMembers(adds.subList(addIndex, addIndex + addCount));
        addIndex += addCount;
        room -= addCount;
      }
      int removeCount = Math.min(room, removes.size() - removeIndex);
      if (removeCount > 0) {
        batch.removeMembers(removes.subList(removeIndex, removeIndex + removeCount));
        removeIndex += removeCount;
      }
      List<PatchOperation> operations = new ArrayList<>();
      if (first && attributes.isPresent()) {
        operations.addAll(attributes.get().operations());
      }
      if (addCount > 0 || removeCount > 0) {
        operations.addAll(batch.build().operations());
      }
      first = false;
      if (operations.isEmpty()) {
        break; // a PatchRequest has at least one operation: nothing left to send
      }
      requests[0]++;
      target.groups().patchWithoutReadBack(groupId, PatchRequest.builder().operations(operations).build());
    }
    return skipped == 0 ? null : skipped + " member(s) skipped: their creation failed";
  }

  private String id(PrincipalRef principal) {
    return resolve(principal).orElseThrow(() -> new IllegalStateException(
        principal.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + principal.name()
            + " has no id: its creation failed or did not run"));
  }

  private ResourceApi<?> api(PrincipalKind kind) {
    switch (kind) {
      case USER:
        return target.users();
      case SERVICE_PRINCIPAL:
        return target.servicePrincipals();
      default:
        return target.groups();
    }
  }
}
