package dev.dbscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.internal.FilterText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable SCIM filter syntax tree (RFC 7644 section 3.4.2.2), with a parser, a builder and a canonical rendering.
 *
 * <pre>{@code
 * Filter adas = Filter.attr("userName").sw("ada").and(Filter.attr("active").eq(true));
 * Filter work = Filter.attr("emails").has(Filter.attr("type").eq("work"));
 * String query = adas.toString();                       // userName sw "ada" and active eq true
 * Filter back = Filter.parse(query);                    // equals adas
 * }</pre>
 *
 * <p>The nodes are the nested classes {@link Comparison}, {@link Present}, {@link And}, {@link Or}, {@link Not} and
 * {@link ValuePath}; visit them with {@link #accept(FilterVisitor)}. {@code and} and {@code or} are n-ary and flattened
 * ({@code a and (b and c)} is one {@link And} of three operands), since both are associative; equality is structural
 * on that normal form, with attribute names compared case-insensitively and numbers by value.
 *
 * <p>{@link #toString()} renders one canonical form: lower-case operators, JSON literals, parentheses only where
 * precedence needs them ({@code and} binds tighter than {@code or}; {@code not} always takes parentheses). For every
 * filter, {@code Filter.parse(f.toString()).equals(f)}, as long as the rendering fits the parser's length limit of
 * 65,536 characters. Trees are at most 64 levels deep; deeper ones are rejected when built or parsed.
 */
public abstract class Filter {
  static final int MAX_DEPTH = 64;

  private final int depth;
  private String rendered;

  Filter(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("filter is nested deeper than " + MAX_DEPTH + " levels");
    }
    this.depth = depth;
  }

  final int depth() {
    return depth;
  }

  /**
   * Returns the filter parsed strictly per RFC 7644: double-quoted JSON strings, JSON numbers, lower-case
   * {@code true}/{@code false}/{@code null}; operators, {@code and}, {@code or}, {@code not} and attribute names in any
   * case. As in RFC 7644 figure 1 ({@code attrPath SP compareOp SP compValue}, {@code FILTER SP "and" SP FILTER}),
   * comparison operators, {@code pr}, {@code and} and {@code or} need whitespace on both sides, so
   * {@code userName eq"x"} and {@code (a pr)and(b pr)} are rejected with the position of the missing space; any amount
   * of whitespace is accepted where one is required or allowed, and none is needed inside parentheses and brackets or
   * between {@code not} and its parenthesis.
   *
   * @param filter the filter text, such as {@code userName eq "ada@example.com" and active eq true}
   * @return the filter
   * @throws FilterParseException (an {@link IllegalArgumentException}) when the text is malformed, longer than 65,536
   *     characters or nested deeper than 64 levels; never any other exception
   */
  public static Filter parse(String filter) {
    return FilterParser.parseFilter(filter, false);
  }

  /**
   * Returns the filter parsed leniently, accepting what real clients send besides the strict grammar: single-quoted
   * strings ({@code displayName eq 'x'}, with JSON backslash escapes plus {@code \'}; a doubled {@code ''} is not an
   * escape), bare values ({@code userName eq user@example.com}, ending at whitespace, {@code )} or {@code ]}; a bare
   * JSON number stays a number) and {@code true}/{@code false}/{@code null} in any case, raw control characters
   * inside quoted strings, no space between a comparison operator and a quoted value ({@code userName eq"x"}), and
   * no space between {@code and}/{@code or} and a closing quote, parenthesis or bracket before it or an operand after
   * it ({@code (a pr)and(b pr)}).
   *
   * @param filter the filter text
   * @return the filter
   * @throws FilterParseException when the text is malformed even for the lenient grammar
   */
  public static Filter parseLenient(String filter) {
    return FilterParser.parseFilter(filter, true);
  }

  /**
   * Returns a reference to an attribute, the start of every built filter: {@code Filter.attr("userName").eq("ada")}.
   *
   * @param attribute the attribute path, such as {@code userName}, {@code name.givenName} or a URN-qualified name
   * @return the attribute reference
   * @throws IllegalArgumentException when the path is not a valid attribute path
   */
  public static AttributeRef attr(String attribute) {
    return new AttributeRef(AttributePath.parse(attribute));
  }

  /**
   * Returns a reference to an attribute given as a parsed path.
   *
   * @param attribute the attribute path
   * @return the attribute reference
   */
  public static AttributeRef attr(AttributePath attribute) {
    return new AttributeRef(Objects.requireNonNull(attribute, "attribute"));
  }

  /**
   * Returns the comparison {@code attribute operator value}.
   *
   * @param attribute the attribute
   * @param operator the operator
   * @param value a JSON string, number, boolean or null (a Java {@code null} means JSON null)
   * @return the comparison
   * @throws IllegalArgumentException when the value is an array, an object or a non-finite number
   */
  public static Filter comparison(AttributePath attribute, ComparisonOperator operator, JsonNode value) {
    return new Comparison(Objects.requireNonNull(attribute, "attribute"), Objects.requireNonNull(operator, "operator"),
        FilterText.canonicalValue(value));
  }

  /**
   * Returns the presence test {@code attribute pr}.
   *
   * @param attribute the attribute
   * @return the presence test
   */
  public static Filter present(AttributePath attribute) {
    return new Present(Objects.requireNonNull(attribute, "attribute"));
  }

  /**
   * Returns the value path {@code attribute[filter]}, which matches when one value of the (multi-valued, complex)
   * attribute matches {@code filter}; the attribute paths inside are relative to that value.
   *
   * @param attribute the attribute, such as {@code emails}
   * @param filter the filter on each value, such as {@code type eq "work"}
   * @return the value path
   * @throws IllegalArgumentException when {@code filter} contains a value path (RFC 7644 does not nest them)
   */
  public static Filter valuePath(AttributePath attribute, Filter filter) {
    return new ValuePath(Objects.requireNonNull(attribute, "attribute"), Objects.requireNonNull(filter, "filter"));
  }

  /**
   * Returns the negation {@code not (filter)}.
   *
   * @param filter the filter to negate
   * @return the negation
   */
  public static Filter not(Filter filter) {
    return new Not(Objects.requireNonNull(filter, "filter"));
  }

  /**
   * Returns the conjunction of two or more filters, flattened.
   *
   * @param first the first operand
   * @param second the second operand
   * @param more further operands
   * @return the conjunction
   */
  public static Filter and(Filter first, Filter second, Filter... more) {
    return and(list(first, second, more));
  }

  /**
   * Returns the conjunction of one or more filters, flattened; a single filter is returned as is.
   *
   * @param operands the operands
   * @return the conjunction
   * @throws IllegalArgumentException when there are no operands
   */
  public static Filter and(Collection<? extends Filter> operands) {
    List<Filter> flat = flatten(operands, And.class);
    return flat.size() == 1 ? flat.get(0) : new And(flat);
  }

  /**
   * Returns the disjunction of two or more filters, flattened.
   *
   * @param first the first operand
   * @param second the second operand
   * @param more further operands
   * @return the disjunction
   */
  public static Filter or(Filter first, Filter second, Filter... more) {
    return or(list(first, second, more));
  }

  /**
   * Returns the disjunction of one or more filters, flattened; a single filter is returned as is.
   *
   * @param operands the operands
   * @return the disjunction
   * @throws IllegalArgumentException when there are no operands
   */
  public static Filter or(Collection<? extends Filter> operands) {
    List<Filter> flat = flatten(operands, Or.class);
    return flat.size() == 1 ? flat.get(0) : new Or(flat);
  }

  /**
   * Returns {@code this and other}.
   *
   * @param other the other operand
   * @return the conjunction
   */
  public final Filter and(Filter other) {
    return and(this, other);
  }

  /**
   * Returns {@code this or other}.
   *
   * @param other the other operand
   * @return the disjunction
   */
  public final Filter or(Filter other) {
    return or(this, other);
  }

  /**
   * Returns whether the resource matches this filter under {@link FilterEvaluator#standard()}.
   *
   * @param resource a SCIM resource as a JSON object
   * @return true when it matches
   * @throws IllegalArgumentException when the filter compares values in a way RFC 7644 does not define, such as
   *     {@code active gt true}
   */
  public final boolean matches(JsonNode resource) {
    return FilterEvaluator.standard().matches(this, resource);
  }

  /**
   * Returns the result of the visitor's method for this node type.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return the visitor's result
   */
  public abstract <R> R accept(FilterVisitor<R> visitor);

  abstract void appendTo(StringBuilder out);

  /**
   * Returns the canonical filter text, which {@link #parse(String)} reads back to an equal filter.
   *
   * @return the filter text
   */
  @Override
  public final String toString() {
    String text = rendered;
    if (text == null) {
      StringBuilder out = new StringBuilder(64);
      appendTo(out);
      text = out.toString();
      rendered = text;
    }
    return text;
  }

  private static List<Filter> list(Filter first, Filter second, Filter[] more) {
    List<Filter> all = new ArrayList<>(2 + more.length);
    all.add(first);
    all.add(second);
    Collections.addAll(all, more);
    return all;
  }

  private static List<Filter> flatten(Collection<? extends Filter> operands, Class<? extends Junction> kind) {
    if (operands.isEmpty()) {
      throw new IllegalArgumentException("and/or need at least one operand");
    }
    List<Filter> flat = new ArrayList<>(operands.size() + 2);
    for (Filter operand : operands) {
      Objects.requireNonNull(operand, "operand");
      if (kind.isInstance(operand)) {
        flat.addAll(((Junction) operand).operands());
      } else {
        flat.add(operand);
      }
    }
    return flat;
  }

  private static int maxDepth(List<Filter> operands) {
    int max = 0;
    for (Filter operand : operands) {
      max = Math.max(max, operand.depth);
    }
    return max;
  }

  /** An attribute comparison, such as {@code userName eq "ada"}. */
  public static final class Comparison extends Filter {
    private final AttributePath attribute;
    private final ComparisonOperator operator;
    private final JsonNode value;

    Comparison(AttributePath attribute, ComparisonOperator operator, JsonNode canonicalValue) {
      super(1);
      this.attribute = attribute;
      this.operator = operator;
      this.value = canonicalValue;
    }

    /**
     * Returns the compared attribute.
     *
     * @return the attribute path
     */
    public AttributePath attribute() {
      return attribute;
    }

    /**
     * Returns the comparison operator.
     *
     * @return the operator
     */
    public ComparisonOperator operator() {
      return operator;
    }

    /**
     * Returns the literal compared with: a {@code TextNode}, a {@code LongNode} (integral numbers that fit a long), a
     * {@code DecimalNode} (other numbers, without trailing zeros), a {@code BooleanNode} or a {@code NullNode}.
     *
     * @return the canonical literal
     */
    public JsonNode value() {
      return value;
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitComparison(this);
    }

    @Override
    void appendTo(StringBuilder out) {
      attribute.appendTo(out);
      out.append(' ').append(operator.token()).append(' ');
      FilterText.appendValue(out, value);
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Comparison)) {
        return false;
      }
      Comparison that = (Comparison) other;
      return operator == that.operator && attribute.equals(that.attribute) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
      return (attribute.hashCode() * 31 + operator.hashCode()) * 31 + value.hashCode();
    }
  }

  /** A presence test, such as {@code title pr}. */
  public static final class Present extends Filter {
    private final AttributePath attribute;

    Present(AttributePath attribute) {
      super(1);
      this.attribute = attribute;
    }

    /**
     * Returns the tested attribute.
     *
     * @return the attribute path
     */
    public AttributePath attribute() {
      return attribute;
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitPresent(this);
    }

    @Override
    void appendTo(StringBuilder out) {
      attribute.appendTo(out);
      out.append(" pr");
    }

    @Override
    public boolean equals(Object other) {
      return this == other || (other instanceof Present && attribute.equals(((Present) other).attribute));
    }

    @Override
    public int hashCode() {
      return attribute.hashCode() * 31 + 7;
    }
  }

  /** The common shape of {@link And} and {@link Or}. */
  abstract static class Junction extends Filter {
    private final List<Filter> operands;

    Junction(List<Filter> operands) {
      super(1 + maxDepth(operands));
      this.operands = Collections.unmodifiableList(operands);
    }

    /**
     * Returns the operands, two or more, none of them of this node's own type.
     *
     * @return the operands in order
     */
    public List<Filter> operands() {
      return operands;
    }

    @Override
    public boolean equals(Object other) {
      return this == other || (other != null && other.getClass() == getClass()
          && operands.equals(((Junction) other).operands));
    }

    @Override
    public int hashCode() {
      return operands.hashCode() * 31 + getClass().getSimpleName().length();
    }
  }

  /** A conjunction of two or more operands, none of them an {@code And}: {@code a and b and c}. */
  public static final class And extends Junction {
    And(List<Filter> operands) {
      super(operands);
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitAnd(this);
    }

    @Override
    void appendTo(StringBuilder out) {
      List<Filter> operands = operands();
      for (int i = 0; i < operands.size(); i++) {
        if (i > 0) {
          out.append(" and ");
        }
        Filter operand = operands.get(i);
        if (operand instanceof Or) {
          out.append('(');
          operand.appendTo(out);
          out.append(')');
        } else {
          operand.appendTo(out);
        }
      }
    }
  }

  /** A disjunction of two or more operands, none of them an {@code Or}: {@code a or b or c}. */
  public static final class Or extends Junction {
    Or(List<Filter> operands) {
      super(operands);
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitOr(this);
    }

    @Override
    void appendTo(StringBuilder out) {
      List<Filter> operands = operands();
      for (int i = 0; i < operands.size(); i++) {
        if (i > 0) {
          out.append(" or ");
        }
        operands.get(i).appendTo(out);
      }
    }
  }

  /** A negation, {@code not (filter)}. */
  public static final class Not extends Filter {
    private final Filter operand;

    Not(Filter operand) {
      super(1 + operand.depth());
      this.operand = operand;
    }

    /**
     * Returns the negated filter.
     *
     * @return the operand
     */
    public Filter operand() {
      return operand;
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitNot(this);
    }

    @Override
    void appendTo(StringBuilder out) {
      out.append("not (");
      operand.appendTo(out);
      out.append(')');
    }

    @Override
    public boolean equals(Object other) {
      return this == other || (other instanceof Not && operand.equals(((Not) other).operand));
    }

    @Override
    public int hashCode() {
      return operand.hashCode() * 31 + 3;
    }
  }

  /** A value path, such as {@code emails[type eq "work" and value co "@example.com"]}. */
  public static final class ValuePath extends Filter {
    private final AttributePath attribute;
    private final Filter filter;

    ValuePath(AttributePath attribute, Filter filter) {
      super(1 + filter.depth());
      if (containsValuePath(filter)) {
        throw new IllegalArgumentException("value paths cannot be nested inside value paths");
      }
      this.attribute = attribute;
      this.filter = filter;
    }

    /**
     * Returns the (usually multi-valued, complex) attribute whose values are filtered.
     *
     * @return the attribute path
     */
    public AttributePath attribute() {
      return attribute;
    }

    /**
     * Returns the filter applied to each value; its attribute paths are relative to the value.
     *
     * @return the inner filter
     */
    public Filter filter() {
      return filter;
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
      return visitor.visitValuePath(this);
    }

    @Override
    void appendTo(StringBuilder out) {
      attribute.appendTo(out);
      out.append('[');
      filter.appendTo(out);
      out.append(']');
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof ValuePath)) {
        return false;
      }
      ValuePath that = (ValuePath) other;
      return attribute.equals(that.attribute) && filter.equals(that.filter);
    }

    @Override
    public int hashCode() {
      return attribute.hashCode() * 31 + filter.hashCode();
    }
  }

  static boolean containsValuePath(Filter filter) {
    if (filter instanceof ValuePath) {
      return true;
    }
    if (filter instanceof Not) {
      return containsValuePath(((Not) filter).operand());
    }
    if (filter instanceof Junction) {
      for (Filter operand : ((Junction) filter).operands()) {
        if (containsValuePath(operand)) {
          return true;
        }
      }
    }
    return false;
  }
}
