package dev.dbscim.core.filter;

import java.util.Locale;

/**
 * The comparison operators of SCIM filters (RFC 7644 section 3.4.2.2, table 3). The presence test {@code pr} is not a
 * comparison: it is its own node, {@link Filter.Present}.
 */
public enum ComparisonOperator {
  /** Equal: {@code eq}. */
  EQ,
  /** Not equal: {@code ne}. */
  NE,
  /** Contains (strings only): {@code co}. */
  CO,
  /** Starts with (strings only): {@code sw}. */
  SW,
  /** Ends with (strings only): {@code ew}. */
  EW,
  /** Greater than: {@code gt}. */
  GT,
  /** Greater than or equal to: {@code ge}. */
  GE,
  /** Less than: {@code lt}. */
  LT,
  /** Less than or equal to: {@code le}. */
  LE;

  private final String token = name().toLowerCase(Locale.ROOT);

  /**
   * Returns the operator as written in canonical filters, in lower case ({@code eq}, {@code ne}, ...).
   *
   * @return the lower-case token
   */
  public String token() {
    return token;
  }

  /**
   * Returns whether this operator orders values ({@code gt}, {@code ge}, {@code lt}, {@code le}).
   *
   * @return true for the four ordering operators
   */
  public boolean isOrdering() {
    return this == GT || this == GE || this == LT || this == LE;
  }

  /**
   * Returns whether this operator applies to strings only ({@code co}, {@code sw}, {@code ew}).
   *
   * @return true for the three substring operators
   */
  public boolean isSubstring() {
    return this == CO || this == SW || this == EW;
  }

  /** Returns the operator for a two-letter token in any case, or null; {@code pr} is not an operator. */
  static ComparisonOperator fromToken(String text, int start) {
    char a = Character.toLowerCase(text.charAt(start));
    char b = Character.toLowerCase(text.charAt(start + 1));
    switch (a) {
      case 'e':
        return b == 'q' ? EQ : b == 'w' ? EW : null;
      case 'n':
        return b == 'e' ? NE : null;
      case 'c':
        return b == 'o' ? CO : null;
      case 's':
        return b == 'w' ? SW : null;
      case 'g':
        return b == 't' ? GT : b == 'e' ? GE : null;
      case 'l':
        return b == 't' ? LT : b == 'e' ? LE : null;
      default:
        return null;
    }
  }
}
