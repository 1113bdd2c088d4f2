package dev.dbscim.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The metadata of a resource (RFC 7643 section 3.1). Databricks sends {@code {"resourceType":"WorkspaceGroup"}} or
 * {@code {"resourceType":"Group"}} on groups and nothing else.
 *
 * <p>Timestamps and the version are kept as the exact text that was read, so writing a resource back is faithful;
 * {@link #createdInstant()} and {@link #lastModifiedInstant()} parse them on demand. Unknown sub-attributes are kept.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMeta.class)
@JsonDeserialize(builder = Meta.Builder.class)
public abstract class Meta {
  Meta() {}

  /**
   * Returns the resource type, such as {@code "User"}, {@code "Group"} or Databricks' {@code "WorkspaceGroup"}.
   *
   * @return the resource type, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> resourceType();

  /**
   * Returns the creation time as sent, normally ISO-8601 text.
   *
   * @return the creation time text, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> created();

  /**
   * Returns the last modification time as sent, normally ISO-8601 text.
   *
   * @return the modification time text, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> lastModified();

  /**
   * Returns the URI of the resource.
   *
   * @return the location, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> location();

  /**
   * Returns the version (entity tag) of the resource, such as {@code W/"3694e05e9dff590"}.
   *
   * @return the version, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> version();

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
   * Returns {@link #created()} parsed as an instant; not serialized.
   *
   * <p>Accepts ISO-8601 date-times with an offset or zone ({@code 2026-01-02T03:04:05Z},
   * {@code 2026-01-02T04:04:05.123+01:00}); a date-time without offset is read as UTC.
   *
   * @return the instant; empty when the attribute is absent or not an ISO-8601 date-time
   */
  public final Optional<Instant> createdInstant() {
    return created().flatMap(Meta::parseInstant);
  }

  /**
   * Returns {@link #lastModified()} parsed as an instant, with the same rules as {@link #createdInstant()}; not
   * serialized.
   *
   * @return the instant; empty when the attribute is absent or not an ISO-8601 date-time
   */
  public final Optional<Instant> lastModifiedInstant() {
    return lastModified().flatMap(Meta::parseInstant);
  }

  private static Optional<Instant> parseInstant(String text) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Optional.of(Instant.from(parsed));
      }
      return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns metadata with only the resource type set.
   *
   * @param resourceType the resource type, such as {@code "Group"}
   * @return the metadata
   */
  public static Meta ofResourceType(String resourceType) {
    return builder().resourceType(resourceType).build();
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

  /** Builds {@link Meta} instances. */
  public static final class Builder extends ImmutableMeta.Builder {
    Builder() {}
  }
}
