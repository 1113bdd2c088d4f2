package dev.dbscim.examples.bench;

import com.databricks.sdk.core.utils.SerDeUtils;
import com.databricks.sdk.service.iam.ListAccountUsersResponse;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.User;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parsing alone: reads the 100 pages of 100 users that {@link BenchScimServer} serves (the bytes {@code ClientComparison}
 * lists) with {@code ScimJson.mapper()} (and, with {@code --readers}, the official SDK's mapper into its
 * {@code ListAccountUsersResponse}), no HTTP, and prints the current thread's CPU time and allocated bytes per
 * 10,000 users ({@code com.sun.management.ThreadMXBean}), median, minimum and maximum over the measured repetitions.
 *
 * <pre>
 * mvn -B -o -Pbench -pl examples -am verify -DskipTests -Dbench.main=dev.dbscim.examples.bench.ParseHarness \
 *     -Dbench.args="--warmup=200 --rounds=60 --readers=dbscim,official-sdk"
 * </pre>
 */
public final class ParseHarness {
  private ParseHarness() {}

  /**
   * Runs the measurement and prints one line per figure.
   *
   * @param args {@code --warmup=N} (default 200: the JIT compiler needs that many for some readers),
   *     {@code --rounds=N} (default 60), {@code --users=N} (default 10,000),
   *     {@code --readers=a,b} (of {@code dbscim} and {@code official-sdk}, default {@code dbscim}; measured in turn
   *     every round, ratios against the first), {@code --user-groups} (users carry two groups, which the account
   *     API does not send; see {@link BenchScimServer#userGroups})
   */
  public static void main(String[] args) throws Exception {
    int warmup = 200;
    int rounds = 60;
    int users = 10_000;
    String readers = "dbscim";
    for (String arg : args) {
      if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(arg.substring("--warmup=".length()));
      } else if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      } else if (arg.startsWith("--users=")) {
        users = Integer.parseInt(arg.substring("--users=".length()));
      } else if (arg.startsWith("--readers=")) {
        readers = arg.substring("--readers=".length());
      } else if (arg.equals("--user-groups")) {
        BenchScimServer.userGroups = true;
      } else if (!arg.isEmpty()) {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    byte[][] pages = new byte[(users + BenchScimServer.PAGE_CAP - 1) / BenchScimServer.PAGE_CAP][];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = BenchScimServer.renderPage(1 + i * BenchScimServer.PAGE_CAP, users)
          .getBytes(StandardCharsets.UTF_8);
    }
    String[] names = readers.split(",");
    ObjectReader[] chosen = new ObjectReader[names.length];
    for (int i = 0; i < names.length; i++) {
      chosen[i] = reader(names[i]);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadCpuTimeEnabled(true);
    threads.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();
    long[][] cpu = new long[names.length][rounds];
    long[][] bytes = new long[names.length][rounds];
    for (int round = -warmup; round < rounds; round++) {
      // Interleaved, so every reader sees the same machine load.
      for (int r = 0; r < names.length; r++) {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long bytesBefore = threads.getThreadAllocatedBytes(thread);
        long seen = 0;
        for (byte[] page : pages) {
          seen += count(chosen[r].readValue(page));
        }
        long cpuAfter = threads.getCurrentThreadCpuTime();
        long bytesAfter = threads.getThreadAllocatedBytes(thread);
        if (seen != users) {
          throw new IllegalStateException(names[r] + " read " + seen + " users");
        }
        if (round >= 0) {
          cpu[r][round] = cpuAfter - cpuBefore;
          bytes[r][round] = bytesAfter - bytesBefore;
        }
      }
    }
    System.out.printf(Locale.ROOT, "users %d, warmup %d, rounds %d%n", users, warmup, rounds);
    for (int r = 0; r < names.length; r++) {
      Arrays.sort(cpu[r]);
      Arrays.sort(bytes[r]);
      System.out.printf(Locale.ROOT, "%-14s cpu ms   median %.2f  min %.2f  max %.2f  (x %s %.2f)%n", names[r],
          cpu[r][rounds / 2] / 1e6, cpu[r][0] / 1e6, cpu[r][rounds - 1] / 1e6, names[0],
          (double) cpu[r][rounds / 2] / cpu[0][rounds / 2]);
      System.out.printf(Locale.ROOT, "%-14s alloc MB median %.2f  min %.2f  max %.2f%n", names[r],
          bytes[r][rounds / 2] / 1e6, bytes[r][0] / 1e6, bytes[r][rounds - 1] / 1e6);
    }
  }

  /** The reader of a list page: dbscim's models, or the official SDK's ({@code official-sdk}) with its own mapper. */
  private static ObjectReader reader(String name) {
    switch (name) {
      case "dbscim":
        ObjectMapper mapper = ScimJson.mapper();
        JavaType type = ListResponse.type(mapper.getTypeFactory(), User.class);
        return mapper.readerFor(type);
      case "official-sdk":
        return SerDeUtils.createMapper().readerFor(ListAccountUsersResponse.class);
      default:
        throw new IllegalArgumentException("unknown reader " + name + " (dbscim, official-sdk)");
    }
  }

  private static int count(Object page) {
    if (page instanceof ListResponse) {
      return ((ListResponse<?>) page).resources().size();
    }
    java.util.Collection<?> resources = ((ListAccountUsersResponse) page).getResources();
    return resources == null ? 0 : resources.size();
  }
}
