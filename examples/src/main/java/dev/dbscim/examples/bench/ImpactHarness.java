package dev.dbscim.examples.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.CurrentState;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryLimits;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.ImpactOptions;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.client.sync.WorkspaceAccessChanges;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import dev.dbscim.testkit.RecordedCall;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures what impact-aware planning adds to a plan (issue 17): an account of 10,000 users, 5,000 groups and 100,000
 * memberships, 3 workspaces each with 2,000 jobs, 500 clusters and 5,000 tokens, and a directory that drops 500 users.
 * It reports, as medians over rounds:
 * <ul>
 *   <li>the CPU and allocation of computing access changes on the calling thread, from a state already read (no
 *       requests): {@code plan(directory, state)} with impact on minus with impact off;</li>
 *   <li>the process CPU of a whole plan with impact reads minus one without (the in-process fake's serving of the
 *       object pages is included, so this bounds the client's share from above);</li>
 *   <li>the heap a plan with impact retains beyond one without;</li>
 *   <li>the impact requests the fake saw, against kinds x workspaces x pages (and, with {@code --deep}, one
 *       {@code jobs/get} per job).</li>
 * </ul>
 *
 * <pre>
 * mvn -B -o -Pbench -pl examples -am verify -DskipTests \
 *     -Dbench.main=dev.dbscim.examples.bench.ImpactHarness -Dbench.args="--rounds=5"
 * </pre>
 *
 * <p>Options: {@code --users=N} (10,000), {@code --groups=N} (5,000), {@code --memberships=N} (100,000),
 * {@code --workspaces=N} (3), {@code --jobs=N} (2,000 per workspace), {@code --clusters=N} (500), {@code --tokens=N}
 * (5,000), {@code --remove=N} (500), {@code --rounds=N} (5), {@code --deep} (also read each job's run-as).
 */
public final class ImpactHarness {
  private static final long FIRST_WORKSPACE = 1001;
  /** The impact endpoints, as path fragments. */
  private static final String[] IMPACT_PATHS = {"/token-management/", "/jobs/", "/clusters/", "/sql/warehouses",
      "/sql/queries", "/sql/alerts", "/preview/sql/dashboards", "/lakeview/", "/permissions/"};

  private ImpactHarness() {}

  /**
   * Runs the harness.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    int users = BenchOptions.integer(args, "users", 10_000);
    int groups = BenchOptions.integer(args, "groups", 5_000);
    int memberships = BenchOptions.integer(args, "memberships", 100_000);
    int workspaces = BenchOptions.integer(args, "workspaces", 3);
    int jobs = BenchOptions.integer(args, "jobs", 2_000);
    int clusters = BenchOptions.integer(args, "clusters", 500);
    int tokens = BenchOptions.integer(args, "tokens", 5_000);
    int remove = BenchOptions.integer(args, "remove", 500);
    int rounds = BenchOptions.integer(args, "rounds", 5);
    boolean deep = Arrays.asList(args).contains("--deep") || String.join(" ", args).contains("--deep");

    Directory full = directory(users, groups, memberships, workspaces, 0);
    Directory reduced = directory(users, groups, memberships, workspaces, remove);
    try (FakeScimServer fake = FakeScimServer.builder().workspaces(workspaces).maxPrincipals(users + 100)
        .maxGroups(groups + 10).journalCapacity(1_000_000).build().start();
        ScimAccountClient account = EmbeddedFakeClients.account(fake)) {
      SyncTarget target = SyncTarget.account(account);
      DirectoryLimits limits = DirectoryLimits.databricks();
      long seedStart = System.nanoTime();
      SyncEngine seeder = SyncEngine.builder().target(target).options(SyncOptions.builder()
          .impact(ImpactOptions.disabled()).build()).concurrency(8).limits(limits).build();
      seeder.apply(seeder.plan(full));
      Map<Long, ScimWorkspaceClient> clients = new LinkedHashMap<>();
      Random random = new Random(17);
      for (FakeWorkspace workspace : fake.workspaces()) {
        List<String> owners = visibleUsers(full, workspace.id());
        clients.put(workspace.id(), EmbeddedFakeClients.workspace(fake, workspace.id()));
        for (int i = 0; i < jobs; i++) {
          workspace.addJob(owners.get(random.nextInt(owners.size())), "job " + i, i % 3 != 0);
        }
        for (int i = 0; i < clusters; i++) {
          workspace.addCluster(owners.get(random.nextInt(owners.size())), "cluster " + i);
        }
        for (int i = 0; i < tokens; i++) {
          workspace.addToken(owners.get(random.nextInt(owners.size())), "token " + i);
        }
      }
      System.out.printf(Locale.ROOT, "seeded: %d users, %d groups, %d memberships, %d workspaces x (%d jobs, %d "
          + "clusters, %d tokens) in %.1f s%n", users, groups, memberships, workspaces, jobs, clusters, tokens,
          (System.nanoTime() - seedStart) / 1e9);

      SyncOptions off = SyncOptions.builder().impact(ImpactOptions.disabled()).build();
      SyncOptions on = SyncOptions.builder().impact(ImpactOptions.builder().workspaceClients(clients)
          .deepReads(deep).build()).build();
      SyncEngine without = SyncEngine.builder().target(target).options(off).limits(limits).build();
      SyncEngine with = SyncEngine.builder().target(target).options(on).limits(limits).build();
      CurrentState state = with.readState(reduced);

      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long[] computeCpu = new long[rounds];
      long[] computeAlloc = new long[rounds];
      long[] processCpu = new long[rounds];
      long[] retained = new long[rounds];
      long[] fakeCpu = new long[rounds];
      long[] readCpu = new long[rounds];
      long[] readAlloc = new long[rounds];
      int objectCount = 0;
      long[] processAlloc = new long[rounds];
      long impactRequests = 0;
      SyncPlan sample = null;
      for (int round = -1; round < rounds; round++) {
        // Access changes from a state already read: the calling thread does all of it.
        long cpu0 = threads.getCurrentThreadCpuTime();
        long alloc0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        without.plan(reduced, state);
        long cpu1 = threads.getCurrentThreadCpuTime();
        long alloc1 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        with.plan(reduced, state);
        long cpu2 = threads.getCurrentThreadCpuTime();
        long alloc2 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        // The client's part of the impact reads: every list of every workspace, read on this thread (HttpClient's
        // selector thread only moves bytes), parsed into WorkspaceObjects.
        long cpu3 = threads.getCurrentThreadCpuTime();
        long alloc3 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        int objects = 0;
        for (ScimWorkspaceClient client : clients.values()) {
          for (WorkspaceObject.Kind kind : WorkspaceObject.Kind.values()) {
            objects += client.objects().list(kind).size();
          }
        }
        long cpu4 = threads.getCurrentThreadCpuTime();
        long alloc4 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        // Whole plans with reads: process CPU and allocation (client and in-process fake).
        long process0 = os.getProcessCpuTime();
        long allocated0 = totalAllocated(threads);
        SyncPlan plain = without.plan(reduced);
        long process1 = os.getProcessCpuTime();
        long allocated1 = totalAllocated(threads);
        fake.clearRecordedRequests();
        long process2 = os.getProcessCpuTime();
        long allocated2 = totalAllocated(threads);
        SyncPlan impactful = with.plan(reduced);
        long process3 = os.getProcessCpuTime();
        long allocated3 = totalAllocated(threads);
        List<RecordedCall> impactCalls = new ArrayList<>();
        for (RecordedCall call : fake.recordedRequests()) {
          if (isImpactRead(call)) {
            impactCalls.add(call);
          }
        }
        long requests = impactCalls.size();
        // The fake's share: the same requests sent raw, bodies discarded.
        long process4 = os.getProcessCpuTime();
        replay(fake, impactCalls);
        long process5 = os.getProcessCpuTime();
        if (plain.operations().size() != impactful.operations().size()) {
          throw new IllegalStateException("impact changed the plan's steps");
        }
        // Heap retained: holding the plan with impact, then holding one without instead.
        Object held = impactful;
        plain = null;
        long heapWithImpact = usedHeapAfterGc();
        held = without.plan(reduced);
        long heapWithout = usedHeapAfterGc();
        if (held == null) {
          throw new IllegalStateException("no plan");
        }
        if (round >= 0) {
          computeCpu[round] = (cpu2 - cpu1) - (cpu1 - cpu0);
          computeAlloc[round] = (alloc2 - alloc1) - (alloc1 - alloc0);
          readCpu[round] = cpu4 - cpu3;
          readAlloc[round] = alloc4 - alloc3;
          objectCount = objects;
          processCpu[round] = (process3 - process2) - (process1 - process0);
          fakeCpu[round] = process5 - process4;
          processAlloc[round] = (allocated3 - allocated2) - (allocated1 - allocated0);
          retained[round] = heapWithImpact - heapWithout;
          impactRequests = requests;
          sample = impactful;
        }
      }
      // Jobs and clusters come 100 a page; tokens in one answer; the five other kinds, empty here, one page each.
      int perPage100 = (jobs + 99) / 100 + (clusters + 99) / 100;
      long expected = (long) workspaces * (perPage100 + 6) + (deep ? (long) workspaces * jobs : 0);
      System.out.printf(Locale.ROOT, "plan: %d steps, %d removals; impact: %s%n", sample.operations().size(),
          sample.removalCount(), sample.impact());
      for (WorkspaceAccessChanges access : sample.impact().access()) {
        System.out.println("  " + access);
      }
      System.out.printf(Locale.ROOT, "access changes from a read state (calling thread): CPU %.1f ms, allocation "
          + "%.1f MB (medians of %d)%n", median(computeCpu) / 1e6, median(computeAlloc) / 1e6, rounds);
      System.out.printf(Locale.ROOT, "reading and parsing every object list (%d objects, calling thread): CPU %.1f "
          + "ms, allocation %.1f MB%n", objectCount, median(readCpu) / 1e6, median(readAlloc) / 1e6);
      System.out.printf(Locale.ROOT, "whole plan with impact reads minus without (process CPU, fake included): "
          + "%.1f ms%n", median(processCpu) / 1e6);
      System.out.printf(Locale.ROOT, "  of which the fake serving the same requests (replayed raw): %.1f ms; the "
          + "client's share: about %.1f ms%n", median(fakeCpu) / 1e6, (median(processCpu) - median(fakeCpu)) / 1e6);
      if (median(processAlloc) > 0) {
        System.out.printf(Locale.ROOT, "allocation of the whole plan with impact minus without (fake included): "
            + "%.1f MB%n", median(processAlloc) / 1e6);
      }
      System.out.printf(Locale.ROOT, "heap retained by the plan with impact beyond one without: %.1f MB%n",
          median(retained) / 1e6);
      System.out.printf(Locale.ROOT, "impact requests: %d (lists read %d, details %d); expected kinds x workspaces x "
          + "pages%s = %d%n", impactRequests, sample.impact().listsRead(), sample.impact().detailRequests(),
          deep ? " + one jobs/get per job" : "", expected);
      for (String cost : sample.impact().deepReadCost()) {
        System.out.println("  deep reads: " + cost);
      }
      for (ScimWorkspaceClient client : clients.values()) {
        client.close();
      }
    }
  }

  /** Sends the recorded requests again with a plain client, as the workspace's admin, and discards the bodies. */
  private static void replay(FakeScimServer fake, List<RecordedCall> calls) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    Map<Long, FakeWorkspace> workspaces = new LinkedHashMap<>();
    for (FakeWorkspace workspace : fake.workspaces()) {
      workspaces.put(workspace.id(), workspace);
    }
    try {
      for (RecordedCall call : calls) {
        FakeWorkspace workspace = workspaces.get(call.workspaceId().getAsLong());
        java.net.URI uri = workspace.url().resolve(call.target());
        http.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + workspace.adminToken())
            .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Returns the bytes all threads allocated since the start (JDK 21 on), or 0 where the JDK cannot tell. */
  private static long totalAllocated(ThreadMXBean threads) {
    try {
      return (Long) ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes").invoke(threads);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean isImpactRead(RecordedCall call) {
    if (!call.workspaceId().isPresent()) {
      return false;
    }
    for (String path : IMPACT_PATHS) {
      if (call.path().contains(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the directory: users {@code user<i>@example.com}, groups of about memberships/groups users each (every
   * tenth also holds the group before it), groups 0 to 299 assigned to the workspaces in turn (every 50th as ADMIN),
   * and the users from {@code remove} on (the first {@code remove} are left out, so a plan removes them).
   */
  static Directory directory(int users, int groups, int memberships, int workspaces, int remove) {
    Random random = new Random(42);
    Directory.Builder directory = Directory.builder();
    List<DirectoryUser> directoryUsers = new ArrayList<>(users);
    for (int i = remove; i < users; i++) {
      directoryUsers.add(DirectoryUser.builder("user" + i + "@example.com").displayName("User " + i)
          .externalId("idp-u-" + i).build());
    }
    directory.users(directoryUsers);
    int perGroup = Math.max(1, memberships / Math.max(groups, 1));
    List<DirectoryGroup> directoryGroups = new ArrayList<>(groups);
    List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      Set<String> members = new LinkedHashSet<>();
      while (members.size() < Math.min(perGroup, users)) {
        int user = random.nextInt(users);
        members.add("user" + user + "@example.com");
      }
      List<String> kept = new ArrayList<>();
      for (String member : members) {
        if (Integer.parseInt(member.substring(4, member.indexOf('@'))) >= remove) {
          kept.add(member);
        }
      }
      DirectoryGroup.Builder group = DirectoryGroup.builder("group-" + g).externalId("idp-g-" + g).memberUsers(kept);
      if (g % 10 == 9) {
        group.memberGroups("group-" + (g - 1));
      }
      directoryGroups.add(group.build());
      if (g < 300) {
        assignments.add(DirectoryWorkspaceAssignment.ofGroup(FIRST_WORKSPACE + g % workspaces, "group-" + g,
            g % 50 == 0 ? WorkspacePermission.ADMIN : WorkspacePermission.USER));
      }
    }
    directory.groups(directoryGroups);
    directory.workspaceAssignments(assignments);
    return directory.build();
  }

  /** Returns the users that are direct members of a group assigned to the workspace. */
  private static List<String> visibleUsers(Directory directory, long workspaceId) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> assigned = new LinkedHashSet<>();
    for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
      if (assignment.workspaceId() == workspaceId) {
        assigned.add(assignment.principalName());
      }
    }
    for (DirectoryGroup group : directory.groups()) {
      if (assigned.contains(group.displayName())) {
        users.addAll(group.memberUsers());
      }
    }
    return new ArrayList<>(users);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
