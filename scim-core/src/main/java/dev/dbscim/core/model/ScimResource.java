package dev.dbscim.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A top-level SCIM resource (RFC 7643 section 3): a {@link User}, {@link Group} or {@link ServicePrincipal}.
 */
public interface ScimResource {
  /**
   * Returns the server-assigned identifier; empty on a resource that has not been created yet.
   *
   * @return the id, a numeric string on Databricks
   */
  Optional<String> id();

  /**
   * Returns the identifier the provisioning client assigned (RFC 7643 section 3.1).
   *
   * @return the external id, if any
   */
  Optional<String> externalId();

  /**
   * Returns the schema URNs the resource declares.
   *
   * @return the URNs, in the order they were read; empty when absent
   */
  List<String> schemas();

  /**
   * Returns the resource metadata (RFC 7643 section 3.1); empty on a resource that has not been created yet, and on
   * Databricks users and service principals, which carry none.
   *
   * @return the metadata, if any
   */
  Optional<Meta> meta();

  /**
   * Returns the attributes the model does not name, including URN-keyed extension objects, in the order they were read.
   * They are written back unchanged, so a read-modify-write cycle loses nothing.
   *
   * @return the unknown attributes by their original key
   */
  Map<String, JsonNode> additionalAttributes();

  /**
   * Returns the extension object stored under a schema URN, matching the key case-insensitively (RFC 7643 section 2.1).
   * An exact match wins over a case-insensitive one.
   *
   * @param urn the extension schema URN, such as {@link EnterpriseUser#URN}
   * @return the raw JSON of the extension, if present
   */
  default Optional<JsonNode> extension(String urn) {
    Objects.requireNonNull(urn, "urn");
    Map<String, JsonNode> attributes = additionalAttributes();
    JsonNode exact = attributes.get(urn);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, JsonNode> entry : attributes.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(urn)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the extension object stored under a schema URN, converted to a model type with {@link ScimJson}.
   *
   * <pre>{@code
   * Optional<EnterpriseUser> enterprise = user.extension(EnterpriseUser.URN, EnterpriseUser.class);
   * }</pre>
   *
   * @param urn the extension schema URN, matched case-insensitively
   * @param type the type to convert the extension object to
   * @param <T> the extension type
   * @return the converted extension, if present
   * @throws IllegalArgumentException when the extension object does not fit {@code type}
   */
  default <T> Optional<T> extension(String urn, Class<T> type) {
    Objects.requireNonNull(type, "type");
    return extension(urn).filter(node -> !node.isNull()).map(node -> ScimJson.fromTree(node, type));
  }
}
