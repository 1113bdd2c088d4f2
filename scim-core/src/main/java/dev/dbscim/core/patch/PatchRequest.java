package dev.dbscim.core.patch;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.dbscim.core.internal.PatchPaths;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A SCIM PATCH request message (RFC 7644 section 3.5.2): the {@code PatchOp} schema URN and a list of
 * {@link PatchOperation operations}.
 *
 * <p>It is written as {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[...]}}. On read
 * the {@code Operations} key and every {@code op} are matched in any case, a missing {@code schemas} is accepted (and
 * filled with the PatchOp URN) and unknown members are kept. A request has at least one operation: building one
 * without operations, or reading one whose {@code Operations} is missing or empty, throws
 * {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * PatchRequest request = PatchRequest.builder()
 *     .add("members", List.of(Map.of("value", "101")))
 *     .remove("members[value eq \"102\"]")
 *     .replace("displayName", "data-eng")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatchRequest.class)
@JsonDeserialize(builder = PatchRequest.Builder.class)
@JsonPropertyOrder({"schemas", "Operations"})
public abstract class PatchRequest {
  PatchRequest() {}

  /**
   * Returns the schema URNs; {@code [urn:ietf:params:scim:api:messages:2.0:PatchOp]} unless the sender declared others.
   *
   * @return the URNs, never empty
   */
  @JsonProperty("schemas")
  public abstract List<String> schemas();

  /**
   * Returns the operations, in the order they are to be applied; never empty (RFC 7644 section 3.5.2 requires one or
   * more).
   *
   * @return the operations
   */
  @JsonProperty("Operations")
  public abstract List<PatchOperation> operations();

  /**
   * Returns members of the message other than {@code schemas} and {@code Operations}, kept so that reading and writing
   * a request loses nothing.
   *
   * @return the extra members by their original key, in arrival order
   */
  @JsonAnyGetter
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  @Value.Check
  PatchRequest normalize() {
    if (operations().isEmpty()) {
      throw new IllegalArgumentException("a PATCH request needs at least one operation (RFC 7644 section 3.5.2: "
          + "\"Operations\" is an array of one or more operations)");
    }
    if (schemas().isEmpty()) {
      return builder().from(this).addSchemas(SchemaUrns.PATCH_OP).build();
    }
    return this;
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PatchRequest}. Besides the generated setters it offers {@link #add(String, Object)},
   * {@link #replace(String, Object)} and {@link #remove(String)}, which serialise values with {@link ScimJson} and parse
   * each path with the PATCH path grammar, so a bad path throws at the call.
   */
  public static final class Builder extends ImmutablePatchRequest.Builder {
    Builder() {}

    /**
     * Appends an {@code add} operation.
     *
     * @param path the target path, such as {@code members} or {@code emails[type eq "work"].value}
     * @param value the value; any object Jackson can write, a {@link JsonNode} is used as it is
     * @return this builder
     * @throws IllegalArgumentException when the path does not parse or the value is null
     */
    public Builder add(String path, Object value) {
      return addOperations(operation(PatchOp.ADD, checkedPath(path), requiredValue(value)));
    }

    /**
     * Appends an {@code add} operation without a path, which adds each attribute of the value object.
     *
     * @param attributes the attributes to add; must serialise to a JSON object
     * @return this builder
     * @throws IllegalArgumentException when the value is not a JSON object
     */
    public Builder add(Object attributes) {
      return addOperations(operation(PatchOp.ADD, null, objectValue(attributes)));
    }

    /**
     * Appends a {@code replace} operation.
     *
     * @param path the target path
     * @param value the new value
     * @return this builder
     * @throws IllegalArgumentException when the path does not parse or the value is null
     */
    public Builder replace(String path, Object value) {
      return addOperations(operation(PatchOp.REPLACE, checkedPath(path), requiredValue(value)));
    }

    /**
     * Appends a {@code replace} operation without a path, which replaces each attribute of the value object.
     *
     * @param attributes the attributes to replace; must serialise to a JSON object
     * @return this builder
     * @throws IllegalArgumentException when the value is not a JSON object
     */
    public Builder replace(Object attributes) {
      return addOperations(operation(PatchOp.REPLACE, null, objectValue(attributes)));
    }

    /**
     * Appends a {@code remove} operation.
     *
     * @param path the target path, such as {@code members[value eq "102"]}; required by RFC 7644
     * @return this builder
     * @throws IllegalArgumentException when the path does not parse
     */
    public Builder remove(String path) {
      return addOperations(operation(PatchOp.REMOVE, checkedPath(path), null));
    }

    /**
     * Appends a {@code remove} operation with a value, the form older Entra ID tenants use to remove selected members:
     * {@code remove("members", List.of(Map.of("value", "102")))}.
     *
     * @param path the target path
     * @param value the values to remove
     * @return this builder
     * @throws IllegalArgumentException when the path does not parse or the value is null
     */
    public Builder remove(String path, Object value) {
      return addOperations(operation(PatchOp.REMOVE, checkedPath(path), requiredValue(value)));
    }

    private static PatchOperation operation(PatchOp op, String path, JsonNode value) {
      return PatchOperation.of(op, path, value);
    }

    private static String checkedPath(String path) {
      Objects.requireNonNull(path, "path");
      PatchPaths.validate(path);
      return path;
    }

    private static JsonNode requiredValue(Object value) {
      Objects.requireNonNull(value, "value");
      JsonNode tree = ScimJson.toTree(value);
      if (tree == null || tree.isNull() || tree.isMissingNode()) {
        throw new IllegalArgumentException("PATCH value must not be null");
      }
      return tree;
    }

    private static JsonNode objectValue(Object value) {
      JsonNode tree = requiredValue(value);
      if (!tree.isObject()) {
        throw new IllegalArgumentException("PATCH value without a path must be a JSON object");
      }
      return tree;
    }
  }
}
