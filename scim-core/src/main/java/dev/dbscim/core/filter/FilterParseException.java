package dev.dbscim.core.filter;

import dev.dbscim.core.internal.FilterText;

/**
 * Thrown when a SCIM filter, attribute path or PATCH path is malformed. A server answers it with 400 and
 * {@code scimType} {@code invalidFilter} (or {@code invalidPath} for PATCH paths), RFC 7644 section 3.12.
 *
 * <p>The message names the 0-based position and what was expected there, and quotes at most a short excerpt of the
 * input: {@code expected comparison operator at position 9 in filter near "xx \"ada\""}.
 */
public final class FilterParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The 0-based character offset where parsing failed. */
  private final int position;

  FilterParseException(String problem, int position, String input, String kind) {
    super(problem + " at position " + position + " in " + kind
        + (input == null || position >= input.length() ? "" : " near " + FilterText.excerpt(input, position)));
    this.position = position;
  }

  /**
   * Returns the 0-based character offset in the input where the problem was found.
   *
   * @return the position
   */
  public int position() {
    return position;
  }
}
