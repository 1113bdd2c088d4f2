package dev.dbscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.internal.FilterDates;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates SCIM filters against resources in JSON form, with the semantics of RFC 7644 section 3.4.2.2. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * JsonNode user = ScimJson.toTree(someUser);
 * boolean hit = FilterEvaluator.standard().matches(Filter.parse("emails[type eq \"work\"]"), user);
 * }</pre>
 *
 * <p>Semantics:
 * <ul>
 *   <li>Attribute names match JSON keys case-insensitively. A URN-qualified attribute is looked up inside the extension
 *       object keyed by that URN; a core schema URN ({@code urn:ietf:params:scim:schemas:core:...}) with no such
 *       object means the top level.</li>
 *   <li>A multi-valued attribute matches when any of its values matches. A comparison on a complex attribute without
 *       a sub-attribute ({@code emails co "x"}, {@code members eq "id"}) compares its {@code value} sub-attribute.</li>
 *   <li>{@code pr} is false for missing, null, empty string, empty array and empty object (or one whose values are
 *       all absent). Following RFC 7643 section 2.5 (null and unassigned are equivalent), {@code eq null} matches
 *       when the attribute is absent in that sense, {@code ne null} when it is present.</li>
 *   <li>{@code ne} follows the same any-value rule: on a multi-valued attribute it matches when any value does not
 *       equal ({@code emails.type ne "work"} matches a user with a work and a home email), so there it is not the
 *       negation of {@code eq}; write {@code not (emails.type eq "work")} for "no value equals". An attribute with no
 *       value to compare (missing, null, empty array, or complex values without the compared sub-attribute) matches
 *       {@code ne}.</li>
 *   <li>Strings compare case-insensitively unless the attribute is case-exact (see {@link #caseExactAttributes()});
 *       {@code gt}/{@code ge}/{@code lt}/{@code le} order strings lexicographically. Two strings that are both
 *       date-times with an offset compare as instants ({@code eq} and ordering), so {@code 2011-05-13T04:42:34Z} equals
 *       {@code 2011-05-13T06:42:34+02:00}.</li>
 *   <li>Numbers compare by value ({@code 1} equals {@code 1.0}); booleans only with {@code eq} and {@code ne}.
 *       Values of different JSON types never match (the number {@code 5} does not equal the string {@code "5"}).</li>
 *   <li>Comparisons RFC 7644 leaves undefined (a server answers 400 {@code invalidFilter}) throw
 *       {@link IllegalArgumentException} before any data is looked at: ordering on {@code true}/{@code false}/{@code
 *       null}, {@code co}/{@code sw}/{@code ew} with a non-string value, any operator but {@code eq}/{@code ne} with
 *       {@code null}.</li>
 * </ul>
 *
 * <p>Case-exact by default ({@link #standardCaseExactAttributes()}), following RFC 7643 section 4 and 8.7: {@code id},
 * {@code externalId}, {@code meta} and its sub-attributes, {@code members.value}, {@code groups.value} (resource ids),
 * and every {@code $ref}. Everything else, including {@code userName}, {@code displayName}, {@code emails.value},
 * {@code name.*}, {@code members.display} and Databricks' {@code applicationId} (a UUID, whose hex digits are
 * case-insensitive), compares case-insensitively.
 */
public final class FilterEvaluator {
  private static final Set<String> STANDARD_CASE_EXACT = Collections.unmodifiableSet(new LinkedHashSet<>(
      java.util.Arrays.asList("id", "externalid", "meta", "members.value", "groups.value", "$ref")));
  private static final FilterEvaluator STANDARD = new FilterEvaluator(STANDARD_CASE_EXACT);
  private static final String CORE_SCHEMA_PREFIX = "urn:ietf:params:scim:schemas:core:";

  private final Set<String> caseExact;

  private FilterEvaluator(Set<String> caseExact) {
    this.caseExact = caseExact;
  }

  /**
   * Returns the evaluator with the standard case-exact attributes of RFC 7643 core schemas.
   *
   * @return the shared standard evaluator
   */
  public static FilterEvaluator standard() {
    return STANDARD;
  }

  /**
   * Returns a builder starting from the standard configuration.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the attribute paths compared case-exactly by {@link #standard()}, in lower case.
   *
   * @return the standard case-exact attribute paths
   */
  public static Set<String> standardCaseExactAttributes() {
    return STANDARD_CASE_EXACT;
  }

  /**
   * Returns the attribute paths this evaluator compares case-exactly, in lower case. An entry {@code meta} covers
   * {@code meta} and its sub-attributes, {@code members.value} only that sub-attribute, and {@code $ref} any attribute
   * or sub-attribute named {@code $ref}.
   *
   * @return the case-exact attribute paths
   */
  public Set<String> caseExactAttributes() {
    return caseExact;
  }

  /**
   * Returns whether string values of the attribute path (without schema URN, such as {@code emails.value}) compare
   * case-exactly.
   *
   * @param path the attribute path
   * @return true when case-exact
   */
  public boolean isCaseExact(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (caseExact.contains(lower)) {
      return true;
    }
    int dot = lower.indexOf('.');
    if (dot < 0) {
      return false;
    }
    return caseExact.contains(lower.substring(0, dot))
        || (lower.endsWith(".$ref") && caseExact.contains("$ref"));
  }

  /**
   * Returns whether the resource matches the filter.
   *
   * @param filter the filter
   * @param resource the resource as a JSON object; anything else matches only filters such as {@code not (...)}
   * @return true when it matches
   * @throws IllegalArgumentException when the filter uses a comparison RFC 7644 does not define, such as
   *     {@code active gt true}
   */
  public boolean matches(Filter filter, JsonNode resource) {
    Objects.requireNonNull(filter, "filter");
    validate(filter);
    return evaluate(filter, resource, null);
  }

  /**
   * Returns whether one value of a multi-valued complex attribute matches a value filter: the filter between the
   * brackets of {@code members[value eq "u1"]}, applied to one element of {@code members} as a query on the whole
   * resource applies it. Sub-attributes compare with the attribute's case-exactness ({@code members.value} is
   * case-exact, {@code emails.value} is not), so a PATCH path selects the values the same filter selects in a query.
   *
   * @param attribute the multi-valued attribute, such as {@code members}
   * @param filter the value filter, naming sub-attributes such as {@code value}
   * @param value one value of the attribute; anything but a JSON object matches only filters such as {@code not (...)}
   * @return true when it matches
   * @throws IllegalArgumentException when the filter uses a comparison RFC 7644 does not define
   */
  public boolean matchesValue(AttributePath attribute, Filter filter, JsonNode value) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(filter, "filter");
    validate(filter);
    return evaluate(filter, value, key(null, attribute));
  }

  private static void validate(Filter filter) {
    if (filter instanceof Filter.Comparison) {
      Filter.Comparison comparison = (Filter.Comparison) filter;
      ComparisonOperator operator = comparison.operator();
      JsonNode value = comparison.value();
      boolean defined = value.isTextual()
          || (value.isNumber() && !operator.isSubstring())
          || ((value.isBoolean() || value.isNull()) && (operator == ComparisonOperator.EQ
              || operator == ComparisonOperator.NE));
      if (!defined) {
        throw new IllegalArgumentException("operator " + operator.token() + " is not defined for "
            + value.getNodeType().name().toLowerCase(Locale.ROOT) + " values (RFC 7644 section 3.4.2.2)");
      }
    } else if (filter instanceof Filter.Junction) {
      for (Filter operand : ((Filter.Junction) filter).operands()) {
        validate(operand);
      }
    } else if (filter instanceof Filter.Not) {
      validate(((Filter.Not) filter).operand());
    } else if (filter instanceof Filter.ValuePath) {
      validate(((Filter.ValuePath) filter).filter());
    }
  }

  private boolean evaluate(Filter filter, JsonNode context, String parent) {
    if (filter instanceof Filter.Comparison) {
      return compare((Filter.Comparison) filter, context, parent);
    }
    if (filter instanceof Filter.Present) {
      return resolve(context, ((Filter.Present) filter).attribute(), parent, null, Mode.PRESENT);
    }
    if (filter instanceof Filter.And) {
      for (Filter operand : ((Filter.And) filter).operands()) {
        if (!evaluate(operand, context, parent)) {
          return false;
        }
      }
      return true;
    }
    if (filter instanceof Filter.Or) {
      for (Filter operand : ((Filter.Or) filter).operands()) {
        if (evaluate(operand, context, parent)) {
          return true;
        }
      }
      return false;
    }
    if (filter instanceof Filter.Not) {
      return !evaluate(((Filter.Not) filter).operand(), context, parent);
    }
    Filter.ValuePath valuePath = (Filter.ValuePath) filter;
    AttributePath attribute = valuePath.attribute();
    JsonNode values = lookup(context, attribute, parent);
    if (attribute.subAttribute().isPresent()) {
      return anyElement(values, element -> anyElement(field(element, attribute.subAttribute().get()),
          inner -> inner.isObject() && evaluate(valuePath.filter(), inner, key(parent, attribute))));
    }
    return anyElement(values,
        element -> element.isObject() && evaluate(valuePath.filter(), element, key(parent, attribute)));
  }

  private enum Mode { PRESENT, HAS_VALUE, COMPARE }

  private boolean compare(Filter.Comparison comparison, JsonNode context, String parent) {
    ComparisonOperator operator = comparison.operator();
    if (comparison.value().isNull()) {
      boolean present = resolve(context, comparison.attribute(), parent, null, Mode.PRESENT);
      return operator == ComparisonOperator.EQ ? !present : present;
    }
    if (operator == ComparisonOperator.NE
        && !resolve(context, comparison.attribute(), parent, null, Mode.HAS_VALUE)) {
      return true;
    }
    return resolve(context, comparison.attribute(), parent, comparison, Mode.COMPARE);
  }

  private static String key(String parent, AttributePath attribute) {
    String own = attribute.subAttribute().isPresent()
        ? attribute.name() + "." + attribute.subAttribute().get() : attribute.name();
    return parent == null ? own : parent + "." + own;
  }

  private JsonNode lookup(JsonNode context, AttributePath attribute, String parent) {
    JsonNode base = context;
    if (parent == null && attribute.schemaUrn().isPresent()) {
      String urn = attribute.schemaUrn().get();
      JsonNode extension = field(context, urn);
      if (extension != null && extension.isObject()) {
        base = extension;
      } else if (!urn.regionMatches(true, 0, CORE_SCHEMA_PREFIX, 0, CORE_SCHEMA_PREFIX.length())) {
        return null;
      }
    }
    return field(base, attribute.name());
  }

  /**
   * Resolves the attribute and returns whether any of its values is present ({@link Mode#PRESENT}), whether it has
   * any value a comparison looks at ({@link Mode#HAS_VALUE}: a scalar, or the {@code value} sub-attribute of a complex
   * value; the comparison is then null), or whether any of those values satisfies the comparison ({@link Mode#COMPARE};
   * for {@code ne}, any value that does not equal, RFC 7644 section 3.4.2.2).
   */
  private boolean resolve(JsonNode context, AttributePath attribute, String parent, Filter.Comparison comparison,
      Mode mode) {
    JsonNode node = lookup(context, attribute, parent);
    if (node == null) {
      return false;
    }
    String key = key(parent, attribute);
    if (mode == Mode.PRESENT) {
      if (attribute.subAttribute().isPresent()) {
        String sub = attribute.subAttribute().get();
        return anyElement(node, element -> isPresent(field(element, sub)));
      }
      return isPresent(node);
    }
    boolean exact = isCaseExact(key);
    if (attribute.subAttribute().isPresent()) {
      String sub = attribute.subAttribute().get();
      return anyElement(node, element -> compareNode(field(element, sub), comparison, exact));
    }
    boolean exactValue = isCaseExact(key + ".value");
    return compareNode(node, comparison, exact) || (node.isContainerNode()
        && anyElement(node, element -> element.isObject()
            && compareNode(field(element, "value"), comparison, exactValue)));
  }

  private interface NodeTest {
    boolean test(JsonNode node);
  }

  /** Applies the test to each element of an array, or to the node itself when it is not an array. */
  private static boolean anyElement(JsonNode node, NodeTest test) {
    if (node == null) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (test.test(element)) {
          return true;
        }
      }
      return false;
    }
    return test.test(node);
  }

  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static boolean isPresent(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty();
    }
    if (node.isContainerNode()) {
      Iterator<JsonNode> elements = node.elements();
      while (elements.hasNext()) {
        if (isPresent(elements.next())) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /**
   * Compares scalars, and arrays of scalars element by element; objects never compare directly. A null comparison
   * asks whether there is any scalar to compare.
   */
  private static boolean compareNode(JsonNode node, Filter.Comparison comparison, boolean exact) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isObject()) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!element.isContainerNode() && compareScalar(element, comparison, exact)) {
          return true;
        }
      }
      return false;
    }
    return compareScalar(node, comparison, exact);
  }

  private static boolean compareScalar(JsonNode node, Filter.Comparison comparison, boolean exact) {
    if (comparison == null) {
      return true;
    }
    ComparisonOperator operator = comparison.operator();
    if (operator == ComparisonOperator.NE) {
      return !equalScalar(node, comparison.value(), exact);
    }
    return compareValue(node, operator, comparison.value(), exact);
  }

  private static boolean equalScalar(JsonNode node, JsonNode value, boolean exact) {
    return compareValue(node, ComparisonOperator.EQ, value, exact);
  }

  private static boolean compareValue(JsonNode node, ComparisonOperator operator, JsonNode value, boolean exact) {
    if (value.isTextual()) {
      return node.isTextual() && compareStrings(node.textValue(), operator, value.textValue(), exact);
    }
    if (value.isNumber()) {
      if (!node.isNumber() || ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue()))) {
        return false;
      }
      return ordered(operator, node.decimalValue().compareTo(value.decimalValue()));
    }
    return node.isBoolean() && node.booleanValue() == value.booleanValue();
  }

  private static boolean compareStrings(String actual, ComparisonOperator operator, String expected, boolean exact) {
    switch (operator) {
      case CO:
        return exact ? actual.contains(expected) : containsIgnoreCase(actual, expected);
      case SW:
        return actual.regionMatches(!exact, 0, expected, 0, expected.length());
      case EW:
        return actual.length() >= expected.length()
            && actual.regionMatches(!exact, actual.length() - expected.length(), expected, 0, expected.length());
      case EQ:
        if (exact ? actual.equals(expected) : actual.equalsIgnoreCase(expected)) {
          return true;
        }
        Instant actualInstant = FilterDates.parseInstant(actual);
        if (actualInstant == null) {
          return false;
        }
        Instant expectedInstant = FilterDates.parseInstant(expected);
        return expectedInstant != null && actualInstant.equals(expectedInstant);
      default:
        Instant left = FilterDates.parseInstant(actual);
        Instant right = left == null ? null : FilterDates.parseInstant(expected);
        int order = right != null ? left.compareTo(right)
            : exact ? actual.compareTo(expected) : String.CASE_INSENSITIVE_ORDER.compare(actual, expected);
        return ordered(operator, order);
    }
  }

  private static boolean containsIgnoreCase(String actual, String expected) {
    int last = actual.length() - expected.length();
    for (int i = 0; i <= last; i++) {
      if (actual.regionMatches(true, i, expected, 0, expected.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean ordered(ComparisonOperator operator, int order) {
    switch (operator) {
      case GT:
        return order > 0;
      case GE:
        return order >= 0;
      case LT:
        return order < 0;
      case LE:
        return order <= 0;
      default:
        return order == 0;
    }
  }

  /** Builds a {@link FilterEvaluator}; starts from the standard configuration. */
  public static final class Builder {
    private final Set<String> caseExact = new LinkedHashSet<>(STANDARD_CASE_EXACT);

    private Builder() {}

    /**
     * Replaces the case-exact attribute paths (default: {@link #standardCaseExactAttributes()}). Change it when a
     * custom schema declares other attributes {@code caseExact}.
     *
     * @param attributes attribute paths without schema URN, such as {@code employeeNumber} or {@code roles.value}
     * @return this builder
     * @throws IllegalArgumentException when an entry is not an attribute path
     */
    public Builder caseExactAttributes(Collection<String> attributes) {
      caseExact.clear();
      for (String attribute : attributes) {
        addCaseExactAttribute(attribute);
      }
      return this;
    }

    /**
     * Adds one case-exact attribute path.
     *
     * @param attribute an attribute path without schema URN, such as {@code employeeNumber}
     * @return this builder
     * @throws IllegalArgumentException when it is not an attribute path
     */
    public Builder addCaseExactAttribute(String attribute) {
      AttributePath path = AttributePath.parse(attribute);
      if (path.schemaUrn().isPresent() || path.isSchemaUrn()) {
        throw new IllegalArgumentException("case-exact attributes are named without schema URN");
      }
      caseExact.add(path.fullName().toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Returns the evaluator.
     *
     * @return a new evaluator
     */
    public FilterEvaluator build() {
      return new FilterEvaluator(Collections.unmodifiableSet(new LinkedHashSet<>(caseExact)));
    }
  }
}
