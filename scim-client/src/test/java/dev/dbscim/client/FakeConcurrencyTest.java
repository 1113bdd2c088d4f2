package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.UserPatch;
import dev.dbscim.testkit.FakeScimServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One account client shared by 32 threads doing mixed operations against the fake, then the fake's invariants:
 * unique user names (ignoring case) and group names, the principal limit under concurrent creates, membership
 * symmetry between users' {@code groups} and groups' {@code members}, and no lost member updates on one group.
 * Reduced sizes by default; {@code -Ddbscim.soak=true} (the {@code soak} profile) runs 20 times more operations.
 */
@Timeout(120)
class FakeConcurrencyTest {
  static final boolean SOAK = Boolean.getBoolean("dbscim.soak");
  static final int THREADS = 32;
  static final int OPERATIONS_PER_THREAD = SOAK ? 500 : 25;

  /** Runs {@code work(thread)} on 32 threads released together; rethrows the first failure. */
  static void onThreads(ThrowingConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.accept(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  interface ThrowingConsumer {
    void accept(int thread) throws Exception;
  }

  @Test
  void mixedOperations_32ThreadsOneClient_keepUniquenessAndMembershipSymmetry() throws Exception {
    try (FakeScimServer scim = FakeScimServer.create().start()) {
      ScimAccountClient client = FakeClients.account(scim);
      Set<String> users = ConcurrentHashMap.newKeySet();
      Set<String> groups = ConcurrentHashMap.newKeySet();
      Set<String> servicePrincipals = ConcurrentHashMap.newKeySet();
      Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
      AtomicInteger operations = new AtomicInteger();
      onThreads(thread -> {
        Random random = new Random(0xC0FFEEL + thread);
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
          try {
            operate(client, random, users, groups, servicePrincipals);
          } catch (ScimServiceException e) {
            refusals.computeIfAbsent(e.status(), s -> new AtomicInteger()).incrementAndGet();
            assertThat(e.status()).as(e.getMessage()).isIn(400, 404, 409);
          }
          operations.incrementAndGet();
        }
      });

      assertThat(operations.get()).isEqualTo(THREADS * OPERATIONS_PER_THREAD);
      List<User> allUsers = new ArrayList<>();
      client.users().list().forEach(allUsers::add);
      List<Group> allGroups = new ArrayList<>();
      client.groups().list().forEach(allGroups::add);
      assertThat(unique(allUsers.stream().map(u -> u.userName().toLowerCase(Locale.ROOT))))
          .as("user names, ignoring case").isTrue();
      assertThat(unique(allGroups.stream().map(g -> g.displayName().toLowerCase(Locale.ROOT))))
          .as("group names").isTrue();
      Map<String, Set<String>> membersOf = new HashMap<>();
      for (Group group : allGroups) {
        if (group.displayName().startsWith("g-")) {
          Group full = client.groups().get(group.id().orElseThrow());
          Set<String> members = new HashSet<>();
          full.members().forEach(m -> members.add(m.value().orElseThrow()));
          membersOf.put(full.id().orElseThrow(), members);
        }
      }
      for (User listed : allUsers) {
        User user = client.users().get(listed.id().orElseThrow());
        String id = user.id().orElseThrow();
        Set<String> direct = new HashSet<>();
        for (ComplexValue ref : user.groups()) {
          if (membersOf.containsKey(ref.value().orElseThrow()) && !"indirect".equals(ref.type().orElse("direct"))) {
            direct.add(ref.value().orElseThrow());
          }
        }
        Set<String> expected = new HashSet<>();
        membersOf.forEach((groupId, members) -> {
          if (members.contains(id)) {
            expected.add(groupId);
          }
        });
        assertThat(direct).as("groups of user %s", user.userName()).isEqualTo(expected);
      }
      assertThat(refusals.getOrDefault(409, new AtomicInteger()).get()).as("name collisions").isPositive();
    }
  }

  private static void operate(ScimAccountClient client, Random random, Set<String> users, Set<String> groups,
      Set<String> servicePrincipals) {
    int name = random.nextInt(40);
    switch (random.nextInt(12)) {
      case 0:
      case 1: {
        String userName = (random.nextBoolean() ? "User" : "user") + name + "@Example.com";
        users.add(client.users().create(User.builder().userName(userName).build()).id().orElseThrow());
        break;
      }
      case 2: {
        String displayName = "g-" + name % 12;
        groups.add(client.groups().create(Group.builder().displayName(displayName).build()).id().orElseThrow());
        break;
      }
      case 3:
        servicePrincipals.add(client.servicePrincipals().create(ServicePrincipal.builder()
            .displayName("sp-" + name).build()).id().orElseThrow());
        break;
      case 4:
        client.users().get(pick(users, random));
        break;
      case 5:
        client.users().list(q -> q.pageSize(5)).iterator().hasNext();
        break;
      case 6:
      case 7:
        client.groups().addMembers(pick(groups, random), List.of(pick(users, random), pick(users, random)));
        break;
      case 8:
        client.groups().removeMembers(pick(groups, random), List.of(pick(users, random)));
        break;
      case 9:
        client.users().patch(pick(users, random), UserPatch.builder().active(random.nextBoolean()).build());
        break;
      case 10:
        if (random.nextInt(3) == 0) {
          String id = pick(users, random);
          client.users().delete(id);
          users.remove(id);
        } else {
          client.groups().patch(pick(groups, random), GroupPatch.builder().addMember(pick(servicePrincipals, random))
              .build());
        }
        break;
      default:
        if (random.nextInt(4) == 0) {
          String id = pick(groups, random);
          client.groups().delete(id);
          groups.remove(id);
        } else {
          client.servicePrincipals().get(pick(servicePrincipals, random));
        }
    }
  }

  private static String pick(Set<String> ids, Random random) {
    List<String> list = new ArrayList<>(ids);
    return list.isEmpty() ? "999999999" : list.get(random.nextInt(list.size()));
  }

  private static boolean unique(java.util.stream.Stream<String> names) {
    List<String> list = new ArrayList<>();
    names.forEach(list::add);
    return new HashSet<>(list).size() == list.size();
  }

  @Test
  void create_concurrentlyBeyondThePrincipalLimit_createsExactlyUpToTheLimit() throws Exception {
    int limit = SOAK ? 200 : 40;
    try (FakeScimServer scim = FakeScimServer.builder().maxPrincipals(limit).build().start()) {
      ScimAccountClient client = FakeClients.account(scim);
      int before = scim.state().userCountIncludingBuiltIns() + scim.state().servicePrincipalCount();
      AtomicInteger created = new AtomicInteger();
      List<Integer> refused = new CopyOnWriteArrayList<>();
      int perThread = (limit / THREADS + 2) * 2;
      onThreads(thread -> {
        for (int i = 0; i < perThread; i++) {
          try {
            if (i % 2 == 0) {
              client.users().create(User.builder().userName("u" + thread + "-" + i + "@example.com").build());
            } else {
              client.servicePrincipals().create(ServicePrincipal.builder().displayName("sp" + thread + "-" + i)
                  .build());
            }
            created.incrementAndGet();
          } catch (ScimServiceException e) {
            refused.add(e.status());
          }
        }
      });

      int after = scim.state().userCountIncludingBuiltIns() + scim.state().servicePrincipalCount();
      assertThat(after).isEqualTo(limit);
      assertThat(created.get()).isEqualTo(limit - before);
      assertThat(refused).hasSize(THREADS * perThread - (limit - before)).containsOnly(400);
    }
  }

  @Test
  void patchMembers_concurrentlyOnOneGroup_losesNoUpdate() throws Exception {
    int perThread = SOAK ? 40 : 6;
    try (FakeScimServer scim = FakeScimServer.create().start()) {
      ScimAccountClient client = FakeClients.account(scim);
      Group group = scim.state().seed(Group.builder().displayName("shared").build());
      String groupId = group.id().orElseThrow();
      List<List<String>> idsByThread = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          ids.add(scim.state().seed(User.builder().userName("m" + t + "-" + i + "@example.com").build()).id()
              .orElseThrow());
        }
        idsByThread.add(ids);
      }
      onThreads(thread -> {
        List<String> mine = idsByThread.get(thread);
        for (int i = 0; i < mine.size(); i++) {
          if (i % 2 == 0) {
            client.groups().addMembers(groupId, List.of(mine.get(i)));
          } else {
            client.groups().patch(groupId, GroupPatch.builder().addMember(mine.get(i)).build());
          }
        }
        if (thread % 2 == 1) {
          client.groups().removeMembers(groupId, mine.subList(0, mine.size() / 2));
        }
      });

      Set<String> expected = new HashSet<>();
      for (int t = 0; t < THREADS; t++) {
        List<String> ids = idsByThread.get(t);
        expected.addAll(t % 2 == 1 ? ids.subList(ids.size() / 2, ids.size()) : ids);
      }
      assertThat(new HashSet<>(scim.state().members(groupId))).isEqualTo(expected);
      for (int t = 0; t < THREADS; t++) {
        for (String id : idsByThread.get(t)) {
          boolean member = client.users().get(id).groups().stream()
              .anyMatch(ref -> ref.value().orElse("").equals(groupId));
          assertThat(member).as("user %s lists the group", id).isEqualTo(expected.contains(id));
        }
      }
      assertThat(Collections.unmodifiableSet(expected)).hasSize(THREADS * perThread - (THREADS / 2) * (perThread / 2));
    }
  }
}
