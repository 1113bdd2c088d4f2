package dev.dbscim.core.fuzz;

import dev.dbscim.core.theory.Theories;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.quicktheories.core.Gen;

/**
 * Runs fuzz cases on a watchdog thread: each case must finish within {@link #PER_CASE} and may throw only the
 * exception types the API documents. Sizes scale with {@code -Ddbscim.soak=true} (the {@code soak} Maven profile,
 * which also raises every property's tries, see {@link Theories}).
 */
final class Fuzz {
  /** Whether the soak profile is running. */
  static final boolean SOAK = Boolean.getBoolean("dbscim.soak");
  /** The longest one fuzz case may take; generous, since a hang is what it detects, not slowness. */
  static final Duration PER_CASE = Duration.ofSeconds(10);

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static ExecutorService worker = newWorker();

  private Fuzz() {}

  /**
   * Runs {@code check} on {@link Theories#FUZZ_TRIES} inputs (at least 100,000 under soak), each under the watchdog
   * with only the exceptions that {@code check} catches itself allowed; a failure shows the shrunk input and the seed.
   */
  static void forAll(Gen<String> inputs, Consumer<String> check) {
    Theories.qt(Theories.FUZZ_TRIES).forAll(inputs).describedAs(Fuzz::describe).checkAssert(input ->
        only(input, () -> {
          check.accept(input);
          return null;
        }));
  }

  /**
   * Runs {@code action} under the watchdog; any throwable that is not one of {@code allowed} fails the case, naming the
   * input. Returns what the action returned, or null when it threw an allowed exception.
   */
  @SafeVarargs
  static <T> T only(Object input, Callable<T> action, Class<? extends Throwable>... allowed) {
    try {
      return bounded(input, action);
    } catch (Throwable t) {
      for (Class<? extends Throwable> type : allowed) {
        if (type.isInstance(t)) {
          return null;
        }
      }
      throw new AssertionError("unexpected " + t.getClass().getName() + " for input " + describe(input), t);
    }
  }

  /** Runs {@code action} under the watchdog and rethrows whatever it throws. */
  static synchronized <T> T bounded(Object input, Callable<T> action) throws Exception {
    Future<T> future = worker.submit(action);
    try {
      return future.get(PER_CASE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("no answer within " + PER_CASE + " for input " + describe(input));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  /** Returns the bytes the calling thread has allocated so far (HotSpot). */
  static long allocatedBytes() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Returns a printable excerpt of a fuzz input. */
  static String describe(Object input) {
    String text = String.valueOf(input);
    StringBuilder out = new StringBuilder();
    int limit = Math.min(text.length(), 300);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > limit) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return "\"" + out + "\"";
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz-case");
      thread.setDaemon(true);
      return thread;
    });
  }
}
