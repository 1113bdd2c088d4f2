package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BodyDeadlineWatchdogTest {
  static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  final BodyDeadlineWatchdog watchdog = new BodyDeadlineWatchdog(TimeUnit.SECONDS.toNanos(30));

  static LimitedBodySubscriber subscribedBody() {
    LimitedBodySubscriber body = new LimitedBodySubscriber(1000, false, -1);
    body.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    return body;
  }

  static CompletableFuture<byte[]> result(LimitedBodySubscriber body) {
    return body.getBody().toCompletableFuture().thenApply(ResponseBody::bytes);
  }

  static void awaitAborted(LimitedBodySubscriber body) {
    assertThatThrownBy(() -> result(body).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class)
        .hasMessageContaining("aborted");
  }

  @Test
  void register_deadlinePassesWithBodyAttached_abortsBodyAndMarksExpired() {
    BodyDeadlineWatchdog.Deadline deadline = watchdog.register(20 * MILLI);
    LimitedBodySubscriber body = subscribedBody();
    deadline.attach(body);

    awaitAborted(body);

    assertThat(deadline.expired()).isTrue();
  }

  @Test
  void attach_afterDeadlinePassed_abortsBodyAtOnce() {
    BodyDeadlineWatchdog.Deadline deadline = watchdog.register(MILLI);
    LimitedBodySubscriber marker = subscribedBody();
    watchdog.register(5 * MILLI).attach(marker);
    awaitAborted(marker);

    LimitedBodySubscriber body = subscribedBody();
    deadline.attach(body);

    assertThat(deadline.expired()).isTrue();
    assertThat(result(body)).isCompletedExceptionally();
  }

  @Test
  void close_beforeDeadline_neitherAbortsNorExpires() throws Exception {
    BodyDeadlineWatchdog.Deadline closed = watchdog.register(MILLI * 5);
    LimitedBodySubscriber body = subscribedBody();
    closed.attach(body);
    closed.close();
    LimitedBodySubscriber later = subscribedBody();
    watchdog.register(50 * MILLI).attach(later);

    awaitAborted(later);

    assertThat(closed.expired()).isFalse();
    body.onNext(List.of(ByteBuffer.wrap(new byte[] {'{', '}'})));
    body.onComplete();
    assertThat(result(body).get()).containsExactly('{', '}');
  }

  @Test
  void register_earlierDeadlineWhileWatchdogParksOnLaterOne_wakesWatchdog() {
    BodyDeadlineWatchdog.Deadline distant = watchdog.register(TimeUnit.SECONDS.toNanos(60));
    LimitedBodySubscriber distantBody = subscribedBody();
    distant.attach(distantBody);
    LimitedBodySubscriber soon = subscribedBody();
    watchdog.register(30 * MILLI).attach(soon);

    awaitAborted(soon);

    assertThat(distant.expired()).isFalse();
    assertThat(result(distantBody)).isNotDone();
    distant.close();
  }

  @Test
  void register_manyDeadlines_oneWatchdogThreadExpiresThemAll() {
    LimitedBodySubscriber[] bodies = new LimitedBodySubscriber[100];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = subscribedBody();
      watchdog.register((100 - i) * MILLI).attach(bodies[i]);
    }
    Thread first = watchdog.thread();

    for (LimitedBodySubscriber body : bodies) {
      awaitAborted(body);
    }

    assertThat(watchdog.thread()).isSameAs(first);
  }

  @Test
  void watchdog_idleLongerThanIdleTime_stopsAndRestartsOnNextRegistration() throws Exception {
    BodyDeadlineWatchdog quick = new BodyDeadlineWatchdog(20 * MILLI);
    LimitedBodySubscriber first = subscribedBody();
    quick.register(MILLI).attach(first);
    Thread firstThread = quick.thread();
    awaitAborted(first);

    firstThread.join(5000);
    assertThat(firstThread.isAlive()).isFalse();

    LimitedBodySubscriber second = subscribedBody();
    quick.register(MILLI).attach(second);
    awaitAborted(second);
    assertThat(quick.thread()).isNotSameAs(firstThread);
    assertThat(quick.thread().isDaemon()).isTrue();
  }

  @Test
  void register_hugeTimeout_doesNotOverflowIntoThePast() {
    BodyDeadlineWatchdog.Deadline huge = watchdog.register(Long.MAX_VALUE);
    LimitedBodySubscriber body = subscribedBody();
    huge.attach(body);
    LimitedBodySubscriber marker = subscribedBody();
    watchdog.register(20 * MILLI).attach(marker);

    awaitAborted(marker);

    assertThat(huge.expired()).isFalse();
    huge.close();
  }
}
