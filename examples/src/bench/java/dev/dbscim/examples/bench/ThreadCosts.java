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
 * threads so a run can show that it did not happen. GC and JIT compiler threads are not Java-visible threads and are
 * not counted; GC cost shows up in wall time and in the GC columns instead.
 */
final class ThreadCosts {
  private final com.sun.management.ThreadMXBean threads;
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
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads.getThreadCpuTime(ids);
    long[] allocated = threads.getThreadAllocatedBytes(ids);
    for (long id : ids) {
      if (!names.containsKey(id)) {
        java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
        names.put(id, info == null ? "#" + id : info.getThreadName());
      }
    }
    return new Snapshot(ids, cpu, allocated, excluded);
  }

  /** Returns the name a thread had when a snapshot first saw it. */
  String name(long id) {
    return names.getOrDefault(id, "#" + id);
  }

  /** Cumulative per-thread figures at one instant. */
  static final class Snapshot {
    private final Map<Long, long[]> byThread = new HashMap<>();

    private Snapshot(long[] ids, long[] cpu, long[] allocated, Set<Long> excluded) {
      for (int i = 0; i < ids.length; i++) {
        // -1: the thread ended between getAllThreadIds and the query.
        if (!excluded.contains(ids[i]) && cpu[i] >= 0 && allocated[i] >= 0) {
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
      return new Delta(cpu, allocated, ended);
    }
  }

  /** CPU nanoseconds and bytes allocated by the counted threads between two snapshots. */
  static final class Delta {
    final long cpuNanos;
    final long allocatedBytes;
    final List<Long> threadsEnded;

    Delta(long cpuNanos, long allocatedBytes, List<Long> threadsEnded) {
      this.cpuNanos = cpuNanos;
      this.allocatedBytes = allocatedBytes;
      this.threadsEnded = threadsEnded;
    }
  }
}
