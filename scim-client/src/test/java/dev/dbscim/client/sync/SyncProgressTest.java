package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncProgressTest {
  @Test
  void estimatedTimeLeft_withAMinimum_isTheLongerOfTheRateAndTheMinimum() {
    // 1 of 3 done in 2 s: 4 s left at that rate, but 12 s of pacing are known to be ahead.
    assertThat(SyncProgress.of(1, 3, 0, Duration.ofSeconds(2), Duration.ofSeconds(12)).estimatedTimeLeft())
        .contains(Duration.ofSeconds(12));
    assertThat(SyncProgress.of(1, 3, 0, Duration.ofSeconds(20), Duration.ofSeconds(12)).estimatedTimeLeft())
        .contains(Duration.ofSeconds(40));
    assertThat(SyncProgress.of(0, 3, 0, Duration.ZERO, Duration.ofSeconds(12)).estimatedTimeLeft())
        .contains(Duration.ofSeconds(12));
    assertThat(SyncProgress.of(0, 3, 0, Duration.ZERO, Duration.ZERO).estimatedTimeLeft()).isEmpty();
    assertThat(SyncProgress.of(3, 3, 1, Duration.ofSeconds(30), Duration.ZERO).estimatedTimeLeft())
        .contains(Duration.ZERO);
  }

  @Test
  void of_outOfRange_throws() {
    assertThatThrownBy(() -> SyncProgress.of(4, 3, 0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncProgress.of(1, 3, 2, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
