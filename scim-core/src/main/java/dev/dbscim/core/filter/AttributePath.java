package dev.dbscim.core.filter;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute path of the SCIM filter grammar ({@code attrPath} of RFC 7644 figure 1): an optional schema URN, an
 * attribute name and an optional sub-attribute, such as {@code userName}, {@code name.givenName},
 * {@code urn:ietf:params:scim:schemas:core:2.0:User:userName} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>A bare schema URN whose last segment follows a version segment, such as
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, names the extension object itself: it has no
 * {@link #schemaUrn()}, its {@link #name()} is the whole URN and {@link #isSchemaUrn()} is true.
 *
 * <p>SCIM attribute names and URNs are case-insensitive (RFC 7643 section 2.1), so {@code equals} and {@code hashCode}
 * ignore case, while {@link #toString()} keeps the case as written. Names are ASCII ({@code ALPHA *(nameChar)}); a
 * leading {@code $} is accepted for {@code $ref}.
 */
public final class AttributePath {
  private final String schemaUrn;
  private final String name;
  private final String subAttribute;
  private final int hash;

  AttributePath(String schemaUrn, String name, String subAttribute) {
    this.schemaUrn = schemaUrn;
    this.name = name;
    this.subAttribute = subAttribute;
    this.hash = Objects.hash(lower(schemaUrn), lower(name), lower(subAttribute));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the path parsed from its text form.
   *
   * @param path the path, such as {@code emails.value}
   * @return the path
   * @throws FilterParseException (an {@link IllegalArgumentException}) when the text is not a valid attribute path
   */
  public static AttributePath parse(String path) {
    return FilterParser.parseAttributePath(path);
  }

  /**
   * Returns the path for a name written in code, such as {@code AttributePath.of("name.familyName")}; the same as
   * {@link #parse(String)}.
   *
   * @param path the path
   * @return the path
   * @throws IllegalArgumentException when the text is not a valid attribute path
   */
  public static AttributePath of(String path) {
    return parse(path);
  }

  /**
   * Returns the schema URN qualifying the attribute, such as {@code urn:ietf:params:scim:schemas:core:2.0:User}.
   *
   * @return the URN, or empty for an unqualified path
   */
  public Optional<String> schemaUrn() {
    return Optional.ofNullable(schemaUrn);
  }

  /**
   * Returns the attribute name as written, such as {@code name} in {@code name.givenName}; for a bare schema URN, the
   * whole URN.
   *
   * @return the attribute name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the sub-attribute, such as {@code givenName} in {@code name.givenName}.
   *
   * @return the sub-attribute, or empty
   */
  public Optional<String> subAttribute() {
    return Optional.ofNullable(subAttribute);
  }

  /**
   * Returns whether this path is a bare schema URN naming an extension object, such as
   * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}.
   *
   * @return true for a bare schema URN
   */
  public boolean isSchemaUrn() {
    return schemaUrn == null && name.indexOf(':') >= 0;
  }

  /**
   * Returns the path without its schema URN and sub-attribute: the attribute alone.
   *
   * @return the path of the attribute
   */
  public AttributePath withoutSubAttribute() {
    return subAttribute == null ? this : new AttributePath(schemaUrn, name, null);
  }

  /**
   * Returns the full text form, {@code [urn ":"] name ["." subAttribute]}, in the case as written.
   *
   * @return the full name
   */
  public String fullName() {
    if (schemaUrn == null && subAttribute == null) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    appendTo(out);
    return out.toString();
  }

  void appendTo(StringBuilder out) {
    if (schemaUrn != null) {
      out.append(schemaUrn).append(':');
    }
    out.append(name);
    if (subAttribute != null) {
      out.append('.').append(subAttribute);
    }
  }

  /**
   * Returns whether {@code other} is the same path, ignoring case.
   *
   * @param other the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof AttributePath)) {
      return false;
    }
    AttributePath that = (AttributePath) other;
    return hash == that.hash && equalIgnoreCase(schemaUrn, that.schemaUrn) && name.equalsIgnoreCase(that.name)
        && equalIgnoreCase(subAttribute, that.subAttribute);
  }

  private static boolean equalIgnoreCase(String a, String b) {
    return a == null ? b == null : a.equalsIgnoreCase(b);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Returns the canonical text form, the same as {@link #fullName()}.
   *
   * @return the path text
   */
  @Override
  public String toString() {
    return fullName();
  }
}
