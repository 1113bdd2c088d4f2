package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StopSignalsTest {
  final StringWriter err = new StringWriter();
  final List<Integer> halts = new CopyOnWriteArrayList<>();
  final StopSignals signals = new StopSignals(new PrintWriter(err, true), halts::add);

  @Test
  void onSignal_duringAnApply_stopsIt_waitsUntilTheReportIsPrinted_thenHalts130() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    StopSignals.Guard guard = signals.guard(stopped::countDown, Duration.ofSeconds(30));
    Thread hook = new Thread(signals::onSignal, "hook");

    hook.start();
    stopped.await();
    assertThat(halts).as("the hook waits for the report").isEmpty();
    guard.close();
    hook.join();

    assertThat(halts).containsExactly(DbscimCli.EXIT_INTERRUPTED);
    assertThat(signals.signalled()).isTrue();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void onSignal_whenTheReportDoesNotCome_givesUpAfterTheWait_saysSo_andHalts130() {
    signals.guard(() -> { }, Duration.ZERO);

    signals.onSignal();

    assertThat(halts).containsExactly(DbscimCli.EXIT_INTERRUPTED);
    assertThat(err.toString()).contains("did not end within 0 s").contains("Run the same command again");
  }

  @Test
  void onSignal_outsideAnApply_leavesTheExitToTheJvm() {
    signals.guard(() -> { }, Duration.ofSeconds(30)).close();

    signals.onSignal();

    assertThat(halts).isEmpty();
    assertThat(signals.signalled()).isTrue();
  }

  @Test
  void onSignal_afterANormalEnd_doesNothing() {
    signals.guard(() -> { throw new AssertionError("not stopped"); }, Duration.ofSeconds(30));
    signals.exiting();

    signals.onSignal();

    assertThat(halts).isEmpty();
    assertThat(signals.signalled()).isFalse();
  }
}
