package dev.dbscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.internal.FilterText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written recursive-descent parser for SCIM filters, attribute paths and PATCH paths (RFC 7644 figure 1 and
 * section 3.5.2). It lives next to the syntax tree, package-private, so that it can use the nodes' package-private
 * constructors and the exception's; no regex, no exceptions for control flow, and every malformed input ends in a
 * {@link FilterParseException}. Recursion is bounded by the nesting limit, so no input overflows the stack.
 */
final class FilterParser {
  static final int MAX_LENGTH = 65_536;

  private static final String EXPECTED_OPERAND = "expected attribute path, '(' or 'not'";
  private static final String EXPECTED_OPERATOR = "expected comparison operator or 'pr'";

  /**
   * Attribute paths that filters name again and again (the core attributes of users, groups and service principals).
   * A path written exactly like one of these, in the same case, reuses the shared, immutable instance instead of
   * copying the name out of the input and building a new path.
   */
  private static final String[] COMMON_PATH_TEXTS = {
      "id", "externalId", "userName", "displayName", "active", "name", "name.givenName", "name.familyName",
      "name.formatted", "emails", "emails.value", "emails.type", "emails.primary", "type", "value", "primary",
      "display", "members", "members.value", "members.display", "groups", "groups.value", "entitlements",
      "entitlements.value", "roles", "roles.value", "meta", "meta.created", "meta.lastModified", "meta.resourceType",
      "meta.location", "meta.version", "applicationId", "userType", "title", "nickName", "locale", "timezone",
      "preferredLanguage", "phoneNumbers", "addresses", "$ref"};
  private static final int COMMON_PATH_SLOTS = 128;
  private static final String[] COMMON_PATH_TABLE_TEXTS = new String[COMMON_PATH_SLOTS];
  private static final AttributePath[] COMMON_PATH_TABLE = new AttributePath[COMMON_PATH_SLOTS];

  static {
    for (String text : COMMON_PATH_TEXTS) {
      int dot = text.indexOf('.');
      AttributePath path = dot < 0 ? new AttributePath(null, text, null)
          : new AttributePath(null, text.substring(0, dot), text.substring(dot + 1));
      int slot = regionHash(text, 0, text.length()) & (COMMON_PATH_SLOTS - 1);
      while (COMMON_PATH_TABLE[slot] != null) {
        slot = (slot + 1) & (COMMON_PATH_SLOTS - 1);
      }
      COMMON_PATH_TABLE_TEXTS[slot] = text;
      COMMON_PATH_TABLE[slot] = path;
    }
  }

  private final String in;
  private final boolean lenient;
  private final String kind;
  private int end;
  private int pos;
  private int nesting;

  private FilterParser(String in, boolean lenient, String kind) {
    this.in = in;
    this.lenient = lenient;
    this.kind = kind;
    this.end = in.length();
  }

  private static FilterParser start(String text, boolean lenient, String kind) {
    if (text == null) {
      throw new FilterParseException("expected " + kind + " text, not null", 0, null, kind);
    }
    if (text.length() > MAX_LENGTH) {
      throw new FilterParseException(kind + " is longer than " + MAX_LENGTH + " characters", MAX_LENGTH, null, kind);
    }
    return new FilterParser(text, lenient, kind);
  }

  static Filter parseFilter(String text, boolean lenient) {
    FilterParser parser = start(text, lenient, "filter");
    Filter filter = parser.parseOr(false);
    parser.skipWhitespace();
    if (parser.pos < parser.end) {
      throw parser.error(parser.in.charAt(parser.pos) == ')' ? "unbalanced ')'"
          : "expected 'and', 'or' or end of filter", parser.pos);
    }
    return filter;
  }

  static AttributePath parseAttributePath(String text) {
    FilterParser parser = start(text, false, "attribute path");
    int stop = parser.scanPath();
    if (stop < parser.end) {
      throw parser.error("invalid character in attribute path", stop);
    }
    return parser.attributePath(0, stop);
  }

