package dev.dbscim.core.json;

/**
 * The schema and message URNs that Databricks SCIM sends and accepts (RFC 7643 section 8.7, RFC 7644 section 3).
 */
public final class SchemaUrns {
  /** Core user schema, {@code urn:ietf:params:scim:schemas:core:2.0:User}. */
  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  /** Databricks workspace user extension, {@code urn:ietf:params:scim:schemas:extension:workspace:2.0:User}. */
  public static final String WORKSPACE_USER = "urn:ietf:params:scim:schemas:extension:workspace:2.0:User";
  /** Enterprise user extension (RFC 7643 section 4.3), sent by Entra ID and Okta. */
  public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  /** Core group schema, {@code urn:ietf:params:scim:schemas:core:2.0:Group}. */
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  /** Databricks service principal schema, {@code urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal}. */
  public static final String SERVICE_PRINCIPAL = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
  /** PATCH request message, {@code urn:ietf:params:scim:api:messages:2.0:PatchOp}. */
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  /** List response message, {@code urn:ietf:params:scim:api:messages:2.0:ListResponse}. */
  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  /** Error message, {@code urn:ietf:params:scim:api:messages:2.0:Error}. */
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  private SchemaUrns() {}

  /**
   * Returns whether {@code name} is a schema URN (starts with {@code urn:}, in any case), such as the key of an
   * extension object or the prefix of a fully qualified attribute name.
   *
   * @param name an attribute name or key
   * @return true when the name is URN-shaped
   */
  public static boolean isUrn(String name) {
    return name.regionMatches(true, 0, "urn:", 0, 4);
  }
}
