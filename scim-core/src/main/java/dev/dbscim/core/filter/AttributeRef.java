package dev.dbscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.internal.FilterText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An attribute in a filter being built, from {@link Filter#attr(String)}; its methods return finished filters.
 *
 * <pre>{@code
 * Filter recent = Filter.attr("meta.lastModified").gt(Instant.parse("2024-01-01T00:00:00Z"));
 * Filter work = Filter.attr("emails").has(Filter.attr("type").eq("work"));
 * }</pre>
 *
 * <p>Any string value is safe: it is rendered as an escaped JSON string and reads back unchanged, so user input can
 * never inject filter syntax. Operators exist only for the value types RFC 7644 defines them on: {@code co}, {@code sw}
 * and {@code ew} take strings, and booleans have only {@code eq} and {@code ne}. Instants are rendered as ISO-8601
 * strings in UTC ({@code 2011-05-13T04:42:34Z}).
 */
public final class AttributeRef {
  private final AttributePath attribute;

  AttributeRef(AttributePath attribute) {
    this.attribute = attribute;
  }

  /**
   * Returns the referenced attribute path.
   *
   * @return the path
   */
  public AttributePath path() {
    return attribute;
  }

  private Filter compare(ComparisonOperator operator, JsonNode value) {
    return new Filter.Comparison(attribute, operator, value);
  }

  private static JsonNode text(String value) {
    return TextNode.valueOf(Objects.requireNonNull(value, "value"));
  }

  private static JsonNode number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("filter values must be finite numbers");
    }
    return FilterText.canonicalNumber(BigDecimal.valueOf(value));
  }

  private static JsonNode instant(Instant value) {
    return TextNode.valueOf(DateTimeFormatter.ISO_INSTANT.format(Objects.requireNonNull(value, "value")));
  }

  /**
   * Returns {@code attribute eq "value"}.
   *
   * @param value the string
   * @return the filter
   */
  public Filter eq(String value) {
    return compare(ComparisonOperator.EQ, text(value));
  }

  /**
   * Returns {@code attribute eq true} or {@code attribute eq false}.
   *
   * @param value the boolean
   * @return the filter
   */
  public Filter eq(boolean value) {
    return compare(ComparisonOperator.EQ, BooleanNode.valueOf(value));
  }

  /**
   * Returns {@code attribute eq value} for an integer.
   *
   * @param value the number
   * @return the filter
   */
  public Filter eq(long value) {
    return compare(ComparisonOperator.EQ, LongNode.valueOf(value));
  }

  /**
   * Returns {@code attribute eq value} for a decimal number.
   *
   * @param value the number, finite
   * @return the filter
   * @throws IllegalArgumentException for NaN and infinities
   */
  public Filter eq(double value) {
    return compare(ComparisonOperator.EQ, number(value));
  }

  /**
   * Returns {@code attribute eq "instant"} with the instant as an ISO-8601 string.
   *
   * @param value the instant
   * @return the filter
   */
  public Filter eq(Instant value) {
    return compare(ComparisonOperator.EQ, instant(value));
  }

  /**
   * Returns {@code attribute eq null}, which matches when the attribute has no value (RFC 7643 section 2.5).
   *
   * @return the filter
   */
  public Filter eqNull() {
    return compare(ComparisonOperator.EQ, NullNode.getInstance());
  }

  /**
   * Returns {@code attribute ne "value"}.
   *
   * @param value the string
   * @return the filter
   */
  public Filter ne(String value) {
    return compare(ComparisonOperator.NE, text(value));
  }

  /**
   * Returns {@code attribute ne true} or {@code attribute ne false}.
   *
   * @param value the boolean
   * @return the filter
   */
  public Filter ne(boolean value) {
    return compare(ComparisonOperator.NE, BooleanNode.valueOf(value));
  }

  /**
   * Returns {@code attribute ne value} for an integer.
   *
   * @param value the number
   * @return the filter
   */
  public Filter ne(long value) {
    return compare(ComparisonOperator.NE, LongNode.valueOf(value));
  }

  /**
   * Returns {@code attribute ne value} for a decimal number.
   *
   * @param value the number, finite
   * @return the filter
   */
  public Filter ne(double value) {
    return compare(ComparisonOperator.NE, number(value));
  }

  /**
   * Returns {@code attribute ne "instant"} with the instant as an ISO-8601 string.
   *
   * @param value the instant
   * @return the filter
   */
  public Filter ne(Instant value) {
    return compare(ComparisonOperator.NE, instant(value));
  }

  /**
   * Returns {@code attribute ne null}, which matches when the attribute has a value.
   *
   * @return the filter
   */
  public Filter neNull() {
    return compare(ComparisonOperator.NE, NullNode.getInstance());
  }

  /**
   * Returns {@code attribute co "value"} (contains).
   *
   * @param value the substring
   * @return the filter
   */
  public Filter co(String value) {
    return compare(ComparisonOperator.CO, text(value));
  }

  /**
   * Returns {@code attribute sw "value"} (starts with).
   *
   * @param value the prefix
   * @return the filter
   */
  public Filter sw(String value) {
    return compare(ComparisonOperator.SW, text(value));
  }

  /**
   * Returns {@code attribute ew "value"} (ends with).
   *
   * @param value the suffix
   * @return the filter
   */
  public Filter ew(String value) {
    return compare(ComparisonOperator.EW, text(value));
  }

  /**
   * Returns {@code attribute gt "value"} (lexicographic order).
   *
   * @param value the string
   * @return the filter
   */
  public Filter gt(String value) {
    return compare(ComparisonOperator.GT, text(value));
  }

  /**
   * Returns {@code attribute gt value} for an integer.
   *
   * @param value the number
   * @return the filter
   */
  public Filter gt(long value) {
    return compare(ComparisonOperator.GT, LongNode.valueOf(value));
  }

  /**
   * Returns {@code attribute gt value} for a decimal number.
   *
   * @param value the number, finite
   * @return the filter
   */
  public Filter gt(double value) {
    return compare(ComparisonOperator.GT, number(value));
  }

  /**
   * Returns {@code attribute gt "instant"}: later than the instant.
   *
   * @param value the instant
   * @return the filter
   */
  public Filter gt(Instant value) {
    return compare(ComparisonOperator.GT, instant(value));
  }

  /**
   * Returns {@code attribute ge "value"} (lexicographic order).
   *
   * @param value the string
   * @return the filter
   */
  public Filter ge(String value) {
    return compare(ComparisonOperator.GE, text(value));
  }

  /**
   * Returns {@code attribute ge value} for an integer.
   *
   * @param value the number
   * @return the filter
   */
  public Filter ge(long value) {
    return compare(ComparisonOperator.GE, LongNode.valueOf(value));
  }

  /**
   * Returns {@code attribute ge value} for a decimal number.
   *
   * @param value the number, finite
   * @return the filter
   */
  public Filter ge(double value) {
    return compare(ComparisonOperator.GE, number(value));
  }

  /**
   * Returns {@code attribute ge "instant"}: at or after the instant.
   *
   * @param value the instant
   * @return the filter
   */
  public Filter ge(Instant value) {
    return compare(ComparisonOperator.GE, instant(value));
  }

  /**
   * Returns {@code attribute lt "value"} (lexicographic order).
   *
   * @param value the string
   * @return the filter
   */
  public Filter lt(String value) {
    return compare(ComparisonOperator.LT, text(value));
  }

  /**
   * Returns {@code attribute lt value} for an integer.
   *
   * @param value the number
   * @return the filter
   */
  public Filter lt(long value) {
    return compare(ComparisonOperator.LT, LongNode.valueOf(value));
  }

  /**
   * Returns {@code attribute lt value} for a decimal number.
   *
   * @param value the number, finite
   * @return the filter
   */
  public Filter lt(double value) {
    return compare(ComparisonOperator.LT, number(value));
  }

  /**
   * Returns {@code attribute lt "instant"}: earlier than the instant.
   *
   * @param value the instant
   * @return the filter
   */
  public Filter lt(Instant value) {
    return compare(ComparisonOperator.LT, instant(value));
  }

  /**
   * Returns {@code attribute le "value"} (lexicographic order).
   *
   * @param value the string
   * @return the filter
   */
  public Filter le(String value) {
    return compare(ComparisonOperator.LE, text(value));
  }

  /**
   * Returns {@code attribute le value} for an integer.
   *
   * @param value the number
   * @return the filter
   */
  public Filter le(long value) {
    return compare(ComparisonOperator.LE, LongNode.valueOf(value));
  }

  /**
   * Returns {@code attribute le value} for a decimal number.
   *
   * @param value the number, finite
   * @return the filter
   */
  public Filter le(double value) {
    return compare(ComparisonOperator.LE, number(value));
  }

  /**
   * Returns {@code attribute le "instant"}: at or before the instant.
   *
   * @param value the instant
   * @return the filter
   */
  public Filter le(Instant value) {
    return compare(ComparisonOperator.LE, instant(value));
  }

  /**
   * Returns {@code attribute pr}: the attribute has a non-empty value.
   *
   * @return the filter
   */
  public Filter pr() {
    return new Filter.Present(attribute);
  }

  /**
   * Returns the value path {@code attribute[filter]}, such as {@code emails[type eq "work"]}.
   *
   * @param filter the filter on each value, with attribute paths relative to the value
   * @return the filter
   * @throws IllegalArgumentException when {@code filter} itself contains a value path
   */
  public Filter has(Filter filter) {
    return new Filter.ValuePath(attribute, Objects.requireNonNull(filter, "filter"));
  }
}
