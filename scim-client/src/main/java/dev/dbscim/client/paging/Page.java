package dev.dbscim.client.paging;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.core.model.ListResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list call together with the request that produced it, for paging by hand (RFC 7644 section 3.4.2.4).
 *
 * <pre>{@code
 * Optional<ListRequest> next = Optional.of(ListRequest.of(q -> q.count(100)));
 * while (next.isPresent()) {
 *   Page<User> page = account.users().listPage(next.get());
 *   page.resources().forEach(this::process);
 *   next = page.nextRequest();
 * }
 * }</pre>
 *
 * <p>A page does not remove duplicates; {@link PagedIterable} does.
 *
 * @param <T> the resource type
 */
public final class Page<T> {
  private final List<T> resources;
  private final long totalResults;
  private final int startIndex;
  private final int itemsPerPage;
  private final ListRequest request;

  private Page(List<T> resources, long totalResults, int startIndex, int itemsPerPage, ListRequest request) {
    this.resources = resources;
    this.totalResults = totalResults;
    this.startIndex = startIndex;
    this.itemsPerPage = itemsPerPage;
    this.request = request;
  }

  /**
   * Returns the page that a server's list response describes for the given request.
   *
   * <p>The page's start index is the one the server echoed, as the Go SDK uses it, or the request's when the server
   * sent none or a value below 1. A missing {@code Resources} key reads as an empty page.
   *
   * @param response the parsed list response
   * @param request the request that was sent
   * @param <T> the resource type
   * @return the page
   */
  public static <T> Page<T> of(ListResponse<T> response, ListRequest request) {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(request, "request");
    List<T> resources = Collections.unmodifiableList(new ArrayList<>(response.resources()));
    int startIndex = response.startIndex().filter(index -> index >= 1).orElse(request.startIndex());
    int itemsPerPage = response.itemsPerPage().orElse(resources.size());
    return new Page<>(resources, response.totalResults(), startIndex, itemsPerPage, request);
  }

  /**
   * Returns the resources on this page, in the server's order.
   *
   * @return the resources; empty on an empty page or a page past the end
   */
  public List<T> resources() {
    return resources;
  }

  /**
   * Returns the number of results the server reported across all pages, as of this page.
   *
   * @return the total; the number of resources on this page when the server left it out
   */
  public long totalResults() {
    return totalResults;
  }

  /**
   * Returns the 1-based index of this page's first resource: the server-echoed value, else the request's.
   *
   * @return the start index, at least 1
   */
  public int startIndex() {
    return startIndex;
  }

  /**
   * Returns the number of resources the server says are on this page.
   *
   * @return the server's {@code itemsPerPage}, or the number of resources when it sent none
   */
  public int itemsPerPage() {
    return itemsPerPage;
  }

  /**
   * Returns the request that produced this page.
   *
   * @return the request
   */
  public ListRequest request() {
    return request;
  }

  /**
   * Returns the request for the page after this one, or empty when this is the last page.
   *
   * <p>The next start index is {@link #startIndex()} plus the number of resources actually returned, not the number
   * asked for, so a server that caps or ignores {@code count} is paged correctly. This is the last page when it is
   * empty or when it reaches {@link #totalResults()} ({@code startIndex - 1 + resources >= totalResults}).
   *
   * @return the next request, with every other option unchanged
   */
  public Optional<ListRequest> nextRequest() {
    int size = resources.size();
    if (size == 0 || (long) startIndex - 1 + size >= totalResults) {
      return Optional.empty();
    }
    long next = (long) startIndex + size;
    if (next > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of(request.withStartIndex((int) next));
  }

  /**
   * Returns a short description with the paging numbers, not the resources.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "Page{startIndex=" + startIndex + ", resources=" + resources.size() + ", itemsPerPage=" + itemsPerPage
        + ", totalResults=" + totalResults + "}";
  }
}
