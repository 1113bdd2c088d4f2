package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.api.WorkspaceObjectsApi;
import dev.dbscim.client.internal.ScimErrorAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ImpactReaderTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final PrincipalRef BOB = PrincipalRef.of(PrincipalKind.USER, "bob@example.com", "42");
  private static final PrincipalRef CAROL = PrincipalRef.of(PrincipalKind.USER, "carol@example.com", "43");
  private static final PrincipalRef DAVE = PrincipalRef.of(PrincipalKind.USER, "dave@example.com", "44");
  private static final PrincipalRef ROBOT =
      PrincipalRef.of(PrincipalKind.SERVICE_PRINCIPAL, "8a6c3e1f-0000-4000-8000-000000000001", "45");

  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopExecutor() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void read_userWithJobsAndTokensInTwoWorkspaces_listsWhatItHasPerWorkspace() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(job("1", "Nightly ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "Bob@Example.com")))
        .add(job("2", "Hourly", true, ObjectTie.of(ObjectTie.Role.RUN_AS, "bob@example.com")))
        .add(job("3", "Ad hoc", false, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")))
        .add(job("4", "Carol's", true, ObjectTie.of(ObjectTie.Role.CREATOR, "carol@example.com")))
        .add(cluster("c1", "bob-cluster", true, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")))
        .add(token("t1", 42, null, null)).add(token("t2", 42, null, null)).add(token("t3", 42, null, null))
        .add(token("t4", 42, "bob@example.com", null)).add(token("t5", 43, null, null));
    InMemoryObjects dev = new InMemoryObjects()
        .add(job("9", "Dev job", false, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")))
        .add(token("t9", 42, null, null));

    PlanImpact impact = read(ImpactOptions.defaults(), Arrays.asList(source(1001, prod), source(1002, dev)),
        Collections.emptySet(), Arrays.asList(delete(BOB, 0), deactivate(CAROL, 1)), Collections.emptyList());

    assertThat(impact.objectsRead()).isTrue();
    assertThat(impact.warnings()).isEmpty();
    assertThat(impact.removals()).extracting(RemovalImpact::principal).containsExactly(BOB, CAROL);
    RemovalImpact bob = impact.removals().get(0);
    assertThat(bob.cause()).isEqualTo(RemovalImpact.Cause.DELETE);
    assertThat(bob.unreadWorkspaces()).isEmpty();
    assertThat(bob.workspaces()).extracting(OwnedObjects::workspaceId)
        .containsExactly(OptionalLong.of(1001), OptionalLong.of(1002));
    assertThat(bob.workspaces().get(0).objects()).extracting(WorkspaceObject::id)
        .containsExactly("3", "2", "1", "c1", "t1", "t2", "t3", "t4");
    assertThat(bob.summary(NOW)).isEqualTo("bob@example.com owns 3 jobs (2 scheduled), 1 running cluster, "
        + "4 active tokens in workspace 1001; 1 job, 1 active token in workspace 1002");
    assertThat(impact.removals().get(1).cause()).isEqualTo(RemovalImpact.Cause.DEACTIVATE);
    assertThat(impact.removals().get(1).summary(NOW))
        .isEqualTo("carol@example.com owns 1 scheduled job, 1 active token in workspace 1001");
    assertThat(impact.listsRead()).isEqualTo(2 * WorkspaceObject.Kind.values().length);
    assertThat(impact.detailRequests()).isZero();
  }

  @Test
  void read_tokenTiedByIdAndByName_isIndexedByIdAndListedOnce() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(token("by-id", 45, null, null))
        .add(object(WorkspaceObject.Kind.TOKEN, "both", "", true, null,
            ObjectTie.of(ObjectTie.Role.OWNER, 45, null),
            ObjectTie.of(ObjectTie.Role.CREATOR, "8A6C3E1F-0000-4000-8000-000000000001")))
        .add(token("other", 46, null, null));

    PlanImpact impact = read(ImpactOptions.defaults(), Collections.singletonList(source(1001, prod)),
        Collections.emptySet(), Collections.singletonList(delete(ROBOT, 0)), Collections.emptyList());

    assertThat(impact.removals()).hasSize(1);
    assertThat(impact.removals().get(0).workspaces()).hasSize(1);
    assertThat(impact.removals().get(0).workspaces().get(0).objects()).extracting(WorkspaceObject::id)
        .containsExactly("both", "by-id");
  }

  @Test
  void read_manyPrincipals_readsEachKindOncePerWorkspace() {
    InMemoryObjects prod = new InMemoryObjects();
    InMemoryObjects dev = new InMemoryObjects();
    List<PlannedOperation> operations = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String name = "user" + i + "@example.com";
      prod.add(job("p" + i, "job " + i, true, ObjectTie.of(ObjectTie.Role.CREATOR, name)));
      dev.add(token("d" + i, 1000 + i, null, null));
      operations.add(delete(PrincipalRef.of(PrincipalKind.USER, name, String.valueOf(1000 + i)), i));
    }

    PlanImpact impact = read(ImpactOptions.defaults(), Arrays.asList(source(1001, prod), source(1002, dev)),
        Collections.emptySet(), operations, Collections.emptyList());

    for (WorkspaceObject.Kind kind : WorkspaceObject.Kind.values()) {
      assertThat(prod.lists(kind)).as("prod %s", kind).isEqualTo(1);
      assertThat(dev.lists(kind)).as("dev %s", kind).isEqualTo(1);
    }
    assertThat(impact.listsRead()).isEqualTo(2 * WorkspaceObject.Kind.values().length);
    assertThat(impact.removals()).hasSize(200);
    assertThat(impact.removals().get(7).summary(NOW)).isEqualTo(
        "user7@example.com owns 1 scheduled job in workspace 1001; 1 active token in workspace 1002");
  }

  @Test
  void read_onlyAskedKinds_listsThoseOnly() {
    InMemoryObjects prod = new InMemoryObjects();
    ImpactOptions options = ImpactOptions.builder()
        .kinds(EnumSet.of(WorkspaceObject.Kind.TOKEN, WorkspaceObject.Kind.CLUSTER)).build();

    PlanImpact impact = read(options, Collections.singletonList(source(1001, prod)), Collections.emptySet(),
        Collections.singletonList(delete(BOB, 0)), Collections.emptyList());

    assertThat(prod.totalLists()).isEqualTo(2);
    assertThat(impact.listsRead()).isEqualTo(2);
    assertThat(impact.deepReadCost()).isEmpty();
    assertThat(impact.removals().get(0).summary(NOW)).isEqualTo("bob@example.com owns nothing in the workspaces read");
  }

  @Test
  void read_deepReads_callsDetailsOncePerJobAndDashboardAndReusesThem() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(job("1", "ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "carol@example.com")))
        .add(job("2", "Report", false))
        .add(object(WorkspaceObject.Kind.LAKEVIEW_DASHBOARD, "d1", "Sales", false, null))
        .add(token("t1", 42, null, null));
    prod.withDetails(job("1", "ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "carol@example.com"),
        ObjectTie.of(ObjectTie.Role.RUN_AS, "bob@example.com")));
    prod.withDetails(job("2", "Report", false, ObjectTie.of(ObjectTie.Role.RUN_AS, "bob@example.com")));
    prod.withDetails(object(WorkspaceObject.Kind.LAKEVIEW_DASHBOARD, "d1", "Sales", false, null,
        ObjectTie.of(ObjectTie.Role.MANAGER, "carol@example.com"),
        ObjectTie.of(ObjectTie.Role.MANAGER, "bob@example.com")));
    ImpactOptions options = ImpactOptions.builder().deepReads(true).build();

    PlanImpact impact = read(options, Collections.singletonList(new ImpactReader.Source(OptionalLong.of(1001), prod,
        10)), Collections.emptySet(), Arrays.asList(delete(BOB, 0), delete(CAROL, 1), delete(DAVE, 2)),
        Collections.emptyList());

    assertThat(prod.detailCalls()).containsOnly(entry("1", 1), entry("2", 1), entry("d1", 1));
    assertThat(impact.detailRequests()).isEqualTo(3);
    assertThat(impact.warnings()).isEmpty();
    assertThat(impact.removals().get(0).workspaces().get(0).objects()).extracting(WorkspaceObject::id)
        .containsExactly("1", "2", "t1", "d1");
    assertThat(impact.removals().get(1).workspaces().get(0).objects()).extracting(WorkspaceObject::id)
        .containsExactly("1", "d1");
    assertThat(impact.removals().get(2).workspaces()).isEmpty();
    assertThat(impact.deepReadCost())
        .containsExactly("workspace 1001: 2 jobs and 1 Lakeview dashboard, 3 calls, about 1 s at 10 calls/s");
  }

  @Test
  void read_detailsGoneForOneJob_warnsAndKeepsThePlan() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(job("1", "ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")))
        .add(job("2", "Gone", true, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")));
    prod.withDetails(job("1", "ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")));
    prod.failDetails("2", status(404));

    PlanImpact impact = read(ImpactOptions.builder().deepReads(true).build(),
        Collections.singletonList(source(1001, prod)), Collections.emptySet(),
        Collections.singletonList(delete(BOB, 0)), Collections.emptyList());

    assertThat(impact.detailRequests()).isEqualTo(2);
    assertThat(impact.warnings()).containsExactly(
        "workspace 1001: run-as users of 1 job not read (HTTP 404: gone since it was listed), such as job 2");
    assertThat(impact.removals().get(0).workspaces().get(0).objects()).extracting(WorkspaceObject::id)
        .containsExactly("1", "2");
  }

  @Test
  void read_withoutDeepReads_saysWhatTheyWouldCostAndReadsNoDetails() {
    InMemoryObjects prod = new InMemoryObjects();
    for (int i = 0; i < 2000; i++) {
      prod.add(job(String.valueOf(i), "job " + i, false));
    }
    for (int i = 0; i < 12; i++) {
      prod.add(object(WorkspaceObject.Kind.LAKEVIEW_DASHBOARD, "d" + i, "dash " + i, false, null));
    }
    InMemoryObjects dev = new InMemoryObjects().add(job("1", "one", false));
    InMemoryObjects empty = new InMemoryObjects();

    PlanImpact impact = read(ImpactOptions.defaults(), Arrays.asList(new ImpactReader.Source(OptionalLong.of(1001),
        prod, 10), new ImpactReader.Source(OptionalLong.of(1002), dev, 0),
        new ImpactReader.Source(OptionalLong.of(1003), empty, 10)), Collections.emptySet(),
        Collections.singletonList(delete(BOB, 0)), Collections.emptyList());

    assertThat(prod.detailCalls()).isEmpty();
    assertThat(impact.detailRequests()).isZero();
    assertThat(impact.deepReadCost()).containsExactly(
        "workspace 1001: 2,000 jobs and 12 Lakeview dashboards, 2,012 calls, about 3 min 21 s at 10 calls/s "
            + "(not read; run-as users of jobs and managers of Lakeview dashboards are unknown)",
        "workspace 1002: 1 job and 0 Lakeview dashboards, 1 call at the client's pace "
            + "(not read; run-as users of jobs and managers of Lakeview dashboards are unknown)");
  }

  @Test
  void read_refusedKindAndUnreachableWorkspace_warnAndNameTheUnreadWorkspaces() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(job("1", "ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")));
    InMemoryObjects refusing = new InMemoryObjects().fail(WorkspaceObject.Kind.TOKEN, status(403));
    InMemoryObjects unreachable = new InMemoryObjects().failAll(
        ScimErrorAccess.get().clientException("connection refused", null, 3, true));

    PlanImpact impact = read(ImpactOptions.defaults(),
        Arrays.asList(source(1001, prod), source(1002, refusing), source(1003, unreachable)), Collections.emptySet(),
        Arrays.asList(delete(BOB, 0), delete(CAROL, 1)), Collections.emptyList());

    assertThat(impact.warnings()).containsExactly(
        "workspace 1002: tokens not read (HTTP 403: the credentials are not a workspace admin's)",
        "workspace 1003: nothing read (unreachable, or the answer was not the API's shape)");
    for (RemovalImpact removal : impact.removals()) {
      assertThat(removal.unreadWorkspaces())
          .containsExactly("workspace 1002 (tokens: HTTP 403)", "workspace 1003 (unreachable)");
      assertThat(removal.summary(NOW)).doesNotContain("owns nothing");
    }
    assertThat(impact.removals().get(0).summary(NOW)).isEqualTo("bob@example.com owns 1 scheduled job in "
        + "workspace 1001; not read: workspace 1002 (tokens: HTTP 403), workspace 1003 (unreachable)");
    assertThat(impact.removals().get(1).summary(NOW)).isEqualTo("carol@example.com: nothing found where read; "
        + "not read: workspace 1002 (tokens: HTTP 403), workspace 1003 (unreachable)");
    assertThat(impact.listsRead()).isEqualTo(2 * WorkspaceObject.Kind.values().length - 1);
    // The unreachable workspace's warning says it was not read; no cost line repeats it.
    assertThat(impact.deepReadCost()).noneMatch(cost -> cost.startsWith("workspace 1003"));
  }

  @Test
  void read_unconfiguredWorkspace_warnsAndNamesItForThoseWhoHadAccessThere() {
    InMemoryObjects prod = new InMemoryObjects();
    List<WorkspaceAccessChanges> access = Collections.singletonList(WorkspaceAccessChanges.builder()
        .workspaceId(1003).addChanges(lose(BOB, "deleted")).build());

    PlanImpact impact = read(ImpactOptions.defaults(), Collections.singletonList(source(1001, prod)),
        Collections.singleton(1003L), Arrays.asList(delete(BOB, 0), delete(CAROL, 1)), access);

    assertThat(impact.warnings()).containsExactly("workspace 1003: not read, no credentials configured");
    assertThat(impact.removals().get(0).unreadWorkspaces())
        .containsExactly("workspace 1003 (no credentials configured)");
    assertThat(impact.removals().get(0).summary(NOW)).isEqualTo(
        "bob@example.com: nothing found where read; not read: workspace 1003 (no credentials configured)");
    assertThat(impact.removals().get(1).unreadWorkspaces()).isEmpty();
  }

  @Test
  void read_accessLosses_checksThatWorkspaceOnly() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(job("1", "ETL", true, ObjectTie.of(ObjectTie.Role.CREATOR, "dave@example.com")));
    InMemoryObjects dev = new InMemoryObjects()
        .add(job("2", "Dev", true, ObjectTie.of(ObjectTie.Role.CREATOR, "dave@example.com")));
    List<WorkspaceAccessChanges> access = Arrays.asList(
        WorkspaceAccessChanges.builder().workspaceId(1002).addChanges(lose(DAVE, "")).build(),
        WorkspaceAccessChanges.builder().workspaceId(1003).addChanges(lose(DAVE, "")).build());
    ImpactOptions options = ImpactOptions.builder().accessLosses(true).build();

    PlanImpact impact = read(options, Arrays.asList(source(1001, prod), source(1002, dev)),
        Collections.singleton(1003L), Collections.emptyList(), access);

    assertThat(prod.totalLists()).isZero();
    assertThat(dev.totalLists()).isEqualTo(WorkspaceObject.Kind.values().length);
    assertThat(impact.removals()).hasSize(1);
    RemovalImpact dave = impact.removals().get(0);
    assertThat(dave.cause()).isEqualTo(RemovalImpact.Cause.ACCESS_LOSS);
    assertThat(dave.summary(NOW)).isEqualTo("dave@example.com owns 1 scheduled job in workspace 1002; "
        + "not read: workspace 1003 (no credentials configured)");
  }

  @Test
  void read_accessLossesNotAsked_readsNothing() {
    InMemoryObjects dev = new InMemoryObjects();
    List<WorkspaceAccessChanges> access = Collections.singletonList(
        WorkspaceAccessChanges.builder().workspaceId(1002).addChanges(lose(DAVE, "")).build());

    PlanImpact impact = read(ImpactOptions.defaults(), Collections.singletonList(source(1002, dev)),
        Collections.emptySet(), Collections.emptyList(), access);

    assertThat(dev.totalLists()).isZero();
    assertThat(impact.objectsRead()).isTrue();
    assertThat(impact.removals()).isEmpty();
    assertThat(impact.listsRead()).isZero();
  }

  @Test
  void read_onlyGroupsRemoved_readsNothing() {
    InMemoryObjects prod = new InMemoryObjects();

    PlanImpact impact = read(ImpactOptions.defaults(), Collections.singletonList(source(1001, prod)),
        Collections.emptySet(), Collections.singletonList(delete(PrincipalRef.of(PrincipalKind.GROUP, "eng", "7"), 0)),
        Collections.emptyList());

    assertThat(prod.totalLists()).isZero();
    assertThat(impact.removals()).isEmpty();
  }

  @Test
  void read_disabled_readsNothingAndSaysSo() {
    InMemoryObjects prod = new InMemoryObjects();

    PlanImpact impact = read(ImpactOptions.disabled(), Collections.singletonList(source(1001, prod)),
        Collections.emptySet(), Collections.singletonList(delete(BOB, 0)), Collections.emptyList());

    assertThat(prod.totalLists()).isZero();
    assertThat(impact.objectsRead()).isFalse();
    assertThat(impact.removals()).isEmpty();
    assertThat(impact.warnings()).singleElement().asString().contains("not read");
  }

  @Test
  void breaking_atAsOf_leavesOutExpiredTokensAndInactiveObjects() {
    InMemoryObjects prod = new InMemoryObjects()
        .add(token("expired", 42, null, NOW.minus(Duration.ofDays(1))))
        .add(token("live", 42, null, NOW.plus(Duration.ofDays(30))))
        .add(job("1", "Paused", false, ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")))
        .add(token("carol's expired", 43, null, NOW.minus(Duration.ofDays(1))));

    PlanImpact impact = read(ImpactOptions.defaults(), Collections.singletonList(workspaceSource(prod)),
        Collections.emptySet(), Arrays.asList(delete(BOB, 0), delete(CAROL, 1)), Collections.emptyList());

    assertThat(impact.breaking()).extracting(RemovalImpact::principal).containsExactly(BOB);
    assertThat(impact.breaking().get(0).breaking(NOW)).extracting(WorkspaceObject::id).containsExactly("live");
    assertThat(impact.removals().get(0).summary(NOW))
        .isEqualTo("bob@example.com owns 1 job, 2 tokens (1 active) in the workspace");
  }

  @Test
  void read_nonScimFailure_propagates() {
    InMemoryObjects prod = new InMemoryObjects().fail(WorkspaceObject.Kind.JOB, new IllegalStateException("bug"));

    assertThatThrownBy(() -> read(ImpactOptions.defaults(), Collections.singletonList(source(1001, prod)),
        Collections.emptySet(), Collections.singletonList(delete(BOB, 0)), Collections.emptyList()))
        .isInstanceOf(IllegalStateException.class).hasMessage("bug");
  }

  @Test
  void read_interrupted_throwsSyncInterruptedAndKeepsTheFlag() {
    CountDownLatch never = new CountDownLatch(1);
    InMemoryObjects prod = new InMemoryObjects().blockLists(never);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> read(ImpactOptions.defaults(), Collections.singletonList(source(1001, prod)),
          Collections.emptySet(), Collections.singletonList(delete(BOB, 0)), Collections.emptyList()))
          .isInstanceOf(SyncInterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private PlanImpact read(ImpactOptions options, List<ImpactReader.Source> sources, Set<Long> unconfigured,
      List<PlannedOperation> operations, List<WorkspaceAccessChanges> access) {
    return ImpactReader.read(options, sources, unconfigured, operations, access, executor).asOf(NOW).build();
  }

  private static ImpactReader.Source source(long workspaceId, InMemoryObjects objects) {
    return new ImpactReader.Source(OptionalLong.of(workspaceId), objects, 10);
  }

  private static ImpactReader.Source workspaceSource(InMemoryObjects objects) {
    return new ImpactReader.Source(OptionalLong.empty(), objects, 10);
  }

  private static PlannedOperation delete(PrincipalRef principal, int index) {
    return PlannedOperation.builder(PlannedOperation.Action.DELETE, principal, 0).build(index);
  }

  private static PlannedOperation deactivate(PrincipalRef principal, int index) {
    return PlannedOperation.builder(PlannedOperation.Action.DEACTIVATE, principal, 0).build(index);
  }

  private static AccessChange lose(PrincipalRef principal, String removal) {
    return AccessChange.builder().principal(principal).before(AccessLevel.USER).after(AccessLevel.NONE)
        .addPathsBefore("direct").removal(removal).build();
  }

  private static WorkspaceObject job(String id, String name, boolean scheduled, ObjectTie... ties) {
    return object(WorkspaceObject.Kind.JOB, id, name, scheduled, null, ties);
  }

  private static WorkspaceObject cluster(String id, String name, boolean running, ObjectTie... ties) {
    return object(WorkspaceObject.Kind.CLUSTER, id, name, running, null, ties);
  }

  private static WorkspaceObject token(String id, long ownerId, String createdBy, Instant expiry) {
    return object(WorkspaceObject.Kind.TOKEN, id, "", true, expiry, ObjectTie.of(ObjectTie.Role.OWNER, ownerId,
        createdBy));
  }

  private static WorkspaceObject object(WorkspaceObject.Kind kind, String id, String name, boolean active,
      Instant expiry, ObjectTie... ties) {
    return WorkspaceObject.builder().kind(kind).id(id).name(name).active(active).addTies(ties)
        .expiresAt(Optional.ofNullable(expiry)).build();
  }

  private static RuntimeException status(int status) {
    return ScimErrorAccess.get().serviceException("GET", "/api/2.0/objects", status, null, "refused", null, null,
        null, 1);
  }

  private static Map.Entry<String, Integer> entry(String key, int value) {
    return new AbstractMap.SimpleImmutableEntry<>(key, value);
  }

  /** A workspace's objects in memory, counting the calls made to it. */
  private static final class InMemoryObjects implements WorkspaceObjectsApi {
    private final Map<WorkspaceObject.Kind, List<WorkspaceObject>> objects =
        new EnumMap<>(WorkspaceObject.Kind.class);
    private final Map<WorkspaceObject.Kind, RuntimeException> failures = new EnumMap<>(WorkspaceObject.Kind.class);
    private final Map<String, WorkspaceObject> details = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> detailFailures = new ConcurrentHashMap<>();
    private final Map<WorkspaceObject.Kind, AtomicInteger> lists = new ConcurrentHashMap<>();
    private final Map<String, Integer> detailCalls = new ConcurrentHashMap<>();
    private RuntimeException failAll;
    private CountDownLatch gate;

    InMemoryObjects add(WorkspaceObject object) {
      objects.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
      return this;
    }

    InMemoryObjects withDetails(WorkspaceObject object) {
      details.put(object.id(), object);
      return this;
    }

    InMemoryObjects fail(WorkspaceObject.Kind kind, RuntimeException failure) {
      failures.put(kind, failure);
      return this;
    }

    InMemoryObjects failAll(RuntimeException failure) {
      failAll = failure;
      return this;
    }

    InMemoryObjects blockLists(CountDownLatch latch) {
      gate = latch;
      return this;
    }

    InMemoryObjects failDetails(String id, RuntimeException failure) {
      detailFailures.put(id, failure);
      return this;
    }

    int lists(WorkspaceObject.Kind kind) {
      AtomicInteger count = lists.get(kind);
      return count == null ? 0 : count.get();
    }

    int totalLists() {
      int total = 0;
      for (AtomicInteger count : lists.values()) {
        total += count.get();
      }
      return total;
    }

    Map<String, Integer> detailCalls() {
      return detailCalls;
    }

    @Override
    public List<WorkspaceObject> list(WorkspaceObject.Kind kind) {
      lists.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw ScimErrorAccess.get().clientException("interrupted", e, 1, false);
        }
      }
      if (failAll != null) {
        throw failAll;
      }
      if (failures.containsKey(kind)) {
        throw failures.get(kind);
      }
      return new ArrayList<>(objects.getOrDefault(kind, Collections.emptyList()));
    }

    @Override
    public WorkspaceObject details(WorkspaceObject object) {
      if (!WorkspaceObjectsApi.hasDetails(object.kind())) {
        throw new IllegalArgumentException("no details for " + object.kind());
      }
      detailCalls.merge(object.id(), 1, Integer::sum);
      if (detailFailures.containsKey(object.id())) {
        throw detailFailures.get(object.id());
      }
      WorkspaceObject detailed = details.get(object.id());
      return detailed != null ? detailed : object;
    }
  }
}
