package dev.dbscim.client.sync;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.ScimWorkspaceClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a Databricks account (or one workspace without identity federation) in step with a directory from an identity
 * provider: it reads the current state, computes a {@link SyncPlan} that people can read before anything changes, and
 * applies it with bounded concurrency under the client's rate limits. Re-running converges: a sync right after a
 * successful one plans nothing and sends nothing but reads.
 *
 * <p>Defaults: {@link SyncOptions#defaults()}, 8 concurrent requests, {@link DirectoryLimits#databricks()}, no progress
 * listener, the system clock, a 5 s {@linkplain Builder#stopGracePeriod(Duration) stop grace period}. An engine is
 * immutable and thread-safe; it does not own the client.
 *
 * <pre>{@code
 * try (ScimAccountClient client = ScimAccountClient.fromEnvironment()) {
 *   SyncEngine engine = SyncEngine.builder()
 *       .target(SyncTarget.account(client))
 *       .options(SyncOptions.builder().removalPolicy(RemovalPolicy.DEACTIVATE).build())
 *       .progressListener((result, progress) -> System.err.println(progress))
 *       .build();
 *   SyncPlan plan = engine.plan(DirectorySource.ofFile(Path.of("directory.json")));
 *   System.out.println(plan.summary());
 *   SyncReport report = engine.apply(plan);     // refuses plans above the deletion threshold
 *   System.out.println(report.summary());
 * }
 * }</pre>
 */
public final class SyncEngine {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final SyncTarget target;
  private final SyncOptions options;
  private final int concurrency;
  private final DirectoryLimits limits;
  private final SyncProgressListener listener;
  private final Clock clock;
  private final Duration stopGracePeriod;

  private SyncEngine(Builder builder) {
    this.target = Objects.requireNonNull(builder.target, "target");
    this.options = builder.options;
    this.concurrency = builder.concurrency;
    this.limits = builder.limits;
    this.listener = builder.listener;
    this.clock = builder.clock;
    this.stopGracePeriod = builder.stopGracePeriod;
  }

  /**
   * Returns a builder; {@link Builder#target(SyncTarget)} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the target.
   *
   * @return the target
   */
  public SyncTarget target() {
    return target;
  }

  /**
   * Returns the options plans are made with.
   *
   * @return the options
   */
  public SyncOptions options() {
    return options;
  }

  /**
   * Returns how long a stopped apply waits for its running steps; see {@link Builder#stopGracePeriod(Duration)}.
   *
   * @return the grace period
   */
  public Duration stopGracePeriod() {
    return stopGracePeriod;
  }

  /**
   * Loads the directory from a source, validates it, reads the current state and plans. Sends only reads.
   *
   * @param source the directory source
   * @return the plan
   * @throws InvalidDirectoryException when the directory has problems (all reported at once, before any request)
   * @throws dev.dbscim.client.error.ScimException when reading the current state fails
   * @throws SyncInterruptedException when the thread is interrupted while reading
   */
  public SyncPlan plan(DirectorySource source) {
    return plan(Objects.requireNonNull(source, "source").load());
  }

  /**
   * Validates the directory, reads the current state, plans, and adds the plan's {@linkplain SyncPlan#impact()
   * impact}: the access changes (from the state read) and what the removals break, read from the workspaces as
   * {@link SyncOptions#impact()} says. Sends only reads.
   *
   * @param directory the desired directory
   * @return the plan
   * @throws InvalidDirectoryException when the directory has problems (all reported at once, before any request)
   * @throws dev.dbscim.client.error.ScimException when reading the current state fails
   * @throws SyncInterruptedException when the thread is interrupted while reading
   */
  public SyncPlan plan(Directory directory) {
    directory.validateOrThrow(limits);
    return readAndPlan(directory, options);
  }

  /**
   * Plans against a given current state, without any request (for tests, benchmarks and what-if questions). The
   * plan's impact has its access changes but not what removals break, which needs reads.
   *
   * @param directory the desired directory; validated
   * @param state the current state
   * @return the plan
   * @throws InvalidDirectoryException when the directory has problems
   */
  public SyncPlan plan(Directory directory, CurrentState state) {
    directory.validateOrThrow(limits);
    return withImpact(plan(directory, state, options), state, options, null);
  }

  /** Reads the current state, plans with the given options and adds the impact, on one pool of readers. */
  private SyncPlan readAndPlan(Directory directory, SyncOptions planOptions) {
    ExecutorService executor = newPool();
    try {
      CurrentState state = new StateReader(target, planOptions, executor).read(directory);
      return withImpact(plan(directory, state, planOptions), state, planOptions, executor);
    } finally {
      executor.shutdownNow();
    }
  }

  private SyncPlan plan(Directory directory, CurrentState state, SyncOptions planOptions) {
    return new Planner(target.kind(), target.description(), planOptions, clock.instant(), this)
        .plan(directory, state);
  }

  /**
   * Checks a plan that this engine did not make, such as one read with {@link SyncPlan#fromJson(String)}: reads the
   * current state, plans again from the directory and plan-shaping options the plan records, with this engine's
   * safety rules (ownership, protected names, deletion threshold), and requires exactly the same steps: the same
   * actions on the same principals (ids and names), the same resources, patches, members and assignments. Sends only
   * reads. Like Terraform's saved plans, a plan that no longer matches (edited, or the account changed since) is
   * refused as a whole.
   *
   * @param plan the plan to check
   * @return the fresh plan, equal in its steps, made by this engine (so {@link #apply(SyncPlan)} trusts it); it keeps
   *     the plan's {@linkplain SyncPlan#allowRemovalsAboveThreshold() permissions} (and
   *     {@linkplain SyncPlan#allowImpact() for impact}), and its deletion threshold is this engine's
   * @throws StalePlanException when the steps differ, listing the differences
   * @throws IllegalArgumentException when the plan was made for another target
   * @throws InvalidDirectoryException when the directory the plan records is not valid
   * @throws dev.dbscim.client.error.ScimException when reading the current state fails
   * @throws SyncInterruptedException when the thread is interrupted while reading
   */
  public SyncPlan verify(SyncPlan plan) {
    checkTarget(plan);
    Directory directory = plan.directory();
    directory.validateOrThrow(limits);
    SyncOptions planOptions = plan.planShape().withSafetyRulesOf(options);
    SyncPlan fresh = readAndPlan(directory, planOptions);
    List<String> differences = PlanDifferences.between(plan, fresh);
    if (!differences.isEmpty()) {
      throw new StalePlanException(differences);
    }
    SyncPlan allowed = plan.removalsAllowedAboveThreshold() ? fresh.allowRemovalsAboveThreshold() : fresh;
    return plan.impactAllowed() ? allowed.allowImpact() : allowed;
  }

  /**
   * Adds the plan's impact: its access changes (from the state; with {@code executor}, a group the plan deletes whose
   * members were not read is read first, one GET each) and, when {@code executor} is given, what its removals break, read from the workspaces (the target's own on a workspace target, else the clients of
   * {@link ImpactOptions#workspaceClients()}).
   */
  private SyncPlan withImpact(SyncPlan plan, CurrentState state, SyncOptions planOptions, ExecutorService executor) {
    ImpactOptions impact = planOptions.impact();
    ImmutablePlanImpact.Builder result;
    if (!impact.enabled()) {
      result = PlanImpact.builder().objectsRead(false).addWarnings("Impact is off (ImpactOptions.disabled()): "
          + "access changes and what removals break were not computed.");
      return SyncPlan.builder().from(plan).impact(result.asOf(plan.createdAt()).build()).build();
    }
    CurrentState complete = executor == null ? state
        : new StateReader(target, planOptions, executor).withMembersOfDeletedGroups(state, plan.operations());
    AccessDiff.Result access = AccessDiff.compute(target.kind(), complete, plan.operations());
    if (executor == null) {
      result = PlanImpact.builder().objectsRead(false).addWarnings("Planned from a given state without requests: "
          + "what removals break was not read.");
    } else {
      List<ImpactReader.Source> sources = new ArrayList<>();
      Set<Long> unconfigured = new TreeSet<>();
      Optional<ScimWorkspaceClient> own = target.workspaceClient();
      if (own.isPresent()) {
        sources.add(new ImpactReader.Source(OptionalLong.empty(), own.get().objects(), detailPace(own.get())));
      } else {
        for (Map.Entry<Long, ScimWorkspaceClient> client : impact.workspaceClients().entrySet()) {
          sources.add(new ImpactReader.Source(OptionalLong.of(client.getKey()), client.getValue().objects(),
              detailPace(client.getValue())));
        }
        for (WorkspaceAccessChanges workspace : access.access) {
          long id = workspace.workspaceId().getAsLong();
          if (!impact.workspaceClients().containsKey(id)) {
            unconfigured.add(id);
          }
        }
      }
      result = ImpactReader.read(impact, sources, unconfigured, plan.operations(), access.access, executor);
    }
    PlanImpact built = result.asOf(plan.createdAt()).access(access.access).losingAllAccess(access.losingAllAccess)
        .build();
    return SyncPlan.builder().from(plan).impact(built).build();
  }

  /** Returns the pace of one-object reads of a client, 0 when it does not limit them. */
  private static double detailPace(ScimWorkspaceClient client) {
    return client.rateLimits().limited(OperationClass.GET) ? client.rateLimits().permitsPerSecond(OperationClass.GET)
        : 0;
  }

  /**
   * Reads what a plan for this directory needs: all users, service principals and groups (with the attributes the
   * planner compares), the members of the groups the directory names, and the assignments of the managed workspaces.
   *
   * @param directory the desired directory
   * @return the current state
   * @throws dev.dbscim.client.error.ScimException when a read fails
   * @throws SyncInterruptedException when the thread is interrupted
   */
  public CurrentState readState(Directory directory) {
    Objects.requireNonNull(directory, "directory");
    ExecutorService executor = newPool();
    try {
      return new StateReader(target, options, executor).read(directory);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Applies a plan made for this engine's target; the same as {@link #apply(SyncPlan, SyncCancellation)} with a
   * handle nobody cancels (interrupting the calling thread still stops it).
   *
   * @param plan the plan
   * @return the report
   * @throws DeletionThresholdExceededException when the plan exceeds this engine's deletion threshold and was not
   *     {@linkplain SyncPlan#allowRemovalsAboveThreshold() allowed}; nothing is sent
   * @throws ImpactNotAllowedException when the plan's removals break active objects and neither the plan nor this
   *     engine's options allow it; nothing is sent
   * @throws StalePlanException when a plan this engine did not make differs from a fresh plan; nothing is sent
   * @throws IllegalArgumentException when the plan was made for another target
   */
  public SyncReport apply(SyncPlan plan) {
    return apply(plan, SyncCancellation.create());
  }

  /**
   * Applies a plan made for this engine's target: phase by phase, up to the configured number of requests at once,
   * under the client's rate limits and retries. A failed step does not stop the others; the report lists each
   * result.
   *
   * <p>A plan this engine did not make (read from JSON, or made by another engine) is {@linkplain #verify(SyncPlan)
   * verified} first. Every deactivation, deletion and unassignment then checks, just before it is sent, that its id
   * still names the principal the plan names and that the principal is still managed under this engine's rules;
   * otherwise that step fails and nothing is removed.
   *
   * <p>Stopping: when {@code cancellation} is cancelled or the calling thread is interrupted, no new step starts and
   * the running steps get the {@linkplain #stopGracePeriod() grace period} to finish their requests. Then this method
   * returns (it does not throw) a partial report: {@link SyncReport#interrupted()} is true, the steps that did not
   * start are {@link OperationResult.Outcome#NOT_RUN NOT_RUN}, and a step still running when the grace period ends is
   * {@link OperationResult.Outcome#FAILED FAILED} (its request may have taken effect; it is interrupted). An
   * interrupt during the grace period ends it at once. After an interrupt, the thread's interrupt flag is set again.
   * Running the sync again converges and creates nothing twice.
   *
   * @param plan the plan
   * @param cancellation the handle that stops this apply when cancelled
   * @return the report, partial when stopped
   * @throws DeletionThresholdExceededException when the plan exceeds this engine's deletion threshold and was not
   *     {@linkplain SyncPlan#allowRemovalsAboveThreshold() allowed}; nothing is sent
   * @throws ImpactNotAllowedException when the plan's removals break active objects and neither the plan nor this
   *     engine's options allow it; nothing is sent
   * @throws StalePlanException when a plan this engine did not make differs from a fresh plan; nothing is sent
   * @throws IllegalArgumentException when the plan was made for another target
   */
  public SyncReport apply(SyncPlan plan, SyncCancellation cancellation) {
    Objects.requireNonNull(cancellation, "cancellation");
    checkTarget(plan);
    SyncPlan trusted = plan.madeBy(this) ? plan : verify(plan);
    checkAllowed(trusted);
    ExecutorService executor = newPool();
    try {
      return new PlanApplier(target, trusted.options(), executor, listener, clock, stopGracePeriod)
          .apply(trusted, cancellation);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Checks what {@link #apply(SyncPlan)} checks before it sends anything, without sending anything: that the plan
   * stays within this engine's deletion threshold unless {@linkplain SyncPlan#allowRemovalsAboveThreshold()
   * allowed}, and that its removals break no active objects unless the plan or this engine's options
   * {@linkplain SyncOptions#allowImpact() allow it}. Use it to refuse before asking a person to confirm.
   *
   * @param plan the plan
   * @throws DeletionThresholdExceededException when the plan exceeds the deletion threshold
   * @throws ImpactNotAllowedException when the plan's removals break active objects
   */
  public void checkAllowed(SyncPlan plan) {
    SyncPlan trusted = Objects.requireNonNull(plan, "plan");
    if (trusted.exceedsDeletionThreshold() && !trusted.removalsAllowedAboveThreshold()) {
      throw new DeletionThresholdExceededException(trusted.removalCount(), trusted.managedPrincipalCount(),
          trusted.deletionThreshold());
    }
    if (!trusted.impactAllowed() && !options.allowImpact()) {
      List<RemovalImpact> breaking = trusted.impact().breaking();
      if (!breaking.isEmpty()) {
        List<String> lines = new ArrayList<>(breaking.size());
        for (RemovalImpact removal : breaking) {
          lines.add(removal.summary(trusted.impact().asOf()));
        }
        throw new ImpactNotAllowedException(lines);
      }
    }
  }

  private void checkTarget(SyncPlan plan) {
    Objects.requireNonNull(plan, "plan");
    if (!plan.target().equals(target.description()) || plan.targetKind() != target.kind()) {
      throw new IllegalArgumentException("the plan was made for " + plan.target() + ", not for "
          + target.description());
    }
  }

  /**
   * Plans and applies in one call; see {@link #plan(DirectorySource)} and {@link #apply(SyncPlan)}.
   *
   * @param source the directory source
   * @return the report
   * @throws InvalidDirectoryException when the directory has problems
   * @throws DeletionThresholdExceededException when the plan exceeds its deletion threshold; nothing is sent
   */
  public SyncReport sync(DirectorySource source) {
    return apply(plan(source));
  }

  private ExecutorService newPool() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "dbscim-sync-" + pool + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ThreadPoolExecutor executor = new ThreadPoolExecutor(concurrency, concurrency, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  @Override
  public String toString() {
    return "SyncEngine{target=" + target.description() + ", concurrency=" + concurrency + ", options=" + options + "}";
  }

  /** Builds a {@link SyncEngine}. */
  public static final class Builder {
    private SyncTarget target;
    private SyncOptions options = SyncOptions.defaults();
    private int concurrency = 8;
    private DirectoryLimits limits = DirectoryLimits.databricks();
    private SyncProgressListener listener = SyncProgressListener.none();
    private Clock clock = Clock.systemUTC();
    private Duration stopGracePeriod = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets the target (required).
     *
     * @param target the account or workspace target
     * @return this builder
     */
    public Builder target(SyncTarget target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /**
     * Sets the planning options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(SyncOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets how many requests run at once while reading and applying; the client's rate limits still pace them.
     *
     * @param concurrency 1 to 64; default 8
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 64) {
        throw new IllegalArgumentException("concurrency must be between 1 and 64: " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets the limits the directory is validated against.
     *
     * @param limits the limits; default {@link DirectoryLimits#databricks()}
     * @return this builder
     */
    public Builder limits(DirectoryLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the listener told about each finished step.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progressListener(SyncProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the clock for plan timestamps, progress and report times.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a stopped apply (cancelled, or its thread interrupted) waits for the steps already running to
     * finish their requests before it returns its report; steps still running then are reported failed and
     * interrupted. Raise it when requests are slow and a clean stop matters more than a quick one; zero stops at once.
     *
     * @param gracePeriod zero or more; default 5 s
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder stopGracePeriod(Duration gracePeriod) {
      if (Objects.requireNonNull(gracePeriod, "gracePeriod").isNegative()) {
        throw new IllegalArgumentException("the stop grace period must not be negative: " + gracePeriod);
      }
      this.stopGracePeriod = gracePeriod;
      return this;
    }

    /**
     * Returns the engine.
     *
     * @return the engine
     * @throws NullPointerException when no target was set
     */
    public SyncEngine build() {
      return new SyncEngine(this);
    }
  }
}
