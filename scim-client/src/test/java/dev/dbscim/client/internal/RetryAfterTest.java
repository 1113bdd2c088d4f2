package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void parse_deltaSeconds_returnsSeconds() {
    assertThat(RetryAfter.parse(" 120 ", CLOCK)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("0", CLOCK)).isEqualTo(Duration.ZERO);
  }

  @Test
  void parse_httpDate_returnsTimeUntilThenOnClock() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:45 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void parse_dateInThePast_returnsZero() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
  }

  @Test
  void parse_absentOrMalformed_returnsNull() {
    assertThat(RetryAfter.parse(null, CLOCK)).isNull();
    assertThat(RetryAfter.parse("", CLOCK)).isNull();
    assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
    assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
  }

  @Test
  void parse_hugeNumber_isBoundedNotOverflowing() {
    assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).isEqualTo(Duration.ofDays(365));
  }

  @Test
  void parse_dateFarInTheFuture_isBoundedByTheSameCapAsSeconds() {
    assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", CLOCK)).isEqualTo(RetryAfter.MAX)
        .isEqualTo(Duration.ofDays(365));
  }
}
