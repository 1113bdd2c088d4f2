package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  final StringWriter text = new StringWriter();
  final AtomicLong now = new AtomicLong();

  ProgressPrinter printer(boolean terminal) {
    return new ProgressPrinter(new PrintWriter(text), terminal, now::get);
  }

  @Test
  void update_notATerminal_printsTheFirstStepThenALineEveryTenPercent() {
    ProgressPrinter printer = printer(false);

    for (int done = 1; done <= 100; done++) {
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
      printer.update(done, 100, 0, 100.0, Duration.ofMillis((100 - done) * 10L));
    }

    assertThat(text.toString().lines()).hasSize(11)
        .startsWith("Progress: 1/100 (1%), 100/s, ETA <1s", "Progress: 10/100 (10%), 100/s, ETA <1s")
        .endsWith("Progress: 100/100 (100%), 100/s, ETA 0s");
    assertThat(text.toString()).doesNotContain("\r");
  }

  @Test
  void update_notATerminal_alsoPrintsEveryFiveSeconds() {
    ProgressPrinter printer = printer(false);

    printer.update(1, 1000, 0, 1.0, null);
    now.addAndGet(TimeUnit.SECONDS.toNanos(5));
    printer.update(2, 1000, 1, 0.4, Duration.ofMinutes(41));

    assertThat(text.toString().lines()).containsExactly(
        "Progress: 1/1000 (0%), 1/s, ETA ?", "Progress: 2/1000 (0%), 24.0/min, ETA 41m00s, 1 failed");
  }

  @Test
  void update_atATerminal_redrawsOneLineAtMostTenTimesASecond() {
    ProgressPrinter printer = printer(true);

    printer.update(1, 4, 0, 10, Duration.ofSeconds(1));
    printer.update(2, 4, 0, 10, Duration.ofSeconds(1));        // within 100 ms: skipped
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
    printer.update(3, 4, 1, 10, Duration.ofSeconds(1));
    printer.update(4, 4, 1, 10, null);                         // the last one is always drawn

    String[] draws = text.toString().split("\r", -1);
    assertThat(draws).hasSize(4);
    assertThat(draws[1]).startsWith("[######..................] 1/4 (25%)");
    assertThat(draws[2]).startsWith("[##################......] 3/4 (75%), 10/s, ETA 1s, 1 failed");
    assertThat(draws[3]).startsWith("[########################] 4/4 (100%)").endsWith(System.lineSeparator());
  }

  @Test
  void finish_endsAnOpenBarLine() {
    ProgressPrinter printer = printer(true);
    printer.update(1, 2, 0, 1, null);

    printer.finish();
    printer.finish();

    assertThat(text.toString()).endsWith(System.lineSeparator()).doesNotEndWith(System.lineSeparator()
        + System.lineSeparator());
  }

  @Test
  void stopping_atATerminal_endsTheBarLine_thenSaysHowLongItWaits() {
    ProgressPrinter printer = printer(true);
    printer.update(1, 2, 0, 1, null);

    printer.stopping(Duration.ofSeconds(5));

    String[] lines = text.toString().split(System.lineSeparator());
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).isEqualTo("Interrupted: no new change starts; the running ones get up to 5s to finish, then the report "
            + "follows.");
  }
}
