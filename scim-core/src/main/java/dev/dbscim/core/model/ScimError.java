package dev.dbscim.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A SCIM error response body (RFC 7644 section 3.12), such as
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Group with name admins already
 * exists.","status":"409"}}.
 *
 * <p>Databricks sends {@code status} as a JSON string; a JSON number is accepted too. The status is kept as its text
 * and always written back as a JSON string, the RFC form. {@code scimType} is kept raw, since Databricks sends
 * non-RFC spellings such as {@code "InvalidFilter"}. Unknown attributes are kept.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableScimError.class)
@JsonDeserialize(builder = ScimError.Builder.class)
public abstract class ScimError {
  ScimError() {}

  /**
   * Returns the schema URNs, normally {@code urn:ietf:params:scim:api:messages:2.0:Error}.
   *
   * @return the URNs; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<String> schemas();

  /**
   * Returns the HTTP status as sent, such as {@code "409"}.
   *
   * @return the status text, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> status();

  /**
   * Returns the SCIM error type exactly as sent, such as {@code "uniqueness"} or Databricks' {@code "InvalidFilter"}.
   *
   * @return the error type, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> scimType();

  /**
   * Returns the human-readable detail message, unchanged.
   *
   * @return the detail, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> detail();

  /**
   * Returns the attributes the model does not name, in the order they were read.
   *
   * @return the unknown attributes by their original key
   */
  @JsonAnyGetter
  @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  /**
   * Returns {@link #status()} as a number; not serialized.
   *
   * @return the status code; empty when absent or not a decimal integer
   */
  public final OptionalInt statusCode() {
    if (!status().isPresent()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(status().get().trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
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
   * Returns a builder initialised with this error's attributes.
   *
   * @return the builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link ScimError} instances. */
  public static final class Builder extends ImmutableScimError.Builder {
    Builder() {}
  }
}
