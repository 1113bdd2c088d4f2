package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryLimits;
import dev.dbscim.client.sync.DirectoryServicePrincipal;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Syncs a directory into the fake while it injects faults, interrupts an apply half way, and checks that the final
 * state equals the directory exactly: no duplicate principal, no lost membership, no deletion outside the plan.
 * Reduced size in {@code mvn verify}; {@code -Psoak} ({@code -Ddbscim.soak=true}) runs 10,000 users and 1,000
 * groups.
 */
@Timeout(300)
class ChaosSyncTest {
  static final boolean SOAK = Boolean.getBoolean("dbscim.soak");
  static final int USERS = SOAK ? 10_000 : 600;
  static final int GROUPS = SOAK ? 1_000 : 60;
  // The account limit is 10,000 users and service principals together: the soak size fills it with users.
  static final int SERVICE_PRINCIPALS = SOAK ? 0 : 10;

  FakeScimServer server;
  ScimAccountClient client;
  long workspaceId;

  @BeforeEach
  void start() {
    // Room for the fake's own workspace admin and user besides a full directory.
    server = FakeScimServer.builder().workspaces(1).maxPrincipals(10_010).journalCapacity(1_000_000).build().start();
    client = FakeClients.account(server);
    workspaceId = server.workspaces().get(0).id();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static Directory directory(long workspaceId, int users, int groups, int sps, long seed) {
    Random random = new Random(seed);
    Directory.Builder directory = Directory.builder();
    List<DirectoryUser> userList = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      userList.add(DirectoryUser.builder("chaos" + i + "@example.com").displayName("Chaos " + i)
          .externalId("idp-" + i).active(i % 50 != 0).build());
    }
    directory.users(userList);
    List<DirectoryServicePrincipal> spList = new ArrayList<>();
    for (int i = 0; i < sps; i++) {
      spList.add(DirectoryServicePrincipal.builder(new UUID(seed, i).toString()).displayName("sp-" + i).build());
    }
    directory.servicePrincipals(spList);
    List<DirectoryGroup> groupList = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      Set<String> members = new LinkedHashSet<>();
      int size = 1 + random.nextInt(Math.min(30, users));
      while (members.size() < size) {
        members.add("chaos" + random.nextInt(users) + "@example.com");
      }
      DirectoryGroup.Builder group = DirectoryGroup.builder("chaos-group-" + g).externalId("idp-g-" + g)
          .memberUsers(members);
      if (g % 5 == 4) {
        group.memberGroups("chaos-group-" + (g - 1));
      }
      if (g % 7 == 0 && sps > 0) {
        group.memberServicePrincipals(spList.get(g % sps).applicationId());
      }
      groupList.add(group.build());
    }
    directory.groups(groupList);
    directory.addWorkspaceAssignments(
        DirectoryWorkspaceAssignment.ofGroup(workspaceId, "chaos-group-0", WorkspacePermission.USER),
        DirectoryWorkspaceAssignment.ofGroup(workspaceId, "chaos-group-1", WorkspacePermission.ADMIN));
    return directory.build();
  }

  void injectChaos(long seed) {
    // About 10% 429/503 (half with Retry-After), 1% dropped connections (half of them after the request was served,
    // so the client cannot tell whether it took effect), and random latency.
    server.failNext(Fault.status(429).retryAfter(Duration.ofSeconds(1)).probability(0.03).seed(seed));
    server.failNext(Fault.status(429).probability(0.03).seed(seed + 1));
    server.failNext(Fault.status(503).retryAfter(Duration.ofSeconds(2)).probability(0.02).seed(seed + 2));
    server.failNext(Fault.status(503).probability(0.02).seed(seed + 3));
    server.failNext(Fault.disconnect().probability(0.005).seed(seed + 4));
    server.failNext(Fault.responseLost().probability(0.005).seed(seed + 5));
    server.failNext(Fault.latency(Duration.ofMillis(3)).probability(0.05).seed(seed + 6));
  }

  /** Plans and applies until a plan is empty, as an operator re-running a failed sync would; returns the rounds. */
  static int syncUntilConverged(SyncEngine engine, Directory directory, int maxRounds) {
    for (int round = 1; round <= maxRounds; round++) {
      SyncPlan plan;
      try {
        plan = engine.plan(directory);
      } catch (ScimException readFailed) {
        continue; // a read ran out of retries: run again
      }
      if (plan.isEmpty()) {
        return round;
      }
      engine.apply(plan);
    }
    throw new AssertionError("no convergence within " + maxRounds + " rounds");
  }

  void assertStateEquals(Directory directory, int fixtureUsers) {
    new StateCheck(server).assertStateEquals(directory, fixtureUsers);
  }

  /** Checks that a fake holds exactly a directory's principals and memberships. */
  static final class StateCheck {
    private final FakeScimServer server;

    StateCheck(FakeScimServer server) {
      this.server = server;
    }

    void assertStateEquals(Directory directory, int fixtureUsers) {
      assertThat(server.state().userCount()).isEqualTo(fixtureUsers + directory.users().size());
      assertThat(server.state().servicePrincipalCount()).isEqualTo(directory.servicePrincipals().size());
      Map<String, String> names = new HashMap<>();
      for (DirectoryUser wanted : directory.users()) {
        User user = server.state().userByName(wanted.userName()).orElseThrow(AssertionError::new);
        assertThat(user.displayName()).contains(wanted.displayName().get());
        assertThat(user.active().orElse(true)).isEqualTo(wanted.active());
        names.put(user.id().get(), wanted.userName());
      }
      for (DirectoryServicePrincipal wanted : directory.servicePrincipals()) {
        names.put(server.state().servicePrincipalByApplicationId(wanted.applicationId()).get().id().get(),
            wanted.applicationId());
      }
      for (DirectoryGroup wanted : directory.groups()) {
        names.put(server.state().groupByName(wanted.displayName()).get().id().get(), wanted.displayName());
      }
      for (DirectoryGroup wanted : directory.groups()) {
        Group group = server.state().groupByName(wanted.displayName()).orElseThrow(AssertionError::new);
        Set<String> actual = new TreeSet<>();
        for (String id : server.state().members(group.id().get())) {
          actual.add(names.getOrDefault(id, "?" + id));
        }
        Set<String> expected = new TreeSet<>(wanted.memberUsers());
        expected.addAll(wanted.memberServicePrincipals());
        expected.addAll(wanted.memberGroups());
        assertThat(actual).as(wanted.displayName()).isEqualTo(expected);
      }
    }
  }

  static void assertNothingCreatedTwiceOrDeleted(List<RecordedCall> journal) {
    Map<String, Integer> created = new HashMap<>();
    for (RecordedCall call : journal) {
      assertThat(call.method()).as("no deletion outside the plan").isNotEqualTo("DELETE");
      if (call.method().equals("POST") && call.status() == 201) {
        created.merge(call.path() + " " + keyOf(call.body()), 1, Integer::sum);
      }
    }
    assertThat(created).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
  }

  static String keyOf(String body) {
    for (String field : new String[] {"\"userName\":\"", "\"applicationId\":\"", "\"displayName\":\""}) {
      int start = body.indexOf(field);
      if (start >= 0) {
        start += field.length();
        return body.substring(start, body.indexOf('"', start));
      }
    }
    return body;
  }

  @Test
  void chaosSync_convergesToExactlyTheDirectory_withNothingDuplicatedOrDeleted() {
    int fixtureUsers = server.state().userCount();
    Directory directory = directory(workspaceId, USERS, GROUPS, SERVICE_PRINCIPALS, 7);
    directory.validateOrThrow(DirectoryLimits.databricks());
    SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).concurrency(8).build();
    injectChaos(11);

    int rounds = syncUntilConverged(engine, directory, 8);

    long faults = server.recordedRequests().stream().filter(c -> c.status() == 429 || c.status() == 503
        || c.status() == 0).count();
    System.out.printf("chaos sync: %d users, %d groups, %d requests, %d faults answered, %d rounds%n", USERS,
        GROUPS, server.recordedRequests().size(), faults, rounds);
    assertThat(faults).isPositive();
    server.clearFaults();
    assertThat(engine.plan(directory).isEmpty()).isTrue();
    assertStateEquals(directory, fixtureUsers);
    assertNothingCreatedTwiceOrDeleted(server.recordedRequests());
  }

  @Test
  void interruptedApply_stopsHalfWay_andAReRunConverges() throws Exception {
    int fixtureUsers = server.state().userCount();
    Directory directory = directory(workspaceId, USERS / 2, GROUPS / 2, SERVICE_PRINCIPALS, 8);
    AtomicReference<Thread> applier = new AtomicReference<>();
    AtomicInteger seen = new AtomicInteger();
    SyncEngine interrupting = SyncEngine.builder().target(SyncTarget.account(client)).concurrency(4)
        .progressListener((result, progress) -> {
          if (seen.incrementAndGet() == progress.total() / 2) {
            applier.get().interrupt();
          }
        })
        .build();
    SyncPlan plan = interrupting.plan(directory);
    AtomicReference<SyncReport> report = new AtomicReference<>();
    Thread thread = new Thread(() -> report.set(interrupting.apply(plan)), "applier");
    applier.set(thread);
    thread.start();
    thread.join();

    assertThat(report.get().interrupted()).isTrue();
    assertThat(report.get().count(OperationResult.Outcome.NOT_RUN)).isPositive();
    assertThat(report.get().count(OperationResult.Outcome.SUCCEEDED)).isPositive();

    SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).build();
    assertThat(syncUntilConverged(engine, directory, 3)).isLessThanOrEqualTo(2);
    assertStateEquals(directory, fixtureUsers);
    assertNothingCreatedTwiceOrDeleted(server.recordedRequests());
  }

  @Test
  void lostCreateResponse_isNotDuplicated_andALostPatchIsHarmless() {
    int fixtureUsers = server.state().userCount();
    Directory directory = directory(workspaceId, 20, 4, 2, 9);
    SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).concurrency(1).build();
    server.failNext(Fault.responseLost().on("POST", "/Users$").times(3));
    server.failNext(Fault.responseLost().on("POST", "/Groups$").times(1));

    SyncReport first = engine.apply(engine.plan(directory));

    assertThat(first.isSuccess()).as(first.summary()).isTrue();
    assertStateEquals(directory, fixtureUsers);
    assertNothingCreatedTwiceOrDeleted(server.recordedRequests());

    // A membership PATCH whose answer is lost has taken effect; the next sync finds nothing left to do.
    Directory moved = directory.toBuilder().groups(List.of(directory.groups().get(0).toBuilder()
        .memberUsers("chaos1@example.com", "chaos2@example.com").build(),
        directory.groups().get(1), directory.groups().get(2), directory.groups().get(3))).build();
    server.failNext(Fault.responseLost().on("PATCH", "/Groups/").times(1));
    engine.apply(engine.plan(moved));
    assertThat(syncUntilConverged(engine, moved, 2)).isLessThanOrEqualTo(2);
    assertStateEquals(moved, fixtureUsers);
  }
}
