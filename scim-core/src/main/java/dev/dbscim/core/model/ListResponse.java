package dev.dbscim.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.dbscim.core.internal.ModelJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One page of a list or search result (RFC 7644 section 3.4.2), such as
 * {@code {"totalResults":2,"itemsPerPage":2,"startIndex":1,"schemas":[...],"Resources":[...]}}.
 *
 * <p>Databricks leaves {@code Resources} out of an empty page or a page past the end; that reads as an empty
 * {@link #resources()}. A missing {@code totalResults} reads as the number of resources on the page. Because the
 * element type is generic, read pages with {@link #read(String, Class)} or with the Jackson type from
 * {@link #type(TypeFactory, Class)}:
 *
 * <pre>{@code
 * ListResponse<User> page = ListResponse.read(body, User.class);
 * ObjectMapper mapper = ScimJson.mapper();
 * ListResponse<Group> groups = mapper.readValue(body, ListResponse.type(mapper.getTypeFactory(), Group.class));
 * }</pre>
 *
 * @param <T> the resource type, such as {@link User}
 */
@Value.Immutable
@JsonSerialize(as = ImmutableListResponse.class)
@JsonDeserialize(builder = ListResponse.Builder.class)
public abstract class ListResponse<T> {
  ListResponse() {}

  /**
   * Returns the schema URNs, normally {@code urn:ietf:params:scim:api:messages:2.0:ListResponse}.
   *
   * @return the URNs; empty when absent
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<String> schemas();

  /**
   * Returns the total number of results matching the query, across all pages; defaults to the number of resources on
   * this page when the server leaves it out.
   *
   * @return the total
   */
  @Value.Default
  public long totalResults() {
    return resources().size();
  }

  /**
   * Returns the number of resources the server says are on this page.
   *
   * @return the page size, if sent
   */
  public abstract Optional<Integer> itemsPerPage();

  /**
   * Returns the 1-based index of the first resource on this page, which Databricks echoes from the request.
   *
   * @return the start index, if sent
   */
  public abstract Optional<Integer> startIndex();

  /**
   * Returns the resources on this page, JSON key {@code Resources} (matched case-insensitively on read).
   *
   * @return the resources; empty when the page has none or the key is absent
   */
  @JsonProperty("Resources")
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(contentNulls = Nulls.SKIP)
  public abstract List<T> resources();

  /**
   * Returns the attributes the model does not name, in the order they were read.
   *
   * @return the unknown attributes by their original key
   */
  @JsonAnyGetter
  @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public abstract Map<String, JsonNode> additionalAttributes();

  /**
   * Returns the Jackson type of a page of the given resource type, for reading with a mapper from
   * {@link dev.dbscim.core.json.ScimJson#mapper()}.
   *
   * @param typeFactory the mapper's type factory
   * @param resourceType the resource type, such as {@code User.class}
   * @return the type {@code ListResponse<resourceType>}
   */
  public static JavaType type(TypeFactory typeFactory, Class<?> resourceType) {
    Objects.requireNonNull(typeFactory, "typeFactory");
    Objects.requireNonNull(resourceType, "resourceType");
    return typeFactory.constructParametricType(ListResponse.class, resourceType);
  }

  /**
   * Returns the page that the JSON text describes.
   *
   * @param json the response body
   * @param resourceType the resource type, such as {@code User.class}
   * @param <T> the resource type
   * @return the page
   * @throws IllegalArgumentException when the text is not JSON or does not fit a page of {@code resourceType}
   */
  public static <T> ListResponse<T> read(String json, Class<T> resourceType) {
    Objects.requireNonNull(json, "json");
    return ModelJson.read(json, type(ModelJson.typeFactory(), resourceType), "ListResponse");
  }

  /**
   * Returns the page that the JSON tree describes.
   *
   * @param json the response body as a tree
   * @param resourceType the resource type, such as {@code User.class}
   * @param <T> the resource type
   * @return the page
   * @throws IllegalArgumentException when the tree does not fit a page of {@code resourceType}
   */
  public static <T> ListResponse<T> read(JsonNode json, Class<T> resourceType) {
    Objects.requireNonNull(json, "json");
    return ModelJson.read(json, type(ModelJson.typeFactory(), resourceType), "ListResponse");
  }

  /**
   * Returns a new, empty builder.
   *
   * @param <T> the resource type
   * @return the builder
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Returns a builder initialised with this page's attributes.
   *
   * @return the builder
   */
  public final Builder<T> toBuilder() {
    return ListResponse.<T>builder().from(this);
  }

  /**
   * Builds {@link ListResponse} instances.
   *
   * @param <T> the resource type
   */
  public static final class Builder<T> extends ImmutableListResponse.Builder<T> {
    Builder() {}
  }
}
