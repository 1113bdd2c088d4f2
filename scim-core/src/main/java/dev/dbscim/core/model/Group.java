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
import org.immutables.value.Value;

/**
 * A SCIM group (RFC 7643 section 4.2) as Databricks sends and accepts it.
 *
 * <pre>{@code
 * Group engineering = Group.builder()
 *     .displayName("engineering")
 *     .addMembers(ComplexValue.of("8598139271121446"))
 *     .build();
 * }</pre>
 *
 * <p>Reading follows the same lossless, tolerant rules as {@link User}: case-insensitive names, unknown attributes
 * kept in order, {@code null} treated as absent, a single object accepted where a list is expected, {@code null} list
 * elements dropped. A missing or blank {@code displayName} fails the read with an exception naming the attribute.
 * Databricks answers {@code "groups": []}; empty lists are left out on write.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGroup.class)
@JsonDeserialize(builder = Group.Builder.class)
public abstract class Group implements ScimResource {
  /** The {@code meta.resourceType} Databricks gives groups created through a workspace's SCIM API. */
  public static final String WORKSPACE_GROUP_RESOURCE_TYPE = "WorkspaceGroup";

  Group() {}

  /**
   * Returns the schema URNs, normally {@code urn:ietf:params:scim:schemas:core:2.0:Group}.
   *
   * @return the URNs; empty when absent
   */
  @Override
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<String> schemas();

  /**
   * Returns the server-assigned identifier, a numeric string on Databricks.
   *
   * @return the id; empty before creation
   */
  @Override
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> id();

  /**
   * Returns the identifier assigned by the provisioning client (at most 64 characters on Databricks).
   *
   * @return the external id, if set
   */
  @Override
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> externalId();

  /**
   * Returns the group name, unique within a workspace or account.
   *
   * @return the name; never blank
   */
  public abstract String displayName();

  /**
   * Returns the members: users, service principals and nested groups, such as
   * {@code {"display":"Ada","value":"101","$ref":"Users/101"}}. Account group lists leave members out.
   *
   * @return the members; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> members();

  /**
   * Returns the groups this group belongs to.
   *
   * @return the parent groups; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> groups();

  /**
   * Returns the workspace entitlements granted to the members; see {@link Entitlement}.
   *
   * @return the entitlements; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> entitlements();

  /**
   * Returns the roles granted to the members.
   *
   * @return the roles; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> roles();

  /**
   * Returns the resource metadata; Databricks sends {@code {"resourceType":"WorkspaceGroup"}} or
   * {@code {"resourceType":"Group"}}.
   *
   * @return the metadata, if set
   */
  @Override
  public abstract Optional<Meta> meta();

  /**
   * Returns the attributes the model does not name, including URN-keyed extension objects, in the order they were read.
   *
   * @return the unknown attributes by their original key
   */
  @Override
  @JsonAnyGetter
  @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  /**
   * Returns whether this is a workspace-local group, that is {@code meta.resourceType} is {@code "WorkspaceGroup"}
   * (compared exactly); false for account groups and when the metadata is absent. Not serialized.
   *
   * @return true for a workspace-local group
   */
  public final boolean workspaceLocal() {
    return meta().flatMap(Meta::resourceType).filter(WORKSPACE_GROUP_RESOURCE_TYPE::equals).isPresent();
  }

  @Value.Check
  void checkDisplayName() {
    if (displayName().trim().isEmpty()) {
      throw new IllegalArgumentException("displayName must not be blank");
    }
  }

  /**
   * Returns a new, empty builder; {@code displayName} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this group's attributes, including unknown ones.
   *
   * @return the builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link Group} instances; {@code build()} fails when {@code displayName} is missing or blank. */
  public static final class Builder extends ImmutableGroup.Builder {
    Builder() {}
  }
}
