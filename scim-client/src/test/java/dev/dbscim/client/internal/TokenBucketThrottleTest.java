package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TokenBucketThrottleTest {
  private final FakeTime time = new FakeTime(1_000_000_000L);

  @Test
  void acquire_100At5PerSecondBurst5_sleeps95TimesForNineteenSeconds() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.PATCH, 5.0).burst(OperationClass.PATCH, 5).build());

    for (int i = 0; i < 100; i++) {
      throttle.acquire(OperationClass.PATCH);
    }

    assertThat(time.sleeps).hasSize(95).containsOnly(Duration.ofMillis(200));
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(19));
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(19));
  }

  @Test
  void acquire_withinBurst_doesNotSleep() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.GET, 20.0).burst(OperationClass.GET, 20).build());

    for (int i = 0; i < 20; i++) {
      throttle.acquire(OperationClass.GET);
    }

    assertThat(time.sleeps).isEmpty();
    throttle.acquire(OperationClass.GET);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(50));
  }

  @Test
  void acquire_afterQuietPeriod_refillsBurstButNoMore() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.DELETE, 5.0).burst(OperationClass.DELETE, 3).build());
    for (int i = 0; i < 4; i++) {
      throttle.acquire(OperationClass.DELETE);
    }
    assertThat(time.sleeps).hasSize(1);

    time.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 3; i++) {
      throttle.acquire(OperationClass.DELETE);
    }
    assertThat(time.sleeps).hasSize(1);
    throttle.acquire(OperationClass.DELETE);

    assertThat(time.sleeps).hasSize(2).last().isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void acquire_perMinuteRate_spacesRequestsEvenly() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.PATCH, 10, Duration.ofMinutes(1)).build());

    for (int i = 0; i < 4; i++) {
      throttle.acquire(OperationClass.PATCH);
    }

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(6), Duration.ofSeconds(6));
  }

  @Test
  void acquire_classesAreIndependent() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.PATCH, 1.0).burst(OperationClass.PATCH, 1)
        .limit(OperationClass.GET, 1.0).burst(OperationClass.GET, 2)
        .build());

    throttle.acquire(OperationClass.PATCH);
    throttle.acquire(OperationClass.GET);
    throttle.acquire(OperationClass.GET);
    throttle.acquire(OperationClass.CREATE);
    assertThat(time.sleeps).isEmpty();

    throttle.acquire(OperationClass.PATCH);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1));
    throttle.acquire(OperationClass.GET);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1));
    throttle.acquire(OperationClass.GET);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void acquire_unlimited_neverSleeps() throws InterruptedException {
    TokenBucketThrottle throttle = new TokenBucketThrottle(RateLimits.unlimited(), time::now, duration -> {
      throw new AssertionError("must not sleep");
    });

    for (OperationClass operation : OperationClass.values()) {
      for (int i = 0; i < 10_000; i++) {
        throttle.acquire(operation);
      }
    }

    assertThat(time.elapsed()).isZero();
  }

  @Test
  void acquire_unlimitedClassBesideLimitedOne_neverSleeps() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.accountDefaults().toBuilder()
        .unlimited(OperationClass.LIST).build());

    for (int i = 0; i < 1000; i++) {
      throttle.acquire(OperationClass.LIST);
    }

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void acquire_acrossNanoTimeOverflow_keepsSchedule() throws InterruptedException {
    FakeTime nearOverflow = new FakeTime(Long.MAX_VALUE - 300_000_000L);
    TokenBucketThrottle throttle = new TokenBucketThrottle(RateLimits.builder()
        .limit(OperationClass.GET, 5.0).burst(OperationClass.GET, 1).build(), nearOverflow::now, nearOverflow);

    for (int i = 0; i < 6; i++) {
      throttle.acquire(OperationClass.GET);
    }

    assertThat(nearOverflow.sleeps).hasSize(5).containsOnly(Duration.ofMillis(200));
  }

  @Test
  void acquire_whenSleepInterrupted_propagatesInterruptedException() {
    TokenBucketThrottle throttle = new TokenBucketThrottle(RateLimits.builder()
        .limit(OperationClass.GET, 1.0).burst(OperationClass.GET, 1).build(), time::now, duration -> {
          throw new InterruptedException("stop");
        });

    assertThatThrownBy(() -> {
      throttle.acquire(OperationClass.GET);
      throttle.acquire(OperationClass.GET);
    }).isInstanceOf(InterruptedException.class);
  }

  @Test
  @Timeout(10)
  void acquire_manyThreadsOnFrozenTime_grantEachSlotExactlyOnce() throws Exception {
    ConcurrentLinkedQueue<Duration> sleeps = new ConcurrentLinkedQueue<>();
    TokenBucketThrottle throttle = new TokenBucketThrottle(RateLimits.builder()
        .limit(OperationClass.PATCH, 10.0).burst(OperationClass.PATCH, 5).build(), time::now, sleeps::add);
    int threads = 8;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            throttle.acquire(OperationClass.PATCH);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(5, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Duration> expected = new ArrayList<>();
    for (int slot = 1; slot <= threads * perThread - 5; slot++) {
      expected.add(Duration.ofMillis(100L * slot));
    }
    List<Duration> recorded = new ArrayList<>(sleeps);
    Collections.sort(recorded);
    assertThat(recorded).containsExactlyElementsOf(expected);
  }

  @Test
  void create_withoutLimits_returnsNoOpThrottle() {
    assertThat(TokenBucketThrottle.create(RateLimits.unlimited())).isNotInstanceOf(TokenBucketThrottle.class);
    assertThat(TokenBucketThrottle.create(RateLimits.accountDefaults())).isInstanceOf(TokenBucketThrottle.class);
  }

  @Test
  void rateLimited_lowersThePaceTo85PercentHoldsItThenRecoversToTheConfiguredRate() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.CREATE, 100.0).burst(OperationClass.CREATE, 1).build());
    throttle.acquire(OperationClass.CREATE);
    throttle.acquire(OperationClass.CREATE);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(10));

    throttle.rateLimited(OperationClass.CREATE);
    time.sleeps.clear();
    for (int i = 0; i < 3; i++) {
      throttle.acquire(OperationClass.CREATE);
    }

    // The slot already reserved at the old pace stays; the next ones are 10 ms / 0.85 apart.
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(10), Duration.ofNanos(11_764_706),
        Duration.ofNanos(11_764_706));
    assertThat(throttle.pace(OperationClass.CREATE)).isEqualTo(0.85);
    time.advance(Duration.ofSeconds(5));
    assertThat(throttle.pace(OperationClass.CREATE)).isCloseTo(0.85, within(0.001));
    time.advance(Duration.ofMillis(2500));
    assertThat(throttle.pace(OperationClass.CREATE)).isCloseTo(0.90, within(0.001));
    time.advance(Duration.ofSeconds(5));
    assertThat(throttle.pace(OperationClass.CREATE)).isEqualTo(1.0);
    time.sleeps.clear();
    throttle.acquire(OperationClass.CREATE);
    throttle.acquire(OperationClass.CREATE);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(10));
  }

  @Test
  void rateLimited_aBunchOf429s_lowersOnceButLaterOnesCompoundDownToTheFloor() {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.PATCH, 80.0).burst(OperationClass.PATCH, 1).build());

    for (int i = 0; i < 6; i++) {
      throttle.rateLimited(OperationClass.PATCH);
    }
    assertThat(throttle.pace(OperationClass.PATCH)).isEqualTo(0.85);

    time.advance(Duration.ofSeconds(1));
    throttle.rateLimited(OperationClass.PATCH);
    assertThat(throttle.pace(OperationClass.PATCH)).isCloseTo(0.85 * 0.85, within(1e-9));
    for (int i = 0; i < 20; i++) {
      time.advance(Duration.ofSeconds(1));
      throttle.rateLimited(OperationClass.PATCH);
    }
    assertThat(throttle.pace(OperationClass.PATCH)).isEqualTo(0.25);
  }

  @Test
  void rateLimited_unlimitedOrOtherClass_changesNothing() throws InterruptedException {
    TokenBucketThrottle throttle = throttle(RateLimits.builder()
        .limit(OperationClass.GET, 100.0).burst(OperationClass.GET, 1).build());

    throttle.rateLimited(OperationClass.CREATE);
    throttle.rateLimited(OperationClass.LIST);

    assertThat(throttle.pace(OperationClass.GET)).isEqualTo(1.0);
    assertThat(throttle.pace(OperationClass.CREATE)).isEqualTo(1.0);
    throttle.acquire(OperationClass.GET);
    throttle.acquire(OperationClass.GET);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(10));
  }

  private TokenBucketThrottle throttle(RateLimits limits) {
    return new TokenBucketThrottle(limits, time::now, time);
  }

  /** A nanosecond clock that only moves when something sleeps on it or a test advances it. */
  private static final class FakeTime implements Sleeper {
    private final long origin;
    private final AtomicLong nanos;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    FakeTime(long origin) {
      this.origin = origin;
      this.nanos = new AtomicLong(origin);
    }

    long now() {
      return nanos.get();
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      advance(duration);
    }

    Duration elapsed() {
      return Duration.ofNanos(nanos.get() - origin);
    }

    Duration totalSlept() {
      return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
  }
}
