package dev.dbscim.client.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  @Test
  void accountDefaults_matchPublishedNumbers() {
    RateLimits limits = RateLimits.accountDefaults();

    assertThat(limits.permitsPerSecond(OperationClass.GET)).isEqualTo(20.0);
    assertThat(limits.permitsPerSecond(OperationClass.LIST)).isEqualTo(4.0);
    assertThat(limits.permitsPerSecond(OperationClass.PATCH)).isEqualTo(2.0);
    assertThat(limits.permitsPerSecond(OperationClass.CREATE)).isEqualTo(5.0);
    assertThat(limits.permitsPerSecond(OperationClass.REPLACE)).isEqualTo(5.0);
    assertThat(limits.permitsPerSecond(OperationClass.DELETE)).isEqualTo(5.0);
    assertThat(limits.burst(OperationClass.GET)).isEqualTo(20);
    assertThat(limits.burst(OperationClass.LIST)).isEqualTo(4);
    assertThat(limits.burst(OperationClass.PATCH)).isEqualTo(2);
  }

  @Test
  void workspaceDefaults_usePerMinuteLimitsAndTheAccountPatchRate() {
    RateLimits limits = RateLimits.workspaceDefaults();

    assertThat(limits.permitsPerSecond(OperationClass.GET)).isCloseTo(255.0 / 60, within(1e-9));
    assertThat(limits.permitsPerSecond(OperationClass.LIST)).isCloseTo(255.0 / 60, within(1e-9));
    assertThat(limits.permitsPerSecond(OperationClass.PATCH)).isEqualTo(2.0);
    assertThat(limits.permitsPerSecond(OperationClass.DELETE)).isCloseTo(35.0 / 60, within(1e-9));
    assertThat(limits.permitsPerSecond(OperationClass.CREATE)).isEqualTo(5.0);
    assertThat(limits.burst(OperationClass.GET)).isEqualTo(4);
    assertThat(limits.burst(OperationClass.PATCH)).isEqualTo(2);
  }

  @Test
  void unlimited_limitsNothing() {
    RateLimits limits = RateLimits.unlimited();

    for (OperationClass operation : OperationClass.values()) {
      assertThat(limits.limited(operation)).isFalse();
      assertThat(limits.permitsPerSecond(operation)).isInfinite();
    }
    assertThat(limits).isEqualTo(RateLimits.builder().build());
  }

  @Test
  void toBuilder_overridesOneClassOnly() {
    RateLimits limits = RateLimits.accountDefaults().toBuilder()
        .limit(OperationClass.PATCH, 0.5)
        .burst(OperationClass.GET, 50)
        .build();

    assertThat(limits.permitsPerSecond(OperationClass.PATCH)).isEqualTo(0.5);
    assertThat(limits.burst(OperationClass.PATCH)).isEqualTo(1);
    assertThat(limits.burst(OperationClass.GET)).isEqualTo(50);
    assertThat(limits.permitsPerSecond(OperationClass.GET)).isEqualTo(20.0);
    assertThat(limits.permitsPerSecond(OperationClass.DELETE)).isEqualTo(5.0);
    assertThat(RateLimits.accountDefaults().burst(OperationClass.GET)).isEqualTo(20);
  }

  @Test
  void burst_explicit_survivesLaterRateChange() {
    RateLimits limits = RateLimits.builder()
        .burst(OperationClass.LIST, 10)
        .limit(OperationClass.LIST, 1.0)
        .build();

    assertThat(limits.burst(OperationClass.LIST)).isEqualTo(10);
    assertThat(limits.toBuilder().limit(OperationClass.LIST, 50.0).build().burst(OperationClass.LIST)).isEqualTo(10);
  }

  @Test
  void unlimited_builderMethod_liftsLimitAndBurst() {
    RateLimits limits = RateLimits.accountDefaults().toBuilder().unlimited(OperationClass.GET).build();

    assertThat(limits.limited(OperationClass.GET)).isFalse();
    assertThat(limits.limited(OperationClass.LIST)).isTrue();
  }

  @Test
  void limit_invalidRates_throwIllegalArgument() {
    RateLimits.Builder builder = RateLimits.builder();

    assertThatThrownBy(() -> builder.limit(OperationClass.GET, 0.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.limit(OperationClass.GET, -1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.limit(OperationClass.GET, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.limit(OperationClass.GET, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.limit(OperationClass.GET, 1, Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1/3600");
    assertThatThrownBy(() -> builder.limit(OperationClass.GET, 0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.limit(OperationClass.GET, 5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.burst(OperationClass.GET, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limit_perPeriod_convertsToPerSecond() {
    RateLimits limits = RateLimits.builder().limit(OperationClass.DELETE, 3, Duration.ofMillis(1500)).build();

    assertThat(limits.permitsPerSecond(OperationClass.DELETE)).isEqualTo(2.0);
  }

  @Test
  void equalsAndToString_describeRatesAndBursts() {
    RateLimits limits = RateLimits.builder().limit(OperationClass.PATCH, 2.0).build();

    assertThat(limits).isEqualTo(RateLimits.builder().limit(OperationClass.PATCH, 2.0).build())
        .hasSameHashCodeAs(RateLimits.builder().limit(OperationClass.PATCH, 2.0).build())
        .isNotEqualTo(RateLimits.builder().limit(OperationClass.PATCH, 2.0).burst(OperationClass.PATCH, 3).build());
    assertThat(limits.toString()).contains("PATCH=2.0/s burst 2", "GET=unlimited");
  }
}
