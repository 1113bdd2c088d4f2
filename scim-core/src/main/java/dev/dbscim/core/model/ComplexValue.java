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
 * One element of a multi-valued attribute in the {@code {value, display, type, primary, $ref}}
 * shape (RFC 7643 section 2.4), named after the Databricks SDK's {@code ComplexValue}.
 *
 * <p>Used for group {@code members} ({@code {"display":"Ada","value":"101","$ref":"Users/101"}}), a principal's
 * {@code groups} ({@code type} {@code "direct"} or {@code "indirect"}), {@code entitlements} and {@code roles}. Every
 * sub-attribute is optional, because Databricks sends only those that are set; unknown sub-attributes are kept.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableComplexValue.class)
@JsonDeserialize(builder = ComplexValue.Builder.class)
public abstract class ComplexValue {
  ComplexValue() {}

  /**
   * Returns the value, such as a member id, an entitlement name or a role ARN.
   *
   * @return the value, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> value();

  /**
   * Returns the human-readable name, such as a member's display name.
   *
   * @return the display name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> display();

  /**
   * Returns the type, such as {@code "direct"} or {@code "indirect"} on a principal's groups.
   *
   * @return the type, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> type();

  /**
   * Returns whether this is the primary value of the attribute.
   *
   * @return the primary flag, if set
   */
  public abstract Optional<Boolean> primary();

  /**
   * Returns the reference to the resource behind the value, JSON key {@code $ref}; relative on Databricks, such as
   * {@code "Users/101"} or {@code "Groups/111"}.
   *
   * @return the reference, if set
   */
  @JsonProperty("$ref")
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> ref();

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
   * Returns a value with only {@code value} set, the shape Databricks expects for members, entitlements and roles.
   *
   * @param value the value, such as a member id
   * @return the complex value
   */
  public static ComplexValue of(String value) {
    return builder().value(value).build();
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

  /** Builds {@link ComplexValue} instances. */
  public static final class Builder extends ImmutableComplexValue.Builder {
    Builder() {}
  }
}
