package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.OperationResult.Outcome;
import dev.dbscim.client.sync.SyncCancellation;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncProgressListener;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An apply stopped half way (cancelled or interrupted): the running requests finish, no new step starts, and a re-run
 * converges with nothing created twice.
 */
@Timeout(30)
class StoppedApplyTest {
  static final int USERS = 40;
  static final int CONCURRENCY = 4;
  static final int STOP_AFTER = 10;

  FakeScimServer server;
  ScimAccountClient client;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().build().start();
    client = FakeClients.account(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static Directory users(int count) {
    List<DirectoryUser> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      users.add(DirectoryUser.builder("stop" + i + "@example.com").displayName("Stop " + i).build());
    }
    return Directory.builder().users(users).build();
  }

  SyncEngine engine(SyncProgressListener listener) {
    return SyncEngine.builder().target(SyncTarget.account(client)).concurrency(CONCURRENCY)
        .progressListener(listener).build();
  }

  List<RecordedCall> userCreates() {
    List<RecordedCall> creates = new ArrayList<>();
    for (RecordedCall call : server.recordedRequests()) {
      if (call.method().equals("POST") && call.path().endsWith("/Users")) {
        creates.add(call);
      }
    }
    return creates;
  }

  /** Every request sent finished: as many user POSTs as succeeded steps, none failed, the rest not run. */
  void assertStoppedCleanly(SyncReport report) {
    int succeeded = report.count(Outcome.SUCCEEDED);
    assertThat(report.interrupted()).as(report.summary()).isTrue();
    assertThat(report.count(Outcome.FAILED)).as("the requests in flight finished: %s", report.failures()).isZero();
    assertThat(succeeded).as("the running steps finished, no new one started")
        .isBetween(STOP_AFTER, STOP_AFTER + CONCURRENCY - 1);
    assertThat(report.count(Outcome.NOT_RUN)).isEqualTo(USERS - succeeded);
    assertThat(report.results()).filteredOn(result -> result.outcome() == Outcome.NOT_RUN)
        .allSatisfy(result -> assertThat(result.requests()).isZero());
    assertThat(userCreates()).as("one POST per succeeded step, none for the steps not run").hasSize(succeeded);
  }

  void assertReRunConvergesCreatingNothingTwice(Directory directory) {
    SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).build();
    SyncReport rest = engine.apply(engine.plan(directory));
    assertThat(rest.isSuccess()).as(rest.summary()).isTrue();
    assertThat(engine.plan(directory).isEmpty()).isTrue();
    ChaosSyncTest.assertNothingCreatedTwiceOrDeleted(server.recordedRequests());
    assertThat(userCreates()).as("each user POSTed once over both runs").hasSize(USERS);
  }

  @Test
  void apply_cancelledHalfWay_finishesRunningSteps_startsNoNewOne_andAReRunCreatesNothingTwice() {
    Directory directory = users(USERS);
    server.failNext(Fault.latency(Duration.ofMillis(40)).on("POST", "/Users$").times(10_000));
    SyncCancellation cancellation = SyncCancellation.create();
    SyncEngine engine = engine((result, progress) -> {
      if (progress.done() == STOP_AFTER) {
        cancellation.cancel();
      }
    });
    SyncPlan plan = engine.plan(directory);

    SyncReport report = engine.apply(plan, cancellation);

    assertStoppedCleanly(report);
    assertThat(report.summary()).contains("not run").contains("(interrupted)");
    assertThat(Thread.currentThread().isInterrupted()).as("a cancellation leaves the interrupt flag alone").isFalse();
    server.clearFaults();
    assertReRunConvergesCreatingNothingTwice(directory);
  }

  @Test
  void apply_threadInterruptedHalfWay_finishesRunningSteps_keepsTheFlag_andAReRunCreatesNothingTwice()
      throws InterruptedException {
    Directory directory = users(USERS);
    server.failNext(Fault.latency(Duration.ofMillis(40)).on("POST", "/Users$").times(10_000));
    AtomicReference<Thread> applier = new AtomicReference<>();
    SyncEngine engine = engine((result, progress) -> {
      if (progress.done() == STOP_AFTER) {
        applier.get().interrupt();
      }
    });
    SyncPlan plan = engine.plan(directory);
    AtomicReference<SyncReport> report = new AtomicReference<>();
    AtomicBoolean flagAfterwards = new AtomicBoolean();
    Thread thread = new Thread(() -> {
      report.set(engine.apply(plan));
      flagAfterwards.set(Thread.currentThread().isInterrupted());
    }, "applier");
    applier.set(thread);
    thread.start();
    thread.join();

    assertStoppedCleanly(report.get());
    assertThat(flagAfterwards).as("the interrupt flag is set again").isTrue();
    server.clearFaults();
    assertReRunConvergesCreatingNothingTwice(directory);
  }

  @Test
  void apply_stepStillRunningAfterTheGracePeriod_isReportedFailedAndTheApplyReturns() {
    Directory directory = users(3);
    // The first create is served at once but answered 20 s later; the grace period is 100 ms.
    server.failNext(Fault.latency(Duration.ofSeconds(20)).on("POST", "/Users$").times(1));
    SyncCancellation cancellation = SyncCancellation.create();
    SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).concurrency(2)
        .stopGracePeriod(Duration.ofMillis(100))
        .progressListener((result, progress) -> cancellation.cancel())
        .build();
    SyncPlan plan = engine.plan(directory);
    long started = System.nanoTime();

    SyncReport report = engine.apply(plan, cancellation);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(report.interrupted()).isTrue();
    assertThat(report.count(Outcome.SUCCEEDED)).as(report.summary()).isEqualTo(1);
    assertThat(report.count(Outcome.NOT_RUN)).isEqualTo(1);
    assertThat(report.failures()).singleElement().satisfies(failure -> assertThat(failure.detail()).hasValueSatisfying(
        detail -> assertThat(detail).contains("still running").contains("100 ms").contains("may have taken effect")));

    SyncEngine rerun = SyncEngine.builder().target(SyncTarget.account(client)).build();
    SyncReport rest = rerun.apply(rerun.plan(directory));
    assertThat(rest.isSuccess()).as(rest.summary()).isTrue();
    assertThat(rerun.plan(directory).isEmpty()).isTrue();
    ChaosSyncTest.assertNothingCreatedTwiceOrDeleted(server.recordedRequests());
  }

  @Test
  void apply_cancelledBeforeItStarts_sendsNothing_andReportsEveryStepNotRun() {
    SyncEngine engine = engine(SyncProgressListener.none());
    SyncPlan plan = engine.plan(users(5));
    SyncCancellation cancellation = SyncCancellation.create();
    cancellation.cancel();
    server.clearRecordedRequests();

    SyncReport report = engine.apply(plan, cancellation);

    assertThat(report.interrupted()).isTrue();
    assertThat(report.results()).extracting(OperationResult::outcome).containsOnly(Outcome.NOT_RUN).hasSize(5);
    assertThat(server.recordedRequests()).isEmpty();
  }
}
