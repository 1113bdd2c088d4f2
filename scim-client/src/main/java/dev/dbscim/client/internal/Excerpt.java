package dev.dbscim.client.internal;

/**
 * Shortens values quoted in messages and tables, so that a 10 MB name prints as its first characters and an
 * ellipsis.
 *
 * <p>Not public API; may change without notice.
 */
public final class Excerpt {
  /** The most characters of a value shown in a message. */
  public static final int MESSAGE_LENGTH = 80;

  private Excerpt() {}

  /**
   * Returns the value, or its first {@code max} characters followed by {@code ...} when it is longer.
   *
   * @param value the value
   * @param max the most characters to keep, at least 1
   * @return the value or its start
   */
  public static String of(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end) + "...";
  }

  /**
   * Returns the value shortened to {@value #MESSAGE_LENGTH} characters, for a message.
   *
   * @param value the value
   * @return the value or its start
   */
  public static String of(String value) {
    return of(value, MESSAGE_LENGTH);
  }
}
