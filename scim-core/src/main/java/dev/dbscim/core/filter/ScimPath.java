package dev.dbscim.core.filter;

import dev.dbscim.core.internal.FilterText;
import java.util.Objects;
import java.util.Optional;

/**
 * A PATCH operation path (RFC 7644 section 3.5.2: {@code PATH = attrPath / valuePath [subAttr]}), such as
 * {@code members}, {@code name.givenName}, {@code members[value eq "2819c223"]}, {@code emails[type eq "work"].value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}, or a bare schema URN naming an
 * extension object ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, see
 * {@link AttributePath#isSchemaUrn()}).
 *
 * <p>Equality is structural and ignores the case of attribute names, like {@link AttributePath}.
 */
public final class ScimPath {
  private final AttributePath attribute;
  private final Filter valueFilter;
  private final String subAttribute;

  ScimPath(AttributePath attribute, Filter valueFilter, String subAttribute) {
    this.attribute = attribute;
    this.valueFilter = valueFilter;
    this.subAttribute = subAttribute;
  }

  /**
   * Returns the path parsed strictly per RFC 7644: no surrounding whitespace, a strict filter inside brackets.
   *
   * @param path the path text
   * @return the path
   * @throws FilterParseException (an {@link IllegalArgumentException}) when the text is malformed
   */
  public static ScimPath parse(String path) {
    return FilterParser.parsePath(path, false);
  }

  /**
   * Returns the path parsed leniently: surrounding whitespace is ignored and the filter inside brackets follows
   * {@link Filter#parseLenient(String)}.
   *
   * @param path the path text
   * @return the path
   * @throws FilterParseException when the text is malformed even for the lenient grammar
   */
  public static ScimPath parseLenient(String path) {
    return FilterParser.parsePath(path, true);
  }

  /**
   * Returns the path naming an attribute, such as {@code name.givenName}.
   *
   * @param attribute the attribute
   * @return the path
   */
  public static ScimPath of(AttributePath attribute) {
    return new ScimPath(Objects.requireNonNull(attribute, "attribute"), null, null);
  }

  /**
   * Returns the path naming the values of a multi-valued attribute that match a filter, such as
   * {@code members[value eq "2819c223"]}.
   *
   * @param attribute the multi-valued attribute
   * @param valueFilter the filter on each value, with attribute paths relative to the value
   * @return the path
   * @throws IllegalArgumentException when the filter contains a value path
   */
  public static ScimPath of(AttributePath attribute, Filter valueFilter) {
    return of(attribute, valueFilter, null);
  }

  /**
   * Returns the path naming a sub-attribute of the values that match a filter, such as
   * {@code emails[type eq "work"].value}.
   *
   * @param attribute the multi-valued attribute
   * @param valueFilter the filter on each value
   * @param subAttribute the sub-attribute after the brackets, or null for none
   * @return the path
   * @throws IllegalArgumentException when the filter contains a value path or the sub-attribute is not a valid name
   */
  public static ScimPath of(AttributePath attribute, Filter valueFilter, String subAttribute) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(valueFilter, "valueFilter");
    if (Filter.containsValuePath(valueFilter)) {
      throw new IllegalArgumentException("value paths cannot be nested inside value paths");
    }
    if (subAttribute != null && !FilterText.isAttributeName(subAttribute)) {
      throw new IllegalArgumentException("invalid sub-attribute name");
    }
    return new ScimPath(attribute, valueFilter, subAttribute);
  }

  /**
   * Returns the attribute the path starts with, such as {@code emails} in {@code emails[type eq "work"].value}.
   *
   * @return the attribute path
   */
  public AttributePath attribute() {
    return attribute;
  }

  /**
   * Returns the filter in brackets, such as {@code type eq "work"} in {@code emails[type eq "work"].value}.
   *
   * @return the value filter, or empty
   */
  public Optional<Filter> valueFilter() {
    return Optional.ofNullable(valueFilter);
  }

  /**
   * Returns the sub-attribute after the brackets, such as {@code value} in {@code emails[type eq "work"].value}; a
   * sub-attribute without brackets ({@code name.givenName}) is part of {@link #attribute()}.
   *
   * @return the sub-attribute after the brackets, or empty
   */
  public Optional<String> subAttribute() {
    return Optional.ofNullable(subAttribute);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ScimPath)) {
      return false;
    }
    ScimPath that = (ScimPath) other;
    return attribute.equals(that.attribute) && Objects.equals(valueFilter, that.valueFilter)
        && (subAttribute == null ? that.subAttribute == null : subAttribute.equalsIgnoreCase(that.subAttribute));
  }

  @Override
  public int hashCode() {
    return (attribute.hashCode() * 31 + Objects.hashCode(valueFilter)) * 31
        + (subAttribute == null ? 0 : subAttribute.toLowerCase(java.util.Locale.ROOT).hashCode());
  }

  /**
   * Returns the canonical path text, which {@link #parse(String)} reads back to an equal path.
   *
   * @return the path text
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(32);
    attribute.appendTo(out);
    if (valueFilter != null) {
      out.append('[');
      valueFilter.appendTo(out);
      out.append(']');
      if (subAttribute != null) {
        out.append('.').append(subAttribute);
      }
    }
    return out.toString();
  }
}
