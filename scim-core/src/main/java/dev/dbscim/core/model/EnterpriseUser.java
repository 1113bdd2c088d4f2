package dev.dbscim.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.dbscim.core.json.SchemaUrns;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The enterprise user extension (RFC 7643 section 4.3) that Entra ID and Okta send under the key {@link #URN}.
 *
 * <p>It is not a field of {@link User}: the extension object stays in {@link User#additionalAttributes()}, and this
 * type is a typed view of it.
 *
 * <pre>{@code
 * Optional<EnterpriseUser> enterprise = user.extension(EnterpriseUser.URN, EnterpriseUser.class);
 * User withDepartment = user.toBuilder()
 *     .putAdditionalAttributes(EnterpriseUser.URN,
 *         ScimJson.toTree(EnterpriseUser.builder().department("Engineering").build()))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEnterpriseUser.class)
@JsonDeserialize(builder = EnterpriseUser.Builder.class)
public abstract class EnterpriseUser {
  /** The extension's schema URN, {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}. */
  public static final String URN = SchemaUrns.ENTERPRISE_USER;

  EnterpriseUser() {}

  /**
   * Returns the employee number.
   *
   * @return the employee number, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> employeeNumber();

  /**
   * Returns the cost center.
   *
   * @return the cost center, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> costCenter();

  /**
   * Returns the organization.
   *
   * @return the organization, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> organization();

  /**
   * Returns the division.
   *
   * @return the division, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> division();

  /**
   * Returns the department.
   *
   * @return the department, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> department();

  /**
   * Returns the user's manager.
   *
   * @return the manager, if set
   */
  public abstract Optional<Manager> manager();

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

  /** Builds {@link EnterpriseUser} instances. */
  public static final class Builder extends ImmutableEnterpriseUser.Builder {
    Builder() {}
  }
}
