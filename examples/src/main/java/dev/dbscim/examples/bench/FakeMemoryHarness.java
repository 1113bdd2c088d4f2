package dev.dbscim.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap a {@link FakeScimServer} retains when it holds 10,000 users, 5,000 groups and 100,000 direct
 * memberships (each group has 20 user members), the account limits of Databricks. It seeds through the state API,
 * runs {@link System#gc()} a few times and reads the used heap from the {@link MemoryMXBean} before and after. It
 * measures again after listing every user and group once over HTTP, which fills the fake's cache of rendered
 * resources.
 *
 * <p>The goal from issue 4: under 150 MB of heap. JMH does not run mains, so install the modules once and run the
 * harness with the exec plugin from the repository root:
 *
 * <pre>
 * mvn -B -q -pl examples -am install -DskipTests
 * mvn -B -q -pl examples exec:exec -Dexec.executable=java \
 *     -Dexec.args="-Xmx512m -cp %classpath dev.dbscim.examples.bench.FakeMemoryHarness"
 * </pre>
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
    FakeScimServer scim = FakeScimServer.builder().maxPrincipals(USERS + 100).maxGroups(GROUPS + 10).build();
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
    scim.start();
    int listed = listEverything(scim, "Users") + listEverything(scim, "Groups");
    long afterReads = usedAfterGc(memory);

    System.out.printf("seeded %d users, %d groups, %d memberships in %d ms%n", USERS, GROUPS, memberships,
        seeded / 1_000_000);
    System.out.printf("retained heap: %.1f MB (used before %.1f MB, after %.1f MB)%n",
        (after - before) / 1e6, before / 1e6, after / 1e6);
    System.out.printf("retained heap after listing all %d resources once: %.1f MB%n", listed,
        (afterReads - before) / 1e6);
    scim.close();
    // Keep both fakes reachable until the figures are read.
    System.out.println(scim.state().userByName("user0@example.com").isPresent() && warmUp.toString() != null
        ? "ok" : "missing");
  }

  private static int listEverything(FakeScimServer scim, String resource) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI base = scim.url().resolve("/api/2.0/accounts/" + scim.accountId() + "/scim/v2/" + resource);
    int seen = 0;
    int total = Integer.MAX_VALUE;
    while (seen < total) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "?startIndex=" + (seen + 1) + "&count=100"))
          .header("Authorization", "Bearer " + scim.accountToken()).build();
      try {
        JsonNode page = ScimJson.read(client.send(request, HttpResponse.BodyHandlers.ofString()).body(),
            JsonNode.class);
        total = page.get("totalResults").asInt();
        seen += page.get("itemsPerPage").asInt();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return seen;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
