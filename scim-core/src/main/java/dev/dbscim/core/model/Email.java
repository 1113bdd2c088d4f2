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
 * An e-mail address of a {@link User} (RFC 7643 section 4.1.2), such as
 * {@code {"type":"work","value":"ada@example.com","primary":true}}.
 *
 * <p>Unknown sub-attributes are kept. Withers such as {@link #withPrimary(boolean)} return modified copies.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEmail.class)
@JsonDeserialize(builder = Email.Builder.class)
public abstract class Email implements WithEmail {
  Email() {}

  /**
   * Returns the address.
   *
   * @return the address, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> value();

  /**
   * Returns the kind of address, such as {@code "work"}.
   *
   * @return the type, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> type();

  /**
   * Returns whether this is the user's primary address.
   *
   * @return the primary flag, if set
   */
  public abstract Optional<Boolean> primary();

  /**
   * Returns the human-readable form of the address.
   *
   * @return the display text, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> display();

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
   * Returns an address of the given type, for example {@code Email.of("work", "ada@example.com").withPrimary(true)}.
   *
   * @param type the kind of address, such as {@code "work"}
   * @param value the address
   * @return the e-mail
   */
  public static Email of(String type, String value) {
    return builder().type(type).value(value).build();
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

  /** Builds {@link Email} instances. */
  public static final class Builder extends ImmutableEmail.Builder {
    Builder() {}
  }
}
