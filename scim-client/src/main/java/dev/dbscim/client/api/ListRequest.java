package dev.dbscim.client.api;

import dev.dbscim.core.filter.Filter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The query of one list call (RFC 7644 section 3.4.2): filter, returned attributes, sorting and the page to fetch.
 *
 * <p>Values are immutable; build them with {@link #builder()}, or let a facade build one from a customiser:
 *
 * <pre>{@code
 * ListRequest request = ListRequest.of(q -> q
 *     .filter(Filter.attr("userName").sw("ada"))
 *     .attributes("id", "userName")
 *     .count(50));
 * Map<String, String> query = request.toQueryParameters();
 * // {filter=userName sw "ada", attributes=id,userName, startIndex=1, count=50}
 * }</pre>
 *
 * <p>Paging is 1-based: {@link #startIndex()} defaults to 1 and {@link #count()} (the page size) to
 * {@value #DEFAULT_COUNT}, the page cap the Databricks documentation states. Servers may return fewer or more resources
 * than asked; {@link dev.dbscim.client.paging.PagedIterable} advances by what was actually returned.
 */
@Value.Immutable
public abstract class ListRequest {
  /** The page size used when none is set: Databricks documents pages of at most 100 resources. */
  public static final int DEFAULT_COUNT = 100;

  /** The largest page size accepted, the default page size the official Databricks SDKs send. */
  public static final int MAX_COUNT = 10_000;

  ListRequest() {}

  /**
   * Returns a new builder with the defaults: no filter, all default attributes, unsorted, start index 1 and page size
   * {@value #DEFAULT_COUNT}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the request that a customiser makes of a fresh {@link #builder()}; the form the facades' {@code list}
   * methods accept.
   *
   * @param customiser sets the options, such as {@code q -> q.filter(f).count(50)}
   * @return the request
   * @throws IllegalArgumentException when the customiser sets an invalid value
   */
  public static ListRequest of(Consumer<? super Builder> customiser) {
    Objects.requireNonNull(customiser, "customiser");
    Builder builder = builder();
    customiser.accept(builder);
    return builder.build();
  }

  /**
   * Returns the SCIM filter expression (RFC 7644 section 3.4.2.2), sent exactly as given so that service-specific
   * forms (such as Databricks' bare values, {@code userName eq ada@example.com}) pass through. Prefer
   * {@link Builder#filter(Filter)}, which cannot be malformed.
   *
   * @return the filter text, never blank, if any
   */
  public abstract Optional<String> filter();

  /**
   * Returns the attributes to return instead of the default set (RFC 7644 section 3.4.2.5), such as {@code id} or
   * {@code name.givenName}.
   *
   * @return the attribute names in the order set, none blank or with a comma; empty for the server's default
   */
  public abstract List<String> attributes();

  /**
   * Returns the attributes to leave out of the default set (RFC 7644 section 3.4.2.5), such as {@code groups}.
   *
   * @return the attribute names in the order set, none blank or with a comma; empty when none are excluded
   */
  public abstract List<String> excludedAttributes();

  /**
   * Returns the attribute to sort by (RFC 7644 section 3.4.2.3), such as {@code userName}.
   *
   * @return the sort attribute, not blank and without a comma, if any
   */
  public abstract Optional<String> sortBy();

  /**
   * Returns the sort order (RFC 7644 section 3.4.2.3); without it the server sorts ascending when {@code sortBy} is
   * set.
   *
   * @return the order, if set
   */
  public abstract Optional<SortOrder> sortOrder();

  /**
   * Returns the 1-based index of the first resource to return (RFC 7644 section 3.4.2.4). Change it to resume a
   * listing.
   *
   * @return the start index, at least 1; 1 by default
   */
  @Value.Default
  public int startIndex() {
    return 1;
  }

  /**
   * Returns the page size asked for (RFC 7644 section 3.4.2.4); the server may return fewer or more. Lower it for
   * smaller responses or to stop sooner.
   *
   * @return the page size, 1 to {@value #MAX_COUNT}; {@value #DEFAULT_COUNT} by default
   */
  @Value.Default
  public int count() {
    return DEFAULT_COUNT;
  }

  /**
   * Returns this request with another start index, the way the next page is requested.
   *
   * @param startIndex the 1-based index of the first resource to return
   * @return the changed request, or this one when the index is unchanged
   * @throws IllegalArgumentException when {@code startIndex} is less than 1
   */
  public ListRequest withStartIndex(int startIndex) {
    return ImmutableListRequest.copyOf(this).withStartIndex(startIndex);
  }

  /**
   * Returns a builder initialised with this request's values.
   *
   * @return the builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  @Value.Check
  void check() {
    if (filter().isPresent() && filter().get().trim().isEmpty()) {
      throw new IllegalArgumentException("filter must not be blank");
    }
    for (String name : attributes()) {
      checkName(name, "attributes");
    }
    for (String name : excludedAttributes()) {
      checkName(name, "excludedAttributes");
    }
    if (sortBy().isPresent()) {
      checkName(sortBy().get(), "sortBy");
    }
    if (startIndex() < 1) {
      throw new IllegalArgumentException("startIndex must be at least 1 (SCIM indexes are 1-based): " + startIndex());
    }
    if (count() < 1 || count() > MAX_COUNT) {
      throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ": " + count());
    }
  }

  private static void checkName(String name, String option) {
    if (name.trim().isEmpty()) {
      throw new IllegalArgumentException(option + " must not contain a blank attribute name");
    }
    if (name.indexOf(',') >= 0) {
      throw new IllegalArgumentException(
          option + " names must not contain ',' (give each attribute separately): " + name);
    }
  }

  /**
   * Returns the query parameters of this request, unencoded, in the order {@code filter, attributes,
   * excludedAttributes, sortBy, sortOrder, startIndex, count}. Absent options are left out; lists are joined with
   * commas. URL encoding is the transport's job.
   *
   * @return the parameters by name, in sending order; unmodifiable
   */
  public Map<String, String> toQueryParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    filter().ifPresent(filter -> parameters.put("filter", filter));
    if (!attributes().isEmpty()) {
      parameters.put("attributes", String.join(",", attributes()));
    }
    if (!excludedAttributes().isEmpty()) {
      parameters.put("excludedAttributes", String.join(",", excludedAttributes()));
    }
    sortBy().ifPresent(sortBy -> parameters.put("sortBy", sortBy));
    sortOrder().ifPresent(sortOrder -> parameters.put("sortOrder", sortOrder.queryValue()));
    parameters.put("startIndex", Integer.toString(startIndex()));
    parameters.put("count", Integer.toString(count()));
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * Returns the request as its query parameters, such as {@code ListRequest{filter=userName eq "a", startIndex=1,
   * count=100}}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "ListRequest" + toQueryParameters();
  }

  /**
   * Builds {@link ListRequest} values. Setters are named like the accessors ({@code filter}, {@code attributes},
   * {@code addAttributes}, {@code sortBy}, {@code startIndex}, {@code count}, ...); {@code build()} checks the values
   * and throws {@link IllegalArgumentException} for an invalid one.
   */
  public static final class Builder extends ImmutableListRequest.Builder {
    Builder() {}

    /**
     * Sets the filter from a built or parsed {@link Filter}, sent in its canonical text form; the recommended way to
     * filter.
     *
     * @param filter the filter, such as {@code Filter.attr("userName").eq("ada@example.com")}
     * @return this builder
     */
    public Builder filter(Filter filter) {
      return filter(Objects.requireNonNull(filter, "filter").toString());
    }

    /**
     * Removes the filter, so that every resource is listed.
     *
     * @return this builder
     */
    public Builder clearFilter() {
      return filter(Optional.empty());
    }

    /**
     * Replaces the attributes to return.
     *
     * @param attributes attribute names, such as {@code id} or {@code name.givenName}
     * @return this builder
     */
    public Builder attributes(String... attributes) {
      return attributes(List.of(attributes));
    }

    /**
     * Replaces the attributes to leave out.
     *
     * @param excludedAttributes attribute names, such as {@code groups}
     * @return this builder
     */
    public Builder excludedAttributes(String... excludedAttributes) {
      return excludedAttributes(List.of(excludedAttributes));
    }

    /**
     * Sets the page size asked for; the same as {@code count(int)}, under the name readers who do not know SCIM
     * expect.
     *
     * @param pageSize the page size, 1 to {@value ListRequest#MAX_COUNT}
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      return count(pageSize);
    }
  }
}
