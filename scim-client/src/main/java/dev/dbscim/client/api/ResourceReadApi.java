package dev.dbscim.client.api;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.paging.Page;
import dev.dbscim.client.paging.PagedIterable;
import dev.dbscim.core.model.ScimResource;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read operations on one kind of SCIM resource: {@code get}, {@code find}, {@code list} and {@code listPage}.
 * Implementations are thread-safe.
 *
 * <p>Every operation also comes with a trailing {@link RequestOptions} parameter for a per-call timeout, extra headers
 * or another retry policy. Every call goes through the client's authentication, rate limiting, retries and error
 * mapping.
 *
 * <p><b>Partial reads.</b> When a list request names {@link ListRequest#attributes() attributes}, the client adds the
 * attributes the typed model cannot do without ({@code id}, plus {@code userName} for users and {@code displayName}
 * for groups), and drops them from {@link ListRequest#excludedAttributes() excludedAttributes}, so a partial resource
 * still reads into its type. The other attributes of a partial resource are simply absent.
 *
 * @param <T> the resource type
 */
public interface ResourceReadApi<T extends ScimResource> {
  /**
   * Returns the resource with the given id ({@code GET /{Resource}/{id}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.1">RFC 7644 section 3.4.1</a>).
   *
   * @param id the server-assigned id
   * @return the resource
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404)
   * @throws dev.dbscim.client.error.ScimUnauthorizedException when the token is refused (401)
   * @throws dev.dbscim.client.error.ScimForbiddenException when the caller may not read it (403)
   * @throws dev.dbscim.client.error.ScimRateLimitedException when the service kept throttling after the retries
   * @throws dev.dbscim.client.error.ScimServerException for a 5xx answer after the retries
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived (I/O, timeout, bad body)
   * @throws IllegalArgumentException when the id is blank
   */
  T get(String id);

  /**
   * Returns the resource with the given id, with per-call options; see {@link #get(String)}.
   *
   * @param id the server-assigned id
   * @param options the per-call options
   * @return the resource
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  T get(String id, RequestOptions options);

  /**
   * Returns the resource with the given id, or empty when the service answers 404 ({@code GET /{Resource}/{id}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.1">RFC 7644 section 3.4.1</a>).
   *
   * @param id the server-assigned id
   * @return the resource, or empty when it does not exist
   * @throws dev.dbscim.client.error.ScimUnauthorizedException when the token is refused (401)
   * @throws dev.dbscim.client.error.ScimForbiddenException when the caller may not read it (403)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer except 404
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   * @throws IllegalArgumentException when the id is blank
   */
  Optional<T> find(String id);

  /**
   * Returns the resource with the given id, or empty on 404, with per-call options; see {@link #find(String)}.
   *
   * @param id the server-assigned id
   * @param options the per-call options
   * @return the resource, or empty when it does not exist
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer except 404
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  Optional<T> find(String id, RequestOptions options);

  /**
   * Returns all resources, fetched lazily in pages of {@value ListRequest#DEFAULT_COUNT} ({@code GET /{Resource}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2">RFC 7644 section 3.4.2</a>).
   *
   * <p>Nothing is sent until iteration starts, so <b>errors surface during iteration</b>: the
   * {@link dev.dbscim.client.error.ScimException}s listed for {@link #listPage(ListRequest)} are thrown by the
   * iterator's {@code hasNext()} or {@code next()}, or by the stream's terminal operation.
   *
   * @return the lazy iterable
   */
  PagedIterable<T> list();

  /**
   * Returns all resources, lazily, with per-call options applied to every page; see {@link #list()}.
   *
   * @param options the per-call options
   * @return the lazy iterable; errors surface during iteration
   */
  PagedIterable<T> list(RequestOptions options);

  /**
   * Returns the resources a list request selects, fetched lazily page by page from its start index; see
   * {@link #list()}. Errors surface during iteration.
   *
   * @param request the filter, attributes, sorting, first start index and page size
   * @return the lazy iterable
   */
  PagedIterable<T> list(ListRequest request);

  /**
   * Returns the resources a list request selects, lazily, with per-call options; errors surface during iteration.
   *
   * @param request the list request
   * @param options the per-call options, applied to every page
   * @return the lazy iterable
   */
  PagedIterable<T> list(ListRequest request, RequestOptions options);

  /**
   * Returns the resources a customised list request selects, lazily; errors surface during iteration.
   *
   * <pre>{@code
   * for (User u : account.users().list(q -> q.filter(Filter.attr("active").eq(true)).pageSize(50))) { ... }
   * }</pre>
   *
   * @param customiser sets the options of a fresh {@link ListRequest#builder()}
   * @return the lazy iterable
   * @throws IllegalArgumentException when the customiser sets an invalid value (thrown at once)
   */
  PagedIterable<T> list(Consumer<ListRequest.Builder> customiser);

  /**
   * Returns the resources a customised list request selects, lazily, with per-call options; errors surface during
   * iteration.
   *
   * @param customiser sets the options of a fresh {@link ListRequest#builder()}
   * @param options the per-call options, applied to every page
   * @return the lazy iterable
   * @throws IllegalArgumentException when the customiser sets an invalid value (thrown at once)
   */
  PagedIterable<T> list(Consumer<ListRequest.Builder> customiser, RequestOptions options);

  /**
   * Returns one page of resources ({@code GET /{Resource}?...},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2">RFC 7644 section 3.4.2</a>); use
   * {@link Page#nextRequest()} to page on by hand.
   *
   * @param request the list request
   * @return the page
   * @throws dev.dbscim.client.error.ScimBadRequestException for a filter the service refuses (400, scimType
   *     {@code invalidFilter}; Databricks sends {@code InvalidFilter})
   * @throws dev.dbscim.client.error.ScimUnauthorizedException when the token is refused (401)
   * @throws dev.dbscim.client.error.ScimForbiddenException when the caller may not list (403)
   * @throws dev.dbscim.client.error.ScimRateLimitedException when the service kept throttling after the retries
   * @throws dev.dbscim.client.error.ScimServerException for a 5xx answer after the retries
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  Page<T> listPage(ListRequest request);

  /**
   * Returns one page of resources with per-call options; see {@link #listPage(ListRequest)}.
   *
   * @param request the list request
   * @param options the per-call options
   * @return the page
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  Page<T> listPage(ListRequest request, RequestOptions options);
}
