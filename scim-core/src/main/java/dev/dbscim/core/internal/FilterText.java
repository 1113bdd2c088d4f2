package dev.dbscim.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * Text helpers of the SCIM filter implementation: JSON string escaping, canonical literal values and the character
 * classes of the filter grammar (RFC 7644 figure 1).
 *
 * <p>Not public API; may change without notice.
 */
public final class FilterText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final int EXCERPT_LENGTH = 16;
  private static final byte NAME_START = 1;
  private static final byte NAME_CHAR = 2;
  private static final byte PATH_CHAR = 4;
  /** The grammar's character classes for ASCII, looked up instead of tested range by range on the parser's hot path. */
  private static final byte[] ASCII_CLASSES = asciiClasses();

  private FilterText() {}

  /**
   * Appends {@code value} as a JSON string literal: {@code "} and {@code \} are escaped, control characters use the
   * short JSON escapes or {@code \}{@code u00XX}, and unpaired surrogates are escaped as {@code \}{@code uXXXX} so the
   * result is well-formed Unicode text that reads back to exactly the same UTF-16 string.
   *
   * @param out the builder to append to
   * @param value the string value
   */
  public static void appendJsonString(StringBuilder out, String value) {
    out.append('"');
    int length = value.length();
    int plainStart = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
        continue;
      }
      out.append(value, plainStart, i);
      appendEscape(out, c);
      plainStart = i + 1;
    }
    out.append(value, plainStart, length);
    out.append('"');
  }

  private static void appendEscape(StringBuilder out, char c) {
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default:
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
            .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
  }

  /**
   * Appends a canonical literal value (see {@link #canonicalValue(JsonNode)}) in its JSON form.
   *
   * @param out the builder to append to
   * @param value a canonical literal value
   */
  public static void appendValue(StringBuilder out, JsonNode value) {
    if (value.isTextual()) {
      appendJsonString(out, value.textValue());
    } else if (value.isLong()) {
      out.append(value.longValue());
    } else if (value.isBigDecimal()) {
      BigDecimal number = value.decimalValue();
      boolean plain = number.scale() <= 0 ? number.precision() - number.scale() <= 40 : number.scale() <= 40;
      out.append(plain ? number.toPlainString() : number.toString());
    } else if (value.isBoolean()) {
      out.append(value.booleanValue() ? "true" : "false");
    } else {
      out.append("null");
    }
  }

  /**
   * Returns the canonical form of a filter literal: a {@link TextNode}, a {@link LongNode} for integral numbers that fit
   * a long, a {@link DecimalNode} holding a BigDecimal without trailing zeros for other numbers, a {@link BooleanNode}
   * or {@link NullNode}. Numbers that are equal in value get equal nodes, so {@code 1}, {@code 1.0} and {@code 1e0} are
   * one literal.
   *
   * @param value any JSON scalar; {@code null} and missing nodes become {@link NullNode}
   * @return the canonical node
   * @throws IllegalArgumentException for arrays, objects, binary and other non-scalar nodes, and non-finite numbers
   */
  public static JsonNode canonicalValue(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NullNode.getInstance();
    }
    if (value.isTextual()) {
      return value instanceof TextNode ? value : TextNode.valueOf(value.textValue());
    }
    if (value.isBoolean()) {
      return BooleanNode.valueOf(value.booleanValue());
    }
    if (value.isNumber()) {
      if (value.isLong() || value.isInt() || value.isShort()) {
        return LongNode.valueOf(value.longValue());
      }
      if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
        throw new IllegalArgumentException("filter values must be finite numbers");
      }
      return canonicalNumber(value.isDouble() || value.isFloat()
          ? BigDecimal.valueOf(value.doubleValue()) : value.decimalValue());
    }
    throw new IllegalArgumentException("filter values must be strings, numbers, booleans or null, not "
        + value.getNodeType());
  }

  /**
   * Returns the canonical node for a number (see {@link #canonicalValue(JsonNode)}).
   *
   * @param number the number
   * @return a LongNode or a DecimalNode without trailing zeros
   */
  public static JsonNode canonicalNumber(BigDecimal number) {
    if (number.signum() == 0) {
      return LongNode.valueOf(0);
    }
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19
        && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
      return LongNode.valueOf(stripped.longValueExact());
    }
    return DecimalNode.valueOf(stripped);
  }

  /**
   * Returns whether {@code c} may start an attribute name: an ASCII letter, or {@code $} (for {@code $ref}).
   *
   * @param c the character
   * @return true when it may start a name
   */
  public static boolean isNameStart(char c) {
    return hasClass(c, NAME_START);
  }

  /**
   * Returns whether {@code c} may continue an attribute name ({@code nameChar} of RFC 7644: letter, digit, {@code -},
   * {@code _}).
   *
   * @param c the character
   * @return true when it may continue a name
   */
  public static boolean isNameChar(char c) {
    return hasClass(c, NAME_CHAR);
  }

  /**
   * Returns whether {@code c} may appear in an attribute path: a name character, {@code .}, {@code :} or {@code $}.
   *
   * @param c the character
   * @return true when it may appear in a path
   */
  public static boolean isPathChar(char c) {
    return hasClass(c, PATH_CHAR);
  }

  private static boolean hasClass(char c, byte characterClass) {
    return c < ASCII_CLASSES.length && (ASCII_CLASSES[c] & characterClass) != 0;
  }

  private static byte[] asciiClasses() {
    byte[] classes = new byte[128];
    for (char c = 0; c < classes.length; c++) {
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean nameChar = letter || (c >= '0' && c <= '9') || c == '-' || c == '_';
      boolean nameStart = letter || c == '$';
      boolean pathChar = nameChar || c == '.' || c == ':' || c == '$';
      classes[c] = (byte) ((nameStart ? NAME_START : 0) | (nameChar ? NAME_CHAR : 0) | (pathChar ? PATH_CHAR : 0));
    }
    return classes;
  }

  /**
   * Returns whether {@code name} is a valid attribute name ({@code ATTRNAME}, optionally prefixed with {@code $}).
   *
   * @param name the candidate
   * @return true when valid
   */
  public static boolean isAttributeName(String name) {
    return name != null && nameEnd(name, 0, name.length()) == name.length() && !name.isEmpty();
  }

  /**
   * Returns the end of the longest valid attribute name starting at {@code start}, or {@code start} when none.
   *
   * @param text the text
   * @param start the start index
   * @param end the index not to pass
   * @return the end index of the name
   */
  public static int nameEnd(CharSequence text, int start, int end) {
    int i = start;
    if (i < end && text.charAt(i) == '$') {
      i++;
    }
    if (i >= end || !isNameStart(text.charAt(i)) || text.charAt(i) == '$') {
      return start;
    }
    i++;
    while (i < end && isNameChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Returns a short, escaped excerpt of {@code input} from {@code position}, for error messages that must not echo
   * whole (possibly huge, possibly sensitive) inputs.
   *
   * @param input the input
   * @param position where the excerpt starts
   * @return the excerpt as a JSON string literal, with an ellipsis when cut
   */
  public static String excerpt(String input, int position) {
    int start = Math.max(0, Math.min(position, input.length()));
    int end = Math.min(input.length(), start + EXCERPT_LENGTH);
    if (end < input.length() && Character.isHighSurrogate(input.charAt(end - 1))) {
      end--;
    }
    StringBuilder out = new StringBuilder(EXCERPT_LENGTH + 8);
    appendJsonString(out, input.substring(start, end));
    if (end < input.length()) {
      out.append("...");
    }
    return out.toString();
  }
}
