package dev.dbscim.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.filter.AttributePath;
import dev.dbscim.core.filter.ComparisonOperator;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.filter.FilterEvaluator;
import dev.dbscim.core.filter.ScimPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bridge between PATCH code and the filter package's path grammar: validation for builders, resolution for the
 * patch engine, and rendering of {@code attribute[value eq "x"]} paths.
 *
 * <p>Not public API; may change without notice.
 */
public final class PatchPaths {
  private PatchPaths() {}

  /**
   * Checks that {@code path} is a valid PATCH path ({@code attrPath / valuePath [subAttr]}, RFC 7644 section 3.5.2).
   *
   * @param path the path
   * @throws IllegalArgumentException (a {@code FilterParseException}) when it is not
   */
  public static void validate(String path) {
    ScimPath.parse(path);
  }

  /**
   * Returns the path {@code attribute[value eq "value"]}, with the value escaped by the filter builder.
   *
   * @param attribute a multi-valued attribute, such as {@code members}
   * @param value the value to select, such as a member id
   * @return the path
   */
  public static String valueEquals(String attribute, String value) {
    return Filter.attr(attribute).has(Filter.attr("value").eq(value)).toString();
  }

  /**
   * Returns the parsed path, read leniently the way identity providers write it. Its value filter matches one value
   * of the attribute as {@link FilterEvaluator#standard()} matches it in a query ({@code members[value eq "U1"]} does
   * not select member {@code u1}: {@code members.value} is case-exact).
   *
   * @param path the path
   * @return the target
   * @throws IllegalArgumentException when the path does not parse
   */
  static PatchTarget resolve(String path) {
    ScimPath parsed = ScimPath.parseLenient(path);
    AttributePath attribute = parsed.attribute();
    Filter filter = parsed.valueFilter().orElse(null);
    String sub = parsed.subAttribute().isPresent()
        ? parsed.subAttribute().get()
        : attribute.subAttribute().orElse(null);
    return new PatchTarget(
        attribute.schemaUrn().orElse(null),
        attribute.name(),
        filter == null ? null : element -> FilterEvaluator.standard().matchesValue(attribute, filter, element),
        filter == null ? null : equalities(filter),
        sub);
  }

  /** Returns the equalities of a filter made only of {@code eq} joined by {@code and}, or null. */
  private static Map<String, JsonNode> equalities(Filter filter) {
    Map<String, JsonNode> terms = new LinkedHashMap<>();
    return collect(filter, terms) ? terms : null;
  }

  private static boolean collect(Filter filter, Map<String, JsonNode> terms) {
    if (filter instanceof Filter.And) {
      for (Filter operand : ((Filter.And) filter).operands()) {
        if (!collect(operand, terms)) {
          return false;
        }
      }
      return true;
    }
    if (filter instanceof Filter.Comparison) {
      Filter.Comparison comparison = (Filter.Comparison) filter;
      AttributePath attribute = comparison.attribute();
      if (comparison.operator() != ComparisonOperator.EQ
          || attribute.schemaUrn().isPresent()
          || attribute.subAttribute().isPresent()
          || comparison.value() == null
          || comparison.value().isNull()) {
        return false;
      }
      return terms.putIfAbsent(attribute.name(), comparison.value()) == null;
    }
    return false;
  }
}
