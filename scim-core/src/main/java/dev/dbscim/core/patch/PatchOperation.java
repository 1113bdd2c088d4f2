package dev.dbscim.core.patch;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a PATCH request's {@code Operations} array (RFC 7644 section 3.5.2): an {@link PatchOp op}, an optional
 * {@code path} in the PATCH path grammar and an optional {@code value}.
 *
 * <p>The model keeps what it reads as it was sent: the path is not parsed and the value is kept as a JSON tree, so a
 * server (or {@link PatchApplier}) can answer a bad path with a SCIM error instead of failing to read the body. Use
 * {@link PatchRequest#builder()} or the typed builders to get paths checked when a request is built.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatchOperation.class)
@JsonDeserialize(builder = PatchOperation.Builder.class)
@JsonPropertyOrder({"op", "path", "value"})
public abstract class PatchOperation {
  PatchOperation() {}

  /**
   * Returns the operation.
   *
   * @return add, remove or replace
   */
  @JsonProperty("op")
  public abstract PatchOp op();

  /**
   * Returns the target path, unparsed; empty when the operation targets the resource itself.
   *
   * @return the path, such as {@code members[value eq "101"]}
   */
  @JsonProperty("path")
  public abstract Optional<String> path();

  /**
   * Returns the value; empty for most removes. It is masked in {@code toString()}, since it may hold a password.
   *
   * @return the value as a JSON tree
   */
  @Value.Redacted
  @JsonProperty("value")
  public abstract Optional<JsonNode> value();

  /**
   * Returns members of the operation object other than {@code op}, {@code path} and {@code value}, kept so that
   * reading and writing an operation loses nothing.
   *
   * @return the extra members by their original key, in arrival order
   */
  @JsonAnyGetter
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  /**
   * Returns an operation without additional attributes.
   *
   * @param op the operation
   * @param path the path, or {@code null} for none
   * @param value the value, or {@code null} for none
   * @return the operation
   */
  public static PatchOperation of(PatchOp op, String path, JsonNode value) {
    return builder().op(op).path(Optional.ofNullable(path)).value(Optional.ofNullable(value)).build();
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PatchOperation}; {@code op} is required. */
  public static final class Builder extends ImmutablePatchOperation.Builder {
    Builder() {}
  }
}
