package dev.dbscim.client.internal;

import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ScimResource;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the generic resource operations need to know about one resource type: its endpoint, model class, core schema
 * URN, the attributes its model requires, and the unique key that identifies a resource for an unclear create.
 *
 * <p>Not public API; may change without notice.
 *
 * @param <T> the resource type
 */
public final class ResourceKind<T extends ScimResource> {
  /** Users: {@code /Users}, unique by {@code userName}. */
  public static final ResourceKind<User> USERS = new ResourceKind<>("/Users", User.class, SchemaUrns.USER,
      List.of("id", "userName"),
      user -> user.schemas().isEmpty() ? user.toBuilder().schemas(List.of(SchemaUrns.USER)).build() : user,
      user -> Optional.of(Filter.attr("userName").eq(user.userName())));

  /** Groups: {@code /Groups}, unique by {@code displayName}. */
  public static final ResourceKind<Group> GROUPS = new ResourceKind<>("/Groups", Group.class, SchemaUrns.GROUP,
      List.of("id", "displayName"),
      group -> group.schemas().isEmpty() ? group.toBuilder().schemas(List.of(SchemaUrns.GROUP)).build() : group,
      group -> Optional.of(Filter.attr("displayName").eq(group.displayName())));

  /** Service principals: {@code /ServicePrincipals}, unique by {@code applicationId}, else {@code externalId}. */
  public static final ResourceKind<ServicePrincipal> SERVICE_PRINCIPALS = new ResourceKind<>("/ServicePrincipals",
      ServicePrincipal.class, SchemaUrns.SERVICE_PRINCIPAL, List.of("id"),
      sp -> sp.schemas().isEmpty() ? sp.toBuilder().schemas(List.of(SchemaUrns.SERVICE_PRINCIPAL)).build() : sp,
      ResourceKind::servicePrincipalKey);

  private final String endpoint;
  private final Class<T> type;
  private final String schemaUrn;
  private final List<String> requiredAttributes;
  private final Function<T, T> withDefaultSchemas;
  private final Function<T, Optional<Filter>> uniqueKey;

  private ResourceKind(String endpoint, Class<T> type, String schemaUrn, List<String> requiredAttributes,
      Function<T, T> withDefaultSchemas, Function<T, Optional<Filter>> uniqueKey) {
    this.endpoint = endpoint;
    this.type = type;
    this.schemaUrn = schemaUrn;
    this.requiredAttributes = Collections.unmodifiableList(requiredAttributes);
    this.withDefaultSchemas = withDefaultSchemas;
    this.uniqueKey = uniqueKey;
  }

  private static Optional<Filter> servicePrincipalKey(ServicePrincipal sp) {
    if (sp.applicationId().isPresent()) {
      return Optional.of(Filter.attr("applicationId").eq(sp.applicationId().get()));
    }
    return sp.externalId().map(externalId -> Filter.attr("externalId").eq(externalId));
  }

  /**
   * Returns the endpoint path below the SCIM base path, such as {@code /Users}.
   *
   * @return the endpoint
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Returns the model class.
   *
   * @return the class
   */
  public Class<T> type() {
    return type;
  }

  /**
   * Returns the core schema URN of the type.
   *
   * @return the URN
   */
  public String schemaUrn() {
    return schemaUrn;
  }

  /**
   * Returns the attributes the model cannot be read without.
   *
   * @return the attribute names
   */
  public List<String> requiredAttributes() {
    return requiredAttributes;
  }

  /**
   * Returns the resource with the core schema URN when its {@code schemas} is empty, else the resource itself.
   *
   * @param resource the resource
   * @return the resource with schemas
   */
  public T withDefaultSchemas(T resource) {
    return withDefaultSchemas.apply(resource);
  }

  /**
   * Returns the filter that finds this resource by its unique key, if it has one.
   *
   * @param resource the resource about to be created
   * @return the filter, such as {@code userName eq "ada@example.com"}
   */
  public Optional<Filter> uniqueKey(T resource) {
    return uniqueKey.apply(resource);
  }
}
