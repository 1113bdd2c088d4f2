package dev.dbscim.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses a {@code Retry-After} header (RFC 9110 section 10.2.3): delay seconds or an HTTP date. The only parser of
 * that header in the client; the SCIM transport, the OAuth token client and the Google Directory source all read it
 * through {@link HttpSender}.
 *
 * <p>Any value is capped at {@link #MAX}, one year: a longer wait means nothing to a client, and the cap keeps
 * {@code Duration} arithmetic on hostile values (such as a 30-digit number or a date in year 9999) far from overflow.
 * The wait the client really honours is lower still, the caller's {@code RetryPolicy.maxRetryAfter()}.
 *
 * <p>Not public API; may change without notice.
 */
public final class RetryAfter {
  /** The longest wait the parser returns. */
  public static final Duration MAX = Duration.ofDays(365);

  private RetryAfter() {}

  /**
   * Returns the wait the header asks for, relative to the clock for a date; a date in the past gives zero.
   *
   * @param header the header value, or {@code null} when absent
   * @param clock the clock a date is measured from
   * @return the wait, at most {@link #MAX}, or {@code null} when the header is absent or malformed
   */
  public static Duration parse(String header, Clock clock) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (value.length() > 10) {
        return MAX;
      }
      return Duration.ofSeconds(Math.min(Long.parseLong(value), MAX.getSeconds()));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      if (wait.isNegative()) {
        return Duration.ZERO;
      }
      return wait.compareTo(MAX) > 0 ? MAX : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
