package dev.dbscim.client.error;

import java.util.Locale;

/**
 * The SCIM error types of RFC 7644 section 3.12, read from an error's {@code scimType}.
 *
 * <p>Matching ignores case and underscores, so Databricks' {@code "InvalidFilter"} and {@code "INVALID_FILTER"} both
 * give {@link #INVALID_FILTER}. Anything else, including an absent type, is {@link #UNKNOWN}; the raw text stays
 * available from {@link ScimServiceException#rawScimType()}.
 */
public enum ScimErrorType {
  /** {@code invalidFilter}: the filter syntax is invalid or the filter is not supported. */
  INVALID_FILTER("invalidFilter"),
  /** {@code tooMany}: the query would return more results than the service allows. */
  TOO_MANY("tooMany"),
  /** {@code uniqueness}: a unique attribute, such as {@code userName}, is already taken. */
  UNIQUENESS("uniqueness"),
  /** {@code mutability}: the request tried to change an immutable or read-only attribute. */
  MUTABILITY("mutability"),
  /** {@code invalidSyntax}: the request body is not parsable or violates the schema. */
  INVALID_SYNTAX("invalidSyntax"),
  /** {@code invalidPath}: a PATCH path is invalid or names an unknown attribute. */
  INVALID_PATH("invalidPath"),
  /** {@code noTarget}: a PATCH path matched nothing. */
  NO_TARGET("noTarget"),
  /** {@code invalidValue}: a required value is missing or a value is not compatible. */
  INVALID_VALUE("invalidValue"),
  /** {@code invalidVers}: the protocol version is not supported. */
  INVALID_VERS("invalidVers"),
  /** {@code sensitive}: the request carried sensitive data in the URL. */
  SENSITIVE("sensitive"),
  /** Any other or absent {@code scimType}. */
  UNKNOWN("");

  private final String wireName;

  ScimErrorType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the RFC 7644 spelling, such as {@code "invalidFilter"}; empty for {@link #UNKNOWN}.
   *
   * @return the RFC name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the type for a raw {@code scimType}, ignoring case and underscores.
   *
   * @param rawScimType the type as sent; may be {@code null}
   * @return the matching type, or {@link #UNKNOWN}
   */
  public static ScimErrorType fromWire(String rawScimType) {
    if (rawScimType == null) {
      return UNKNOWN;
    }
    String key = rawScimType.trim().replace("_", "").toLowerCase(Locale.ROOT);
    if (key.isEmpty()) {
      return UNKNOWN;
    }
    for (ScimErrorType type : values()) {
      if (type != UNKNOWN && type.wireName.toLowerCase(Locale.ROOT).equals(key)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
