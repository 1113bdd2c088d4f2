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
 * A SCIM user (RFC 7643 section 4.1) as Databricks sends and accepts it.
 *
 * <pre>{@code
 * User ada = User.builder()
 *     .userName("ada@example.com")
 *     .displayName("Ada Lovelace")
 *     .name(Name.of("Ada", "Lovelace"))
 *     .addEmails(Email.of("work", "ada@example.com").withPrimary(true))
 *     .addEntitlements(Entitlement.WORKSPACE_ACCESS.toComplexValue())
 *     .build();
 * }</pre>
 *
 * <p>Reading is lossless and tolerant: attribute names match case-insensitively, unknown attributes and URN-keyed
 * extension objects land in {@link #additionalAttributes()} in arrival order and are written back, an explicit
 * {@code null} counts as absent, a multi-valued attribute given as a single object is read as a one-element list, and
 * {@code null} elements inside a list are dropped. A missing or blank {@code userName} fails the read with an exception
 * naming the attribute. On write, empty lists and absent values are left out (RFC 7643 section 2.5 treats an empty
 * list as unassigned); an empty string is a value and is written back, and unknown attributes are written back exactly
 * as read, even when empty or {@code null}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUser.class)
@JsonDeserialize(builder = User.Builder.class)
public abstract class User implements ScimResource {
  User() {}

  /**
   * Returns the schema URNs, normally {@code urn:ietf:params:scim:schemas:core:2.0:User}.
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
   * Returns the unique login name, an e-mail address on Databricks, which lower-cases it and never changes it.
   *
   * @return the user name; never blank
   */
  public abstract String userName();

  /**
   * Returns the name shown to people.
   *
   * @return the display name, if set
   */
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> displayName();

  /**
   * Returns the components of the user's name.
   *
   * @return the name, if set
   */
  public abstract Optional<Name> name();

  /**
   * Returns the e-mail addresses; Databricks fills in the user name as the primary work address.
   *
   * @return the addresses; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<Email> emails();

  /**
   * Returns whether the user may sign in.
   *
   * @return the flag, if set
   */
  public abstract Optional<Boolean> active();

  /**
   * Returns the workspace entitlements, such as {@code {"value":"workspace-access"}}; see {@link Entitlement}.
   *
   * @return the entitlements; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> entitlements();

  /**
   * Returns the groups the user belongs to (read-only on the server), with {@code type} {@code "direct"} or
   * {@code "indirect"}.
   *
   * @return the groups; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> groups();

  /**
   * Returns the roles: instance-profile ARNs in a workspace, {@code account_admin} in an account.
   *
   * @return the roles; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<ComplexValue> roles();

  /**
   * Returns the resource metadata, which Databricks does not send for users; identity providers may send it on create.
   *
   * @return the metadata, if set
   */
  @Override
  public abstract Optional<Meta> meta();

  /**
   * Returns the password, a write-only attribute sent on create by some identity providers; masked as {@code ****} in
   * {@link #toString()}, but written in JSON.
   *
   * @return the password, if set
   */
  @Value.Redacted
  @JsonInclude(value = JsonInclude.Include.NON_ABSENT, content = JsonInclude.Include.ALWAYS)
  public abstract Optional<String> password();

  /**
   * Returns the attributes the model does not name, such as {@code locale} or the enterprise extension object keyed by
   * its URN, in the order they were read.
   *
   * @return the unknown attributes by their original key
   */
  @Override
  @JsonAnyGetter
  @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  @Value.Check
  void checkUserName() {
    if (userName().trim().isEmpty()) {
      throw new IllegalArgumentException("userName must not be blank");
    }
  }

  /**
   * Returns a new, empty builder; {@code userName} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this user's attributes, including unknown ones.
   *
   * @return the builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link User} instances; {@code build()} fails when {@code userName} is missing or blank. */
  public static final class Builder extends ImmutableUser.Builder {
    Builder() {}
  }
}
