package dev.dbscim.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static RetryPolicy withJitter(double factor) {
    return RetryPolicy.standard().toBuilder().jitter(() -> factor).build();
  }

  @Test
  void standard_hasDocumentedDefaults() {
    RetryPolicy standard = RetryPolicy.standard();

    assertThat(standard.maxAttempts()).isEqualTo(3);
    assertThat(standard.baseDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(standard.maxDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(standard.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(standard.nonIdempotentRetry()).isEqualTo(NonIdempotentRetry.SAFE);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void delayBeforeRetry_fullJitterOne_doublesUntilTheCap() {
    RetryPolicy policy = withJitter(1.0);

    assertThat(policy.delayBeforeRetry(1, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayBeforeRetry(2, null)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.delayBeforeRetry(6, null)).isEqualTo(Duration.ofMillis(6400));
    assertThat(policy.delayBeforeRetry(7, null)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.delayBeforeRetry(1000, null)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void delayBeforeRetry_scalesByJitterAndClampsOutOfRangeFactors() {
    assertThat(withJitter(0.25).delayBeforeRetry(3, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(withJitter(0.0).delayBeforeRetry(3, null)).isEqualTo(Duration.ZERO);
    assertThat(withJitter(7.0).delayBeforeRetry(1, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(withJitter(Double.NaN).delayBeforeRetry(1, null)).isEqualTo(Duration.ZERO);
  }

  @Test
  void delayBeforeRetry_retryAfter_isUsedAsIsUpToTheCap() {
    RetryPolicy policy = withJitter(0.5);

    assertThat(policy.delayBeforeRetry(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delayBeforeRetry(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.delayBeforeRetry(1, Duration.ofSeconds(-1))).isEqualTo(Duration.ZERO);
  }

  @Test
  void builder_rejectsInvalidValues() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.standard().delayBeforeRetry(0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilder_roundTripsToAnEqualPolicy() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).nonIdempotentRetry(NonIdempotentRetry.DANGEROUS_ALWAYS)
        .build();

    assertThat(policy.toBuilder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
    assertThat(policy).isNotEqualTo(RetryPolicy.standard());
    assertThat(policy.toString()).contains("maxAttempts=5", "DANGEROUS_ALWAYS");
  }
}
