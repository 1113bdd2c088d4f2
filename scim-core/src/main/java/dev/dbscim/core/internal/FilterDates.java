package dev.dbscim.core.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Recognises SCIM {@code dateTime} values (RFC 7643 section 2.3.5: xsd:dateTime with an offset) so the filter
 * evaluator can compare them as instants.
 *
 * <p>Not public API; may change without notice.
 */
public final class FilterDates {
  private FilterDates() {}

  /**
   * Returns the instant a date-time string denotes, such as {@code 2011-05-13T04:42:34Z} or
   * {@code 2011-05-13T06:42:34.123+02:00}, or null when the string is not a date-time with an offset. A cheap shape
   * check runs first, so ordinary strings cost no exception.
   *
   * @param text the candidate
   * @return the instant, or null
   */
  public static Instant parseInstant(String text) {
    if (text.length() < 20 || text.length() > 40 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || !isDigit(text.charAt(0)) || !isDigit(text.charAt(3))) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
