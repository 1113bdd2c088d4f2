package dev.dbscim.examples.bench;

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
 * lists) with {@code ScimJson.mapper()}, no HTTP, and prints the current thread's CPU time and allocated bytes per
 * 10,000 users ({@code com.sun.management.ThreadMXBean}), median, minimum and maximum over the measured repetitions.
 *
 * <pre>
 * mvn -B -o -Pbench -pl examples -am verify -DskipTests -Dbench.main=dev.dbscim.examples.bench.ParseHarness \
 *     -Dbench.args="--warmup=200 --rounds=60"
 * </pre>
 */
public final class ParseHarness {
  private ParseHarness() {}

  /**
   * Runs the measurement and prints one line per figure.
   *
   * @param args {@code --warmup=N} (default 200: the JIT compiler needs that many for some readers),
   *     {@code --rounds=N} (default 60), {@code --users=N} (default 10,000)
   */
  public static void main(String[] args) throws Exception {
    int warmup = 200;
    int rounds = 60;
    int users = 10_000;
    for (String arg : args) {
      if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(arg.substring("--warmup=".length()));
      } else if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      } else if (arg.startsWith("--users=")) {
        users = Integer.parseInt(arg.substring("--users=".length()));
      } else if (!arg.isEmpty()) {
        throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    byte[][] pages = new byte[(users + BenchScimServer.PAGE_CAP - 1) / BenchScimServer.PAGE_CAP][];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = BenchScimServer.renderPage(1 + i * BenchScimServer.PAGE_CAP, users)
          .getBytes(StandardCharsets.UTF_8);
    }
    ObjectMapper mapper = ScimJson.mapper();
    JavaType type = ListResponse.type(mapper.getTypeFactory(), User.class);
    ObjectReader reader = mapper.readerFor(type);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadCpuTimeEnabled(true);
    threads.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();
    long[] cpu = new long[rounds];
    long[] bytes = new long[rounds];
    long seen = 0;
    for (int round = -warmup; round < rounds; round++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long bytesBefore = threads.getThreadAllocatedBytes(thread);
      for (byte[] page : pages) {
        ListResponse<User> read = reader.readValue(page);
        seen += read.resources().size();
      }
      long cpuAfter = threads.getCurrentThreadCpuTime();
      long bytesAfter = threads.getThreadAllocatedBytes(thread);
      if (round >= 0) {
        cpu[round] = cpuAfter - cpuBefore;
        bytes[round] = bytesAfter - bytesBefore;
      }
    }
    if (seen != (long) users * (warmup + rounds)) {
      throw new IllegalStateException("read " + seen + " users");
    }
    Arrays.sort(cpu);
    Arrays.sort(bytes);
    System.out.printf(Locale.ROOT, "users %d, warmup %d, rounds %d%n", users, warmup, rounds);
    System.out.printf(Locale.ROOT, "cpu ms   median %.2f  min %.2f  max %.2f%n",
        cpu[rounds / 2] / 1e6, cpu[0] / 1e6, cpu[rounds - 1] / 1e6);
    System.out.printf(Locale.ROOT, "alloc MB median %.2f  min %.2f  max %.2f%n",
        bytes[rounds / 2] / 1e6, bytes[0] / 1e6, bytes[rounds - 1] / 1e6);
  }
}
