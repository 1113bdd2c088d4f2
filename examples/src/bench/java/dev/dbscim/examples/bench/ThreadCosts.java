package dev.dbscim.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time and allocated bytes summed over all live JVM threads except a set of excluded ones (the in-process server's),
 * from {@link com.sun.management.ThreadMXBean}.
 *
 * <p>A {@link Snapshot} records each thread's cumulative CPU time and allocated bytes by thread id;
 * {@link Snapshot#since(Snapshot)} sums, over the threads alive at the end, each thread's growth (the whole value for a
 * thread born in between). Work done by a thread that ended in between is lost; {@link Delta#threadsEnded} lists such
 * threads, but a thread born and ended within the interval is not seen at all (the JDK client's
 * {@code sendAsync} starts one such thread per request when the common pool has parallelism 1, i.e. on 2 CPUs). So a
 * snapshot also records the process CPU time and the count of threads ever started: {@link Delta#processCpuNanos}
 * (process CPU minus the excluded threads' CPU) includes such threads, and also GC and JIT compiler threads, which are
 * not Java-visible threads; {@link Delta#threadsStarted} shows how many threads an operation started. Bytes allocated
 * by threads that ended are lost; for the one-per-request threads above that is the small stack of a no-op
 * completion (the {@code Thread} object itself is allocated by, and counted on, its parent).
 */
final class ThreadCosts {
  private final com.sun.management.ThreadMXBean threads;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Set<Long> excluded;
  private final Map<Long, String> names = new HashMap<>();

  ThreadCosts(Set<Long> excludedThreadIds) {
    this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported() || !threads.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot measure per-thread CPU time and allocation");
    }
    threads.setThreadCpuTimeEnabled(true);
    threads.setThreadAllocatedMemoryEnabled(true);
    this.excluded = excludedThreadIds;
  }

  /** Returns the current cumulative figures of every live, non-excluded thread. */
  Snapshot snapshot() {
    long process = os.getProcessCpuTime();
    long started = threads.getTotalStartedThreadCount();
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads.getThreadCpuTime(ids);
    long[] allocated = threads.getThreadAllocatedBytes(ids);
    for (long id : ids) {
      if (!names.containsKey(id)) {
        java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
        names.put(id, info == null ? "#" + id : info.getThreadName());
      }
    }
    return new Snapshot(ids, cpu, allocated, excluded, process, started);
  }

  /** Returns the name a thread had when a snapshot first saw it. */
  String name(long id) {
    return names.getOrDefault(id, "#" + id);
  }

  /** Cumulative per-thread figures at one instant. */
  static final class Snapshot {
    private final Map<Long, long[]> byThread = new HashMap<>();
    private final long processCpu;
    private final long threadsStarted;
    private long excludedCpu;

    private Snapshot(long[] ids, long[] cpu, long[] allocated, Set<Long> excluded, long processCpu,
        long threadsStarted) {
      this.processCpu = processCpu;
      this.threadsStarted = threadsStarted;
      for (int i = 0; i < ids.length; i++) {
        // -1: the thread ended between getAllThreadIds and the query.
        if (cpu[i] < 0 || allocated[i] < 0) {
          continue;
        }
        if (excluded.contains(ids[i])) {
          excludedCpu += cpu[i];
        } else {
          byThread.put(ids[i], new long[] {cpu[i], allocated[i]});
        }
      }
    }

    /** Returns the growth from {@code start} to this snapshot. */
    Delta since(Snapshot start) {
      long cpu = 0;
      long allocated = 0;
      for (Map.Entry<Long, long[]> end : byThread.entrySet()) {
        long[] before = start.byThread.get(end.getKey());
        cpu += end.getValue()[0] - (before == null ? 0 : before[0]);
        allocated += end.getValue()[1] - (before == null ? 0 : before[1]);
      }
      List<Long> ended = new ArrayList<>();
      for (Long id : start.byThread.keySet()) {
        if (!byThread.containsKey(id)) {
          ended.add(id);
        }
      }
      long processCpuNanos = (processCpu - start.processCpu) - (excludedCpu - start.excludedCpu);
      return new Delta(cpu, allocated, ended, processCpuNanos, threadsStarted - start.threadsStarted);
    }
  }

  /** CPU nanoseconds and bytes allocated by the counted threads between two snapshots. */
  static final class Delta {
    final long cpuNanos;
    final long allocatedBytes;
    final List<Long> threadsEnded;
    /** Process CPU time minus the excluded threads': includes short-lived threads, GC and JIT threads. */
    final long processCpuNanos;
    final long threadsStarted;

    Delta(long cpuNanos, long allocatedBytes, List<Long> threadsEnded, long processCpuNanos, long threadsStarted) {
      this.cpuNanos = cpuNanos;
      this.allocatedBytes = allocatedBytes;
      this.threadsEnded = threadsEnded;
      this.processCpuNanos = processCpuNanos;
      this.threadsStarted = threadsStarted;
    }
  }
}
