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
 * The {@code manager} of an {@link EnterpriseUser} (RFC 7643 section 4.3): {@code {value, displayName, $ref}}.
 * Unknown sub-attributes are kept.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableManager.class)
@JsonDeserialize(builder = Manager.Builder.class)
public abstract class Manager {
  Manager() {}

  /**
   * Returns the manager's user id.
   *
   * @return the id, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> value();

  /**
   * Returns the manager's display name.
   *
   * @return the display name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> displayName();

  /**
   * Returns the reference to the manager's user resource, JSON key {@code $ref}.
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
   * Returns a manager with only the user id set.
   *
   * @param value the manager's user id
   * @return the manager
   */
  public static Manager of(String value) {
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

  /** Builds {@link Manager} instances. */
  public static final class Builder extends ImmutableManager.Builder {
    Builder() {}
  }
}
