package dev.dbscim.examples.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Side-by-side comparison of SCIM clients against one in-process server (issue 3, "Acceptance"): the official
 * Databricks Java SDK, a bare {@code java.net.http.HttpClient} + Jackson loop in four configurations
 * ({@link BareHttpClientContender.Variant}), and dbscim's {@code ScimAccountClient}. Each lists 10,000 users (100 per page) and
 * creates 1,000 users one by one.
 *
 * <p>Run it pinned to one CPU from the repository root (needs the {@code bench} profile: the official SDK is a
 * dependency of that profile only):
 *
 * <pre>
 * mvn -B -o -Pbench -pl examples -am verify -DskipTests -Dbench.main=dev.dbscim.examples.bench.ClientComparison
 * </pre>
 *
 * <p>which runs {@code taskset -c 1 java -XX:ActiveProcessorCount=2 -Xms1g -Xmx1g -classpath <runtime classpath>
 * dev.dbscim.examples.bench.ClientComparison} (unpinned, with a warning, when {@code taskset} is missing). Options go in
 * {@code -Dbench.args="--warmup=30 --rounds=40 --contenders=official-sdk,dbscim"}; {@code -Dbench.cpu=0} picks another
 * CPU.
 *
 * <p>Method:
 * <ul>
 *   <li>One JVM, one loopback server ({@link BenchScimServer}, JDK {@code HttpServer} with TCP_NODELAY, handlers on its
 *       dispatcher thread), every client built once before measuring.</li>
 *   <li>Warm-up: {@code --warmup} rounds (default 30) of every operation of every contender, so the JIT settles.</li>
 *   <li>Measurement: {@code --rounds} rounds (default 40); in each round every contender lists, then creates
 *       ({@code --creates=0}: lists only); the contender order rotates by one each round (A B C, B C A, ...) so none
 *       always follows the same neighbour. The mix matters for the wall times: JIT compiler and GC threads run on the
 *       same pinned CPU and are billed to whichever operation they interrupt (the difference between the
 *       {@code proc cpu} and {@code cpu} columns), and the official SDK's share of them changes with the mix.</li>
 *   <li>Per operation: wall time ({@link System#nanoTime()}); client CPU time and allocated bytes summed over ALL live
 *       JVM threads except the server's ({@link ThreadCosts}: {@code com.sun.management.ThreadMXBean}
 *       {@code getThreadCpuTime}/{@code getThreadAllocatedBytes} over {@code getAllThreadIds()}, minus the threads that
 *       appeared while the server started, i.e. its dispatcher and timer); so the JDK client's selector and executor
 *       threads count as client. GC threads are not Java threads: GC time is reported separately (collector time that
 *       elapsed during the operation, from the {@link GarbageCollectorMXBean}s).</li>
 *   <li>Each operation checks its result (exactly 10,000 users seen; 1,000 ids returned), or the run fails.</li>
 *   <li>Reported: median and p90 (nearest rank) per contender and operation, and the ratios of the medians to the
 *       official SDK's.</li>
 * </ul>
 */
public final class ClientComparison {
  private static final String TOKEN = "dapi-bench-token";

  private ClientComparison() {}

  /**
   * Runs the comparison and prints the table.
   *
   * @param args options {@code --warmup=N}, {@code --rounds=N}, {@code --users=N}, {@code --creates=N} (0: list
   *     rounds only), {@code --contenders=a,b,...} (of official-sdk, jdk-floor, jdk-bare, jdk-bare-direct,
   *     jdk-bytes-direct, jdk-async-direct, dbscim; the first is the baseline of the ratios), {@code --user-groups=true}
   *     (users carry two groups, which the account API does not send; see {@link BenchScimServer#userGroups})
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "40"));
    int users = Integer.parseInt(options.getOrDefault("users", "10000"));
    int creates = Integer.parseInt(options.getOrDefault("creates", "1000"));
    List<String> names = Arrays.asList(
        options.getOrDefault("contenders",
            "official-sdk,jdk-floor,jdk-bare,jdk-bare-direct,jdk-bytes-direct,jdk-async-direct,dbscim").split(","));

    BenchScimServer.userGroups = Boolean.parseBoolean(options.getOrDefault("user-groups", "false"));
    try (BenchScimServer server = BenchScimServer.create(users)) {
      List<Contender> contenders = new ArrayList<>();
      for (String name : names) {
        contenders.add(contender(name.trim(), server, users));
      }
      ThreadCosts costs = new ThreadCosts(server.threadIds());
      printEnvironment(server);

      Map<String, Samples> list = new LinkedHashMap<>();
      Map<String, Samples> create = new LinkedHashMap<>();
      for (Contender c : contenders) {
        list.put(c.name(), new Samples());
        create.put(c.name(), new Samples());
      }

      // First round: show how many requests each operation makes (and prove the results are right).
      System.out.println("requests per operation (server count):");
      for (Contender c : contenders) {
        long lists = server.listRequests();
        long posts = server.createRequests();
        long other = server.otherRequests();
        run(c, Contender::listAll, users, "listAll");
        if (creates > 0) {
          run(c, x -> x.create(creates), creates, "create");
        }
        System.out.printf(Locale.ROOT, "  %-16s listAll %d GETs, create %d POSTs, other %d%n", c.name(),
            server.listRequests() - lists, server.createRequests() - posts, server.otherRequests() - other);
      }

      long warmStart = System.nanoTime();
      for (int r = 1; r < warmup; r++) {
        for (Contender c : contenders) {
          run(c, Contender::listAll, users, "listAll");
          if (creates > 0) {
            run(c, x -> x.create(creates), creates, "create");
          }
        }
      }
      System.out.printf(Locale.ROOT, "warm-up: %d rounds in %.1f s%n", warmup,
          (System.nanoTime() - warmStart) / 1e9);

      Map<String, Integer> threadsEnded = new TreeMap<>();
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < contenders.size(); k++) {
          Contender c = contenders.get((r + k) % contenders.size());
          measure(c, Contender::listAll, users, "listAll", costs, list.get(c.name()), threadsEnded);
          if (creates > 0) {
            measure(c, x -> x.create(creates), creates, "create", costs, create.get(c.name()), threadsEnded);
          }
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf(Locale.ROOT, "measured: %d interleaved rounds; load average %.2f before, %.2f after; "
          + "client threads that ended mid-operation (their last figures are lost), by name and operation: %s%n%n",
          rounds, loadBefore,
          loadAfter, threadsEnded.isEmpty() ? "none" : threadsEnded);

      String baseline = contenders.get(0).name();
      printTable("listAll (" + users + " users, pages of " + BenchScimServer.PAGE_CAP + ")", list, baseline);
      if (creates > 0) {
        printTable("create x" + creates, create, baseline);
      }
      if (list.containsKey("dbscim") && list.containsKey("official-sdk")) {
        printGoals(list, creates > 0 ? create : null);
      }
      for (Contender c : contenders) {
        c.close();
      }
    }
  }

  private static Contender contender(String name, BenchScimServer server, int users) {
    switch (name) {
      case "official-sdk":
        return new OfficialSdkContender(server.baseUri(), BenchScimServer.ACCOUNT_ID, TOKEN);
      case "dbscim":
        return new DbscimContender(server.baseUri(), BenchScimServer.ACCOUNT_ID, TOKEN);
      case "jdk-floor":
        return new JdkFloorContender(server.baseUri(), BenchScimServer.ACCOUNT_ID, TOKEN, users);
      default:
        break;
    }
    for (BareHttpClientContender.Variant variant : BareHttpClientContender.Variant.values()) {
      if (variant.label.equals(name)) {
        return new BareHttpClientContender(server.baseUri(), BenchScimServer.ACCOUNT_ID, TOKEN, variant);
      }
    }
    throw new IllegalArgumentException("unknown contender: " + name);
  }

  private static void run(Contender c, ToIntFunction<Contender> operation, int expected, String what) {
    int result = operation.applyAsInt(c);
    if (result != expected) {
      throw new IllegalStateException(c.name() + " " + what + " returned " + result + ", expected " + expected);
    }
  }

  private static void measure(Contender c, ToIntFunction<Contender> operation, int expected, String what,
      ThreadCosts costs, Samples samples, Map<String, Integer> threadsEnded) {
    long gcBefore = gcMillis();
    ThreadCosts.Snapshot before = costs.snapshot();
    long start = System.nanoTime();
    int result = operation.applyAsInt(c);
    long wall = System.nanoTime() - start;
    ThreadCosts.Delta delta = costs.snapshot().since(before);
    long gc = gcMillis() - gcBefore;
    if (result != expected) {
      throw new IllegalStateException(c.name() + " " + what + " returned " + result + ", expected " + expected);
    }
    samples.add(wall, delta.cpuNanos, delta.processCpuNanos, delta.allocatedBytes, gc, delta.threadsStarted);
    for (Long id : delta.threadsEnded) {
      // Grouped by name with digits folded: "Thread-#" are CompletableFuture's one-per-task threads.
      threadsEnded.merge(costs.name(id).replaceAll("[0-9]+", "#") + " during " + c.name() + " " + what, 1,
          Integer::sum);
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static void printEnvironment(BenchScimServer server) {
    Runtime runtime = Runtime.getRuntime();
    List<String> collectors = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collectors.add(gc.getName());
    }
    List<String> serverThreads = new ArrayList<>();
    for (Long id : server.threadIds()) {
      ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(id);
      serverThreads.add(info == null ? String.valueOf(id) : info.getThreadName());
    }
    System.out.printf(Locale.ROOT, "JVM %s %s; availableProcessors %d; CPUs allowed %s; heap max %d MB; GC %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        runtime.availableProcessors(), cpusAllowed(), runtime.maxMemory() >> 20, collectors);
    System.out.printf(Locale.ROOT, "server %s; its threads (excluded from client figures): %s%n",
        server.baseUri(), serverThreads);
  }

  private static String cpusAllowed() {
    Path status = Paths.get("/proc/self/status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return line.substring("Cpus_allowed_list:".length()).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static void printTable(String title, Map<String, Samples> byContender, String baseline) {
    Samples base = byContender.get(baseline);
    System.out.println(title);
    System.out.printf(Locale.ROOT, "  %-16s %17s %17s %17s %19s %6s %6s | %5s %5s %5s %5s  (x %s, medians)%n",
        "contender", "wall ms med/p90", "cpu ms med/p90", "proc cpu med/p90", "alloc MB med/p90", "gc ms", "thr",
        "wall", "cpu", "proc", "alloc", baseline);
    for (Map.Entry<String, Samples> e : byContender.entrySet()) {
      Samples s = e.getValue();
      System.out.printf(Locale.ROOT,
          "  %-16s %8.2f /%7.2f %8.2f /%7.2f %8.2f /%7.2f %9.2f /%8.2f %6.2f %6.0f | %5.2f %5.2f %5.2f %5.2f%n",
          e.getKey(),
          s.wall.median() / 1e6, s.wall.p90() / 1e6,
          s.cpu.median() / 1e6, s.cpu.p90() / 1e6,
          s.processCpu.median() / 1e6, s.processCpu.p90() / 1e6,
          s.alloc.median() / 1e6, s.alloc.p90() / 1e6,
          s.gc.mean(), s.threads.median(),
          s.wall.median() / base.wall.median(), s.cpu.median() / base.cpu.median(),
          s.processCpu.median() / base.processCpu.median(), s.alloc.median() / base.alloc.median());
    }
    System.out.println("  cpu: summed over live client threads; proc cpu: process CPU minus the server's threads (adds"
        + " threads born and ended within the operation, GC, JIT); thr: threads started; gc ms: mean collector time"
        + " during the operation; MB = 10^6 bytes");
    System.out.println();
  }

  private static void printGoals(Map<String, Samples> list, Map<String, Samples> create) {
    Samples sdkList = list.get("official-sdk");
    Samples ours = list.get("dbscim");
    Samples floorList = list.get("jdk-floor");
    System.out.println("issue 3 goals for dbscim (ratios of medians to official-sdk"
        + (floorList == null ? "" : "; floor: the same ratio for jdk-floor, the JDK client alone without JSON") + "):");
    goal("list wall  <= 0.85", ours.wall.median() / sdkList.wall.median(), 0.85,
        floorList == null ? Double.NaN : floorList.wall.median() / sdkList.wall.median());
    goal("list alloc <= 0.50", ours.alloc.median() / sdkList.alloc.median(), 0.50,
        floorList == null ? Double.NaN : floorList.alloc.median() / sdkList.alloc.median());
    if (create == null) {
      return;
    }
    Samples sdkCreate = create.get("official-sdk");
    Samples oursCreate = create.get("dbscim");
    Samples floorCreate = create.get("jdk-floor");
    goal("create alloc <= 0.60", oursCreate.alloc.median() / sdkCreate.alloc.median(), 0.60,
        floorCreate == null ? Double.NaN : floorCreate.alloc.median() / sdkCreate.alloc.median());
    goal("create wall ~ 1.00 (<= 1.05)", oursCreate.wall.median() / sdkCreate.wall.median(), 1.05,
        floorCreate == null ? Double.NaN : floorCreate.wall.median() / sdkCreate.wall.median());
  }

  private static void goal(String name, double ratio, double limit, double floor) {
    System.out.printf(Locale.ROOT, "  %-30s %5.2f  %-6s%s%n", name, ratio, ratio <= limit ? "met" : "MISSED",
        Double.isNaN(floor) ? "" : String.format(Locale.ROOT, "  floor %5.2f%s", floor,
            floor > limit ? " (the floor itself misses it)" : ""));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      // Maven passes -Dbench.args as one argument: split it on blanks.
      for (String option : arg.trim().split("\\s+")) {
        if (option.isEmpty()) {
          continue;
        }
        if (!option.startsWith("--") || !option.contains("=")) {
          throw new IllegalArgumentException("expected --name=value, got " + option);
        }
        int eq = option.indexOf('=');
        options.put(option.substring(2, eq), option.substring(eq + 1));
      }
    }
    return options;
  }

  /** The samples of one contender and operation. */
  private static final class Samples {
    final Series wall = new Series();
    final Series cpu = new Series();
    final Series alloc = new Series();
    final Series gc = new Series();
    final Series processCpu = new Series();
    final Series threads = new Series();

    void add(long wallNanos, long cpuNanos, long processCpuNanos, long allocatedBytes, long gcMillis,
        long threadsStarted) {
      wall.add(wallNanos);
      cpu.add(cpuNanos);
      processCpu.add(processCpuNanos);
      alloc.add(allocatedBytes);
      gc.add(gcMillis);
      threads.add(threadsStarted);
    }
  }

  /** A growing list of values with order statistics. */
  private static final class Series {
    private long[] values = new long[64];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double median() {
      return percentile(50);
    }

    double p90() {
      return percentile(90);
    }

    double mean() {
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += values[i];
      }
      return size == 0 ? Double.NaN : sum / size;
    }

    private double percentile(int p) {
      if (size == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * size);
      return sorted[Math.max(0, rank - 1)];
    }
  }
}
