package dev.dbscim.client.api;

import dev.dbscim.core.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
public final class ListRequest {
  /** The page size used when none is set: Databricks documents pages of at most 100 resources. */
  public static final int DEFAULT_COUNT = 100;

  /** The largest page size accepted, the default page size the official Databricks SDKs send. */
  public static final int MAX_COUNT = 10_000;

  private final String filter;
  private final List<String> attributes;
  private final List<String> excludedAttributes;
  private final String sortBy;
  private final SortOrder sortOrder;
  private final int startIndex;
  private final int count;

  private ListRequest(Builder builder) {
    this.filter = builder.filter;
    this.attributes = Collections.unmodifiableList(new ArrayList<>(builder.attributes));
    this.excludedAttributes = Collections.unmodifiableList(new ArrayList<>(builder.excludedAttributes));
    this.sortBy = builder.sortBy;
    this.sortOrder = builder.sortOrder;
    this.startIndex = builder.startIndex;
    this.count = builder.count;
  }

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
   * Returns the SCIM filter expression (RFC 7644 section 3.4.2.2), sent as given.
   *
   * @return the filter text, if any
   */
  public Optional<String> filter() {
    return Optional.ofNullable(filter);
  }

  /**
   * Returns the attributes to return instead of the default set (RFC 7644 section 3.4.2.5).
   *
   * @return the attribute names in the order set; empty for the server's default
   */
  public List<String> attributes() {
    return attributes;
  }

  /**
   * Returns the attributes to leave out of the default set (RFC 7644 section 3.4.2.5).
   *
   * @return the attribute names in the order set; empty when none are excluded
   */
  public List<String> excludedAttributes() {
    return excludedAttributes;
  }

  /**
   * Returns the attribute to sort by (RFC 7644 section 3.4.2.3), such as {@code userName}.
   *
   * @return the sort attribute, if any
   */
  public Optional<String> sortBy() {
    return Optional.ofNullable(sortBy);
  }

  /**
   * Returns the sort order (RFC 7644 section 3.4.2.3).
   *
   * @return the order, if set
   */
  public Optional<SortOrder> sortOrder() {
    return Optional.ofNullable(sortOrder);
  }

  /**
   * Returns the 1-based index of the first resource to return (RFC 7644 section 3.4.2.4).
   *
   * @return the start index, at least 1; 1 by default
   */
  public int startIndex() {
    return startIndex;
  }

  /**
   * Returns the page size asked for (RFC 7644 section 3.4.2.4); the server may return fewer or more.
   *
   * @return the page size, 1 to {@value #MAX_COUNT}; {@value #DEFAULT_COUNT} by default
   */
  public int count() {
    return count;
  }

  /**
   * Returns this request with another start index, the way the next page is requested.
   *
   * @param startIndex the 1-based index of the first resource to return
   * @return the changed request, or this one when the index is unchanged
   * @throws IllegalArgumentException when {@code startIndex} is less than 1
   */
  public ListRequest withStartIndex(int startIndex) {
    if (startIndex == this.startIndex) {
      return this;
    }
    return toBuilder().startIndex(startIndex).build();
  }

  /**
   * Returns a builder initialised with this request's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.filter = filter;
    builder.attributes.addAll(attributes);
    builder.excludedAttributes.addAll(excludedAttributes);
    builder.sortBy = sortBy;
    builder.sortOrder = sortOrder;
    builder.startIndex = startIndex;
    builder.count = count;
    return builder;
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
    if (filter != null) {
      parameters.put("filter", filter);
    }
    if (!attributes.isEmpty()) {
      parameters.put("attributes", String.join(",", attributes));
    }
    if (!excludedAttributes.isEmpty()) {
      parameters.put("excludedAttributes", String.join(",", excludedAttributes));
    }
    if (sortBy != null) {
      parameters.put("sortBy", sortBy);
    }
    if (sortOrder != null) {
      parameters.put("sortOrder", sortOrder.queryValue());
    }
    parameters.put("startIndex", Integer.toString(startIndex));
    parameters.put("count", Integer.toString(count));
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * Returns whether the other object is a list request with the same values.
   *
   * @param other the object to compare
   * @return {@code true} when all values are equal
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ListRequest)) {
      return false;
    }
    ListRequest that = (ListRequest) other;
    return startIndex == that.startIndex
        && count == that.count
        && Objects.equals(filter, that.filter)
        && attributes.equals(that.attributes)
        && excludedAttributes.equals(that.excludedAttributes)
        && Objects.equals(sortBy, that.sortBy)
        && sortOrder == that.sortOrder;
  }

  /**
   * Returns a hash code over all values.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(filter, attributes, excludedAttributes, sortBy, sortOrder, startIndex, count);
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
   * Builds {@link ListRequest} values; every setter checks its argument at once and throws
   * {@link IllegalArgumentException} for an invalid value.
   */
  public static final class Builder {
    private String filter;
    private final List<String> attributes = new ArrayList<>();
    private final List<String> excludedAttributes = new ArrayList<>();
    private String sortBy;
    private SortOrder sortOrder;
    private int startIndex = 1;
    private int count = DEFAULT_COUNT;

    private Builder() {}

    /**
     * Sets the filter from a built or parsed {@link Filter}, sent in its canonical text form; the recommended way to
     * filter.
     *
     * @param filter the filter, such as {@code Filter.attr("userName").eq("ada@example.com")}
     * @return this builder
     */
    public Builder filter(Filter filter) {
      Objects.requireNonNull(filter, "filter");
      this.filter = filter.toString();
      return this;
    }

