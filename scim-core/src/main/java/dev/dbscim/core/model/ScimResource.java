package dev.dbscim.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
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
   * Returns the attributes the model does not name, including URN-keyed extension objects, in the order they were read.
   * They are written back unchanged, so a read-modify-write cycle loses nothing.
   *
   * @return the unknown attributes by their original key
   */
  Map<String, JsonNode> additionalAttributes();
}
