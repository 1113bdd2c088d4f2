package dev.dbscim.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A parsed PATCH path reduced to what the patch engine needs: the schema URN qualifying the attribute, the attribute,
 * the value filter and the sub-attribute.
 *
 * <p>Not public API; may change without notice.
 */
public final class PatchTarget {
  private final String schemaUrn;
  private final String attribute;
  private final Predicate<JsonNode> valueFilter;
  private final Map<String, JsonNode> filterEqualities;
  private final String subAttribute;

  PatchTarget(
      String schemaUrn,
      String attribute,
      Predicate<JsonNode> valueFilter,
      Map<String, JsonNode> filterEqualities,
      String subAttribute) {
    this.schemaUrn = schemaUrn;
    this.attribute = attribute;
    this.valueFilter = valueFilter;
    this.filterEqualities =
        filterEqualities == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(filterEqualities));
    this.subAttribute = subAttribute;
  }

  /**
   * Returns the schema URN that qualifies the attribute, such as the enterprise extension's URN.
   *
   * @return the URN, if the path is qualified
   */
  public Optional<String> schemaUrn() {
    return Optional.ofNullable(schemaUrn);
  }

  /**
   * Returns the top-level attribute name (without URN).
   *
   * @return the attribute, such as {@code members} or {@code name}
   */
  public String attribute() {
    return attribute;
  }

  /**
   * Returns the predicate of the value filter ({@code members[value eq "1"]}), if any.
   *
   * @return the predicate over one element of the multi-valued attribute
   */
  public Optional<Predicate<JsonNode>> valueFilter() {
    return Optional.ofNullable(valueFilter);
  }

  /**
   * Returns the attribute/value pairs of a filter made only of {@code eq} comparisons joined by {@code and}, which
   * describe an element an {@code add} may create when nothing matches; empty for any other filter.
   *
   * @return the equalities by sub-attribute name, in filter order
   */
  public Optional<Map<String, JsonNode>> filterEqualities() {
    return Optional.ofNullable(filterEqualities);
  }

  /**
   * Returns the sub-attribute, from either {@code name.givenName} or {@code emails[type eq "work"].value}.
   *
   * @return the sub-attribute, if any
   */
  public Optional<String> subAttribute() {
    return Optional.ofNullable(subAttribute);
  }
}