    /**
     * Sets the filter text, sent exactly as given so that service-specific forms (such as Databricks' bare values,
     * {@code userName eq ada@example.com}) pass through. Prefer {@link #filter(Filter)}, which cannot be malformed.
     *
     * @param filter the filter expression
     * @return this builder
     * @throws IllegalArgumentException when {@code filter} is blank
     */
    public Builder filter(String filter) {
      Objects.requireNonNull(filter, "filter");
      if (filter.trim().isEmpty()) {
        throw new IllegalArgumentException("filter must not be blank");
      }
      this.filter = filter;
      return this;
    }

    /**
     * Removes the filter, so that every resource is listed.
     *
     * @return this builder
     */
    public Builder clearFilter() {
      this.filter = null;
      return this;
    }

    /**
     * Replaces the attributes to return.
     *
     * @param attributes attribute names, such as {@code id} or {@code name.givenName}
     * @return this builder
     * @throws IllegalArgumentException when a name is blank or contains a comma
     */
    public Builder attributes(String... attributes) {
      Objects.requireNonNull(attributes, "attributes");
      return attributes(Arrays.asList(attributes));
    }

    /**
     * Replaces the attributes to return.
     *
     * @param attributes attribute names
     * @return this builder
     * @throws IllegalArgumentException when a name is blank or contains a comma
     */
    public Builder attributes(Iterable<String> attributes) {
      List<String> checked = checkedNames(attributes, "attributes");
      this.attributes.clear();
      this.attributes.addAll(checked);
      return this;
    }

    /**
     * Adds attributes to return after those already set.
     *
     * @param attributes attribute names
     * @return this builder
     * @throws IllegalArgumentException when a name is blank or contains a comma
     */
    public Builder addAttributes(String... attributes) {
      Objects.requireNonNull(attributes, "attributes");
      this.attributes.addAll(checkedNames(Arrays.asList(attributes), "attributes"));
      return this;
    }

    /**
     * Replaces the attributes to leave out.
     *
     * @param excludedAttributes attribute names, such as {@code groups}
     * @return this builder
     * @throws IllegalArgumentException when a name is blank or contains a comma
     */
    public Builder excludedAttributes(String... excludedAttributes) {
      Objects.requireNonNull(excludedAttributes, "excludedAttributes");
      return excludedAttributes(Arrays.asList(excludedAttributes));
    }

    /**
     * Replaces the attributes to leave out.
     *
     * @param excludedAttributes attribute names
     * @return this builder
     * @throws IllegalArgumentException when a name is blank or contains a comma
     */
    public Builder excludedAttributes(Iterable<String> excludedAttributes) {
      List<String> checked = checkedNames(excludedAttributes, "excludedAttributes");
      this.excludedAttributes.clear();
      this.excludedAttributes.addAll(checked);
      return this;
    }

    /**
     * Adds attributes to leave out after those already set.
     *
     * @param excludedAttributes attribute names
     * @return this builder
     * @throws IllegalArgumentException when a name is blank or contains a comma
     */
    public Builder addExcludedAttributes(String... excludedAttributes) {
      Objects.requireNonNull(excludedAttributes, "excludedAttributes");
      this.excludedAttributes.addAll(checkedNames(Arrays.asList(excludedAttributes), "excludedAttributes"));
      return this;
    }

    /**
     * Sets the attribute to sort by.
     *
     * @param sortBy the attribute name, such as {@code userName}
     * @return this builder
     * @throws IllegalArgumentException when {@code sortBy} is blank or contains a comma
     */
    public Builder sortBy(String sortBy) {
      Objects.requireNonNull(sortBy, "sortBy");
      checkName(sortBy, "sortBy");
      this.sortBy = sortBy;
      return this;
    }

    /**
     * Sets the sort order; without it the server sorts ascending when {@code sortBy} is set.
     *
     * @param sortOrder the order
     * @return this builder
     */
    public Builder sortOrder(SortOrder sortOrder) {
      this.sortOrder = Objects.requireNonNull(sortOrder, "sortOrder");
      return this;
    }

    /**
     * Sets the 1-based index of the first resource to return; default 1. Change it to resume a listing.
     *
     * @param startIndex the index, at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code startIndex} is less than 1
     */
    public Builder startIndex(int startIndex) {
      if (startIndex < 1) {
        throw new IllegalArgumentException("startIndex must be at least 1 (SCIM indexes are 1-based): " + startIndex);
      }
      this.startIndex = startIndex;
      return this;
    }

    /**
     * Sets the page size asked for; default {@value ListRequest#DEFAULT_COUNT}. Lower it for smaller responses or to
     * stop sooner; the service may return fewer per page anyway.
     *
     * @param count the page size, 1 to {@value ListRequest#MAX_COUNT}
     * @return this builder
     * @throws IllegalArgumentException when {@code count} is out of range
     */
    public Builder count(int count) {
      if (count < 1 || count > MAX_COUNT) {
        throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT + ": " + count);
      }
      this.count = count;
      return this;
    }

    /**
     * Sets the page size asked for; the same as {@link #count(int)}, under the name readers who do not know SCIM
     * expect.
     *
     * @param pageSize the page size, 1 to {@value ListRequest#MAX_COUNT}
     * @return this builder
     * @throws IllegalArgumentException when {@code pageSize} is out of range
     */
    public Builder pageSize(int pageSize) {
      return count(pageSize);
    }

    /**
     * Returns the request.
     *
     * @return the immutable request
     */
    public ListRequest build() {
      return new ListRequest(this);
    }

    private static List<String> checkedNames(Iterable<String> names, String option) {
      Objects.requireNonNull(names, option);
      List<String> checked = new ArrayList<>();
      for (String name : names) {
        Objects.requireNonNull(name, option + " element");
        checkName(name, option);
        checked.add(name);
      }
      return checked;
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
  }
}
