package dev.dbscim.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The components of a {@link User}'s name (RFC 7643 section 4.1.1); Databricks uses {@code givenName} and
 * {@code familyName}, identity providers also send {@code formatted}. Unknown sub-attributes are kept.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableName.class)
@JsonDeserialize(builder = Name.Builder.class)
public abstract class Name {
  Name() {}

  /**
   * Returns the full name as displayed, such as {@code "Ms. Ada Lovelace"}.
   *
   * @return the formatted name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> formatted();

  /**
   * Returns the family (last) name.
   *
   * @return the family name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> familyName();

  /**
   * Returns the given (first) name.
   *
   * @return the given name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> givenName();

  /**
   * Returns the middle name or names.
   *
   * @return the middle name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> middleName();

  /**
   * Returns the honorific prefix, such as {@code "Ms."}.
   *
   * @return the prefix, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> honorificPrefix();

  /**
   * Returns the honorific suffix, such as {@code "III"}.
   *
   * @return the suffix, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> honorificSuffix();

  /**
   * Returns the sub-attributes the model does not name, in the order they were read.
   *
   * @return the unknown sub-attributes by their original key
   */
  @JsonAnyGetter
  @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  /**
   * Returns a name with the given and family name set, the shape Databricks sends.
   *
   * @param givenName the given (first) name
   * @param familyName the family (last) name
   * @return the name
   */
  public static Name of(String givenName, String familyName) {
    return builder().givenName(givenName).familyName(familyName).build();
  }

  /**
   * Returns a new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this value's attributes.
   *
   * @return the builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link Name} instances. */
  public static final class Builder extends ImmutableName.Builder {
    Builder() {}
  }
}
