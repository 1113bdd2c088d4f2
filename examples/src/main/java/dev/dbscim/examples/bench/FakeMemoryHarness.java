package dev.dbscim.examples.bench;

import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap a {@link FakeScimServer} retains when it holds 10,000 users, 5,000 groups and 100,000 direct
 * memberships (each group has 20 user members), the account limits of Databricks. It seeds through the state API,
 * runs {@link System#gc()} a few times and reads the used heap from the {@link MemoryMXBean} before and after.
 *
 * <p>The goal from issue 4: under 150 MB of heap. Run from the repository root (the harness prints one line per
 * figure; the {@code -Xmx} keeps the collector honest):
 *
 * <pre>
 * mvn -B -q -o -pl examples -am install -DskipTests
 * java -Xmx512m -cp "$(cat examples/target/classpath.txt 2&gt;/dev/null || echo examples/target/classes)" ...
 * </pre>
 *
 * <p>or simply, with the exec plugin: {@code mvn -B -o -pl examples -am verify -Pbench -DskipTests
 * -Djmh.args=...} does not run mains, so use {@code mvn -B -o -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.bench.FakeMemoryHarness} after an install.
 */
public final class FakeMemoryHarness {
  private static final int USERS = 10_000;
  private static final int GROUPS = 5_000;
  private static final int MEMBERS_PER_GROUP = 20;

  private FakeMemoryHarness() {}

  /**
   * Seeds the fake and prints the retained heap.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // Warm up class loading and the JSON machinery with a throwaway fake, so the figure is the data only.
    FakeScimServer warmUp = FakeScimServer.create();
    warmUp.state().seed(User.builder().userName("warm@example.com").build());
    long before = usedAfterGc(memory);

    long start = System.nanoTime();
    FakeScimServer scim = FakeScimServer.builder().maxPrincipals(USERS + 100).build();
    List<String> userIds = new ArrayList<>(USERS);
    for (int i = 0; i < USERS; i++) {
      userIds.add(scim.state().seed(User.builder().userName("user" + i + "@example.com")
          .displayName("User Number " + i).build()).id().get());
    }
    int memberships = 0;
    for (int g = 0; g < GROUPS; g++) {
      String groupId = scim.state().seed(Group.builder().displayName("group-" + g).build()).id().get();
      for (int k = 0; k < MEMBERS_PER_GROUP; k++) {
        scim.state().addMember(groupId, userIds.get((g * MEMBERS_PER_GROUP + k) % USERS));
        memberships++;
      }
    }
    long seeded = System.nanoTime() - start;
    long after = usedAfterGc(memory);

    System.out.printf("seeded %d users, %d groups, %d memberships in %d ms%n", USERS, GROUPS, memberships,
        seeded / 1_000_000);
    System.out.printf("retained heap: %.1f MB (used before %.1f MB, after %.1f MB)%n",
        (after - before) / 1e6, before / 1e6, after / 1e6);
    // Keep both fakes reachable until the figures are read.
    System.out.println(scim.state().userByName("user0@example.com").isPresent() && warmUp.toString() != null
        ? "ok" : "missing");
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