  static ScimPath parsePath(String text, boolean lenient) {
    FilterParser parser = start(text, lenient, "path");
    if (lenient) {
      parser.skipWhitespace();
      while (parser.end > parser.pos && isWhitespace(parser.in.charAt(parser.end - 1))) {
        parser.end--;
      }
    }
    int start = parser.pos;
    int stop = parser.scanPath();
    AttributePath attribute = parser.attributePath(start, stop);
    Filter filter = null;
    String subAttribute = null;
    if (parser.pos < parser.end && parser.in.charAt(parser.pos) == '[') {
      filter = parser.parseBracketed();
      if (parser.pos < parser.end && parser.in.charAt(parser.pos) == '.') {
        int nameStart = parser.pos + 1;
        int nameEnd = FilterText.nameEnd(parser.in, nameStart, parser.end);
        if (nameEnd == nameStart) {
          throw parser.error("expected sub-attribute name", nameStart);
        }
        subAttribute = parser.in.substring(nameStart, nameEnd);
        parser.pos = nameEnd;
      }
    }
    if (parser.pos < parser.end) {
      throw parser.error(filter == null ? "expected '[' or end of path" : "expected '.' or end of path", parser.pos);
    }
    return new ScimPath(attribute, filter, subAttribute);
  }

  private FilterParseException error(String problem, int at) {
    return new FilterParseException(problem, at, in, kind);
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private int skipWhitespace() {
    int start = pos;
    while (pos < end && isWhitespace(in.charAt(pos))) {
      pos++;
    }
    return pos - start;
  }

  private boolean keywordAt(String word) {
    int length = word.length();
    return pos + length <= end && asciiMatchesIgnoreCase(pos, word)
        && (pos + length == end || !FilterText.isPathChar(in.charAt(pos + length)));
  }

  /**
   * Returns whether the input at {@code at} is {@code lowerCaseWord} in any case, without the per-character case
   * mapping of {@code regionMatches(true, ...)}: {@code (c | 0x20) == 'x'} holds only for {@code x} and {@code X}. For
   * the words used here ({@code and}, {@code or}, {@code not}, {@code pr}, {@code urn:}) the answer is the same as
   * {@code regionMatches}', since they contain no {@code i}, {@code k} or {@code s}, the only ASCII letters that
   * non-ASCII characters (dotless i, dotted capital I, long s, Kelvin sign) fold to.
   */
  private boolean asciiMatchesIgnoreCase(int at, String lowerCaseWord) {
    for (int i = 0; i < lowerCaseWord.length(); i++) {
      char expected = lowerCaseWord.charAt(i);
      char c = in.charAt(at + i);
      if (c != expected && (expected < 'a' || expected > 'z' || (c | 0x20) != expected)) {
        return false;
      }
    }
    return true;
  }

  private boolean separatedBefore(int whitespace) {
    if (whitespace > 0) {
      return true;
    }
    char previous = pos > 0 ? in.charAt(pos - 1) : ' ';
    return previous == ')' || previous == ']' || previous == '"' || previous == '\'';
  }

  private void enter(int open) {
    if (++nesting > Filter.MAX_DEPTH) {
      throw error("filter is nested deeper than " + Filter.MAX_DEPTH + " levels", open);
    }
  }

  private Filter parseOr(boolean inValuePath) {
    return parseJunction(false, inValuePath);
  }

  private Filter parseAnd(boolean inValuePath) {
    return parseJunction(true, inValuePath);
  }

  /**
   * Parses operands joined by {@code and} (which binds tighter, so its operands are unary) or by {@code or} (whose
   * operands are conjunctions); a single operand is returned as it is.
   */
  private Filter parseJunction(boolean and, boolean inValuePath) {
    String word = and ? "and" : "or";
    Filter first = parseJunctionOperand(and, inValuePath);
    List<Filter> operands = null;
    boolean flattens = false;
    int keyword = pos;
    while (true) {
      int mark = pos;
      int whitespace = skipWhitespace();
      if (!keywordAt(word) || (lenient && !separatedBefore(whitespace))) {
        pos = mark;
        break;
      }
      if (whitespace == 0 && !lenient) {
        throw error("expected a space before '" + word + "' (RFC 7644 figure 1)", pos);
      }
      keyword = pos;
      pos += word.length();
      if (!lenient && pos < end && !isWhitespace(in.charAt(pos))) {
        throw error("expected a space after '" + word + "' (RFC 7644 figure 1)", pos);
      }
      if (operands == null) {
        operands = new ArrayList<>(4);
        operands.add(first);
        flattens = isJunction(first, and);
      }
      Filter next = parseJunctionOperand(and, inValuePath);
      flattens |= isJunction(next, and);
      operands.add(next);
    }
    if (operands == null) {
      return first;
    }
    try {
      if (!flattens) {
        return and ? new Filter.And(operands) : new Filter.Or(operands);
      }
      return and ? Filter.and(operands) : Filter.or(operands);
    } catch (IllegalArgumentException e) {
      throw error("filter is nested deeper than " + Filter.MAX_DEPTH + " levels", keyword);
    }
  }

  /** Returns whether {@code operand} is of the junction being built, so that building it must flatten. */
  private static boolean isJunction(Filter operand, boolean and) {
    return and ? operand instanceof Filter.And : operand instanceof Filter.Or;
  }

  private Filter parseJunctionOperand(boolean and, boolean inValuePath) {
    return and ? parseUnary(inValuePath) : parseAnd(inValuePath);
  }

  private Filter parseUnary(boolean inValuePath) {
    skipWhitespace();
    if (pos >= end) {
      throw error(EXPECTED_OPERAND, pos);
    }
    char c = in.charAt(pos);
    if (c == '(') {
      return parseEnclosed(')', inValuePath);
    }
    if ((c == 'n' || c == 'N') && keywordAt("not")) {
      int keyword = pos;
      pos += 3;
      skipWhitespace();
      if (pos < end && in.charAt(pos) == '(') {
        Filter inner = parseEnclosed(')', inValuePath);
        try {
          return new Filter.Not(inner);
        } catch (IllegalArgumentException e) {
          throw error("filter is nested deeper than " + Filter.MAX_DEPTH + " levels", keyword);
        }
      }
      pos = keyword; // an attribute named "not"
    }
    return parseAttributeExpression(inValuePath);
  }

  private void expect(char c, String problem) {
    if (pos >= end || in.charAt(pos) != c) {
      throw error(problem, pos);
    }
    pos++;
  }

  private int scanPath() {
    while (pos < end && FilterText.isPathChar(in.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private Filter parseBracketed() {
    return parseEnclosed(']', true);
  }

  /** Parses the filter between the opening bracket at {@code pos} and {@code close}, one nesting level deeper. */
  private Filter parseEnclosed(char close, boolean inValuePath) {
    enter(pos++);
    Filter inner = parseOr(inValuePath);
    skipWhitespace();
    expect(close, close == ')' ? "expected ')'" : "expected ']'");
    nesting--;
    return inner;
  }

  private Filter parseAttributeExpression(boolean inValuePath) {
    int start = pos;
    int stop = scanPath();
    if (stop == start) {
      throw error(EXPECTED_OPERAND, start);
    }
    AttributePath attribute = attributePath(start, stop);
    if (pos < end && in.charAt(pos) == '[') {
      if (inValuePath) {
        throw error("value paths cannot be nested inside value paths", pos);
      }
      int open = pos;
      Filter inner = parseBracketed();
      try {
        return new Filter.ValuePath(attribute, inner);
      } catch (IllegalArgumentException e) {
        throw error("filter is nested deeper than " + Filter.MAX_DEPTH + " levels", open);
      }
    }
    int whitespace = skipWhitespace();
    int operatorStart = pos;
    while (pos < end && FilterText.isNameChar(in.charAt(pos))) {
      pos++;
    }
    if (whitespace == 0 || pos - operatorStart != 2) {
      throw error(EXPECTED_OPERATOR, operatorStart);
    }
    if (asciiMatchesIgnoreCase(operatorStart, "pr")) {
      return new Filter.Present(attribute);
    }
    ComparisonOperator operator = ComparisonOperator.fromToken(in, operatorStart);
    if (operator == null) {
      throw error(EXPECTED_OPERATOR, operatorStart);
    }
    if (skipWhitespace() == 0 && !lenient && pos < end) {
      throw error("expected a space before the value (RFC 7644 figure 1)", pos);
    }
    return new Filter.Comparison(attribute, operator, parseValue());
  }

  private JsonNode parseValue() {
    if (pos >= end) {
      throw error("expected value", pos);
    }
    char c = in.charAt(pos);
    if (c == '"') {
      return TextNode.valueOf(readString('"'));
    }
    if (lenient) {
      return c == '\'' ? TextNode.valueOf(readString('\'')) : readBareValue();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      int start = pos;
      int stop = scanNumber(start);
      if (stop < 0) {
        throw error("invalid number", start);
      }
      pos = stop;
      return number(start, stop);
    }
    int start = pos;
    while (pos < end && FilterText.isNameChar(in.charAt(pos))) {
      pos++;
    }
    int length = pos - start;
    if (length == 4 && in.startsWith("true", start)) {
      return BooleanNode.TRUE;
    }
    if (length == 5 && in.startsWith("false", start)) {
      return BooleanNode.FALSE;
    }
    if (length == 4 && in.startsWith("null", start)) {
      return NullNode.getInstance();
    }
    throw error("expected value (JSON string, number, true, false or null)", start);
  }

  private JsonNode readBareValue() {
    int start = pos;
    while (pos < end) {
      char c = in.charAt(pos);
      if (isWhitespace(c) || c == ')' || c == ']') {
        break;
      }
      pos++;
    }
    int length = pos - start;
    if (length == 0) {
      throw error("expected value", start);
    }
    if (length == 4 && in.regionMatches(true, start, "true", 0, 4)) {
      return BooleanNode.TRUE;
    }
    if (length == 5 && in.regionMatches(true, start, "false", 0, 5)) {
      return BooleanNode.FALSE;
    }
    if (length == 4 && in.regionMatches(true, start, "null", 0, 4)) {
      return NullNode.getInstance();
    }
    if (scanNumber(start) == pos) {
      return number(start, pos);
    }
    return TextNode.valueOf(in.substring(start, pos));
  }

  /** Returns the end of the JSON number starting at {@code from}, or -1 when there is none. */
  private int scanNumber(int from) {
    int i = from;
    if (i < end && in.charAt(i) == '-') {
      i++;
    }
    if (i < end && in.charAt(i) == '0') {
      i++;
    } else if (i < end && in.charAt(i) >= '1' && in.charAt(i) <= '9') {
      i = digits(i);
    } else {
      return -1;
    }
    if (i < end && in.charAt(i) == '.') {
      int fraction = digits(i + 1);
      if (fraction == i + 1) {
        return -1;
      }
      i = fraction;
    }
    if (i < end && (in.charAt(i) == 'e' || in.charAt(i) == 'E')) {
      int exponent = i + 1;
      if (exponent < end && (in.charAt(exponent) == '+' || in.charAt(exponent) == '-')) {
        exponent++;
      }
      int exponentEnd = digits(exponent);
      if (exponentEnd == exponent) {
        return -1;
      }
      i = exponentEnd;
    }
    return i;
  }

  private int digits(int from) {
    int i = from;
    while (i < end && in.charAt(i) >= '0' && in.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private JsonNode number(int start, int stop) {
    JsonNode small = smallInteger(start, stop);
    if (small != null) {
      return small;
    }
    try {
      return FilterText.canonicalNumber(new BigDecimal(in.substring(start, stop)));
    } catch (NumberFormatException | ArithmeticException e) {
      throw error("number out of range", start);
    }
  }

  /**
   * Returns the canonical node of a plain integer of at most 18 digits (which always fits a long), or null for other
   * numbers; it saves the BigDecimal of the general path for the common case.
   */
  private JsonNode smallInteger(int start, int stop) {
    boolean negative = in.charAt(start) == '-';
    int first = negative ? start + 1 : start;
    if (stop - first > 18) {
      return null;
    }
    long value = 0;
    for (int i = first; i < stop; i++) {
      char c = in.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return LongNode.valueOf(negative ? -value : value);
  }

  private String readString(char quote) {
    int open = pos++;
    int runStart = pos;
    StringBuilder out = null;
    while (true) {
      if (pos >= end) {
        throw error("unterminated string", open);
      }
      char c = in.charAt(pos);
      if (c == quote) {
        String value = out == null ? in.substring(runStart, pos) : out.append(in, runStart, pos).toString();
        pos++;
        return value;
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder(pos - runStart + 16);
        }
        out.append(in, runStart, pos);
        pos = readEscape(out, open);
        runStart = pos;
        continue;
      }
      if (c < 0x20 && !lenient) {
        throw error("control characters in strings must be escaped", pos);
      }
      pos++;
    }
  }

  private int readEscape(StringBuilder out, int open) {
    if (pos + 1 >= end) {
      throw error("unterminated string", open);
    }
    char e = in.charAt(pos + 1);
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out.append(e);
        return pos + 2;
      case 'b':
        out.append('\b');
        return pos + 2;
      case 'f':
        out.append('\f');
        return pos + 2;
      case 'n':
        out.append('\n');
        return pos + 2;
      case 'r':
        out.append('\r');
        return pos + 2;
      case 't':
        out.append('\t');
        return pos + 2;
      case 'u':
        out.append(hex4(pos + 2));
        return pos + 6;
      case '\'':
        if (lenient) {
          out.append('\'');
          return pos + 2;
        }
        throw error("invalid escape in string", pos);
      default:
        throw error("invalid escape in string", pos);
    }
  }

  private char hex4(int from) {
    if (from + 4 > end) {
      throw error("expected four hex digits after \\u", from);
    }
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(in.charAt(i), 16);
      if (digit < 0 || in.charAt(i) > 'f') {
        throw error("expected four hex digits after \\u", i);
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  private AttributePath attributePath(int start, int stop) {
    if (stop == start) {
      throw error("expected attribute name", start);
    }
    AttributePath common = commonPath(start, stop);
    if (common != null) {
      return common;
    }
    if (stop - start >= 4 && asciiMatchesIgnoreCase(start, "urn:")) {
      return urnAttributePath(start, stop);
    }
    return nameAndSubAttribute(null, start, stop);
  }

  /** Returns the shared path written exactly (case included) as the input from start to stop, or null. */
  private AttributePath commonPath(int start, int stop) {
    int length = stop - start;
    for (int slot = regionHash(in, start, stop) & (COMMON_PATH_SLOTS - 1); COMMON_PATH_TABLE[slot] != null;
        slot = (slot + 1) & (COMMON_PATH_SLOTS - 1)) {
      String text = COMMON_PATH_TABLE_TEXTS[slot];
      if (text.length() == length && in.startsWith(text, start)) {
        return COMMON_PATH_TABLE[slot];
      }
    }
    return null;
  }

  private static int regionHash(String text, int start, int stop) {
    int hash = 0;
    for (int i = start; i < stop; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    return hash ^ (hash >>> 7);
  }

  private AttributePath urnAttributePath(int start, int stop) {
    int lastColon = in.lastIndexOf(':', stop - 1);
    if (lastColon == start + 3) {
      throw error("expected URN namespace after 'urn:'", start + 4);
    }
    int segmentStart = start + 4;
    int lastSegmentStart = segmentStart;
    for (int i = segmentStart; i <= lastColon; i++) {
      char c = in.charAt(i);
      if (i == lastColon || c == ':') {
        if (i == segmentStart) {
          throw error("empty segment in schema URN", i);
        }
        lastSegmentStart = segmentStart;
        segmentStart = i + 1;
      } else if (!FilterText.isNameChar(c) && c != '.') {
        throw error("invalid character in schema URN", i);
      }
    }
    int nameStart = lastColon + 1;
    if (nameStart == stop) {
      throw error("expected attribute name after schema URN", nameStart);
    }
    char versionStart = in.charAt(lastSegmentStart);
    int dot = in.indexOf('.', nameStart);
    if (versionStart >= '0' && versionStart <= '9' && (dot < 0 || dot >= stop)) {
      for (int i = nameStart; i < stop; i++) {
        if (!FilterText.isNameChar(in.charAt(i))) {
          throw error("invalid character in schema URN", i);
        }
      }
      return new AttributePath(null, in.substring(start, stop), null);
    }
    return nameAndSubAttribute(in.substring(start, lastColon), nameStart, stop);
  }

  private AttributePath nameAndSubAttribute(String schemaUrn, int start, int stop) {
    int nameEnd = FilterText.nameEnd(in, start, stop);
    if (nameEnd == start) {
      throw error("expected attribute name", start);
    }
    String subAttribute = null;
    if (nameEnd < stop) {
      if (in.charAt(nameEnd) != '.') {
        throw error("invalid character in attribute name", nameEnd);
      }
      int subStart = nameEnd + 1;
      int subEnd = FilterText.nameEnd(in, subStart, stop);
      if (subEnd == subStart) {
        throw error("expected sub-attribute name", subStart);
      }
      if (subEnd < stop) {
        throw error(in.charAt(subEnd) == '.' ? "sub-attributes nest only one level deep"
            : "invalid character in attribute name", subEnd);
      }
      subAttribute = in.substring(subStart, stop);
    }
    return new AttributePath(schemaUrn, in.substring(start, nameEnd), subAttribute);
  }
}
