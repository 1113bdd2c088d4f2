package dev.dbscim.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses a {@code Retry-After} header (RFC 9110 section 10.2.3): delay seconds or an HTTP date. */
final class RetryAfter {
  private static final long MAX_SECONDS = 365L * 24 * 3600;

  private RetryAfter() {}

  /**
   * Returns the wait the header asks for, relative to the clock for a date; a date in the past gives zero.
   *
   * @return the wait, or {@code null} when the header is absent or malformed
   */
  static Duration parse(String header, Clock clock) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (value.length() > 10) {
        return Duration.ofSeconds(MAX_SECONDS);
      }
      return Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_SECONDS));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
