package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.ListRequest;
import dev.dbscim.client.api.ResourceReadApi;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.paging.Page;
import dev.dbscim.client.paging.PagedIterable;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.ScimResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read operations of {@link ResourceReadApi} over a {@link ScimTransport}, for one {@link ResourceKind}.
 * Thread-safe.
 *
 * <p>Not public API; may change without notice.
 *
 * @param <T> the resource type
 */
public class ResourceReadOperations<T extends ScimResource> implements ResourceReadApi<T> {
  private final ScimTransport transport;
  private final ResourceKind<T> kind;
  private final JavaType listType;

  /**
   * Creates the operations.
   *
   * @param transport the transport whose base path is the SCIM root
   * @param kind the resource type
   */
  public ResourceReadOperations(ScimTransport transport, ResourceKind<T> kind) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.listType = ListResponse.type(transport.mapper().getTypeFactory(), kind.type());
  }

  /**
   * Returns the transport.
   *
   * @return the transport
   */
  protected final ScimTransport transport() {
    return transport;
  }

  /**
   * Returns the resource type.
   *
   * @return the kind
   */
  protected final ResourceKind<T> kind() {
    return kind;
  }

  /**
   * Returns the encoded path of one resource, such as {@code /Users/101}.
   *
   * @param id the id
   * @return the path
   * @throws IllegalArgumentException when the id is blank
   */
  protected final String resourcePath(String id) {
    Objects.requireNonNull(id, "id");
    if (id.trim().isEmpty()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return kind.endpoint() + "/" + ScimRequest.pathSegment(id);
  }

  @Override
  public T get(String id) {
    return get(id, RequestOptions.defaults());
  }

  @Override
  public T get(String id, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    ScimRequest request = ScimRequest.of("GET", resourcePath(id), OperationClass.GET).withOptions(options);
    return transport.sendForObject(request, kind.type());
  }

  @Override
  public Optional<T> find(String id) {
    return find(id, RequestOptions.defaults());
  }

  @Override
  public Optional<T> find(String id, RequestOptions options) {
    try {
      return Optional.of(get(id, options));
    } catch (ScimNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public PagedIterable<T> list() {
    return list(ListRequest.builder().build(), RequestOptions.defaults());
  }

  @Override
  public PagedIterable<T> list(RequestOptions options) {
    return list(ListRequest.builder().build(), options);
  }

  @Override
  public PagedIterable<T> list(ListRequest request) {
    return list(request, RequestOptions.defaults());
  }

  @Override
  public PagedIterable<T> list(ListRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    return PagedIterable.of(request, page -> listPage(page, options));
  }

  @Override
  public PagedIterable<T> list(Consumer<ListRequest.Builder> customiser) {
    return list(ListRequest.of(customiser), RequestOptions.defaults());
  }

  @Override
  public PagedIterable<T> list(Consumer<ListRequest.Builder> customiser, RequestOptions options) {
    return list(ListRequest.of(customiser), options);
  }

  @Override
  public Page<T> listPage(ListRequest request) {
    return listPage(request, RequestOptions.defaults());
  }

  @Override
  public Page<T> listPage(ListRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    ScimRequest call = ScimRequest.of("GET", kind.endpoint(), OperationClass.LIST).withOptions(options);
    for (Map.Entry<String, String> parameter : withRequiredAttributes(request).toQueryParameters().entrySet()) {
      call = call.withQuery(parameter.getKey(), parameter.getValue());
    }
    ListResponse<T> response = transport.sendForObject(call, listType);
    return Page.of(response, request);
  }

  /**
   * Returns the request with the model's required attributes added to a non-empty {@code attributes} list and removed
   * from {@code excludedAttributes}, so that partial resources still read into the model.
   *
   * @param request the caller's request
   * @return the request to send
   */
  final ListRequest withRequiredAttributes(ListRequest request) {
    List<String> missing = new ArrayList<>();
    if (!request.attributes().isEmpty()) {
      for (String required : kind.requiredAttributes()) {
        if (!containsIgnoringCase(request.attributes(), required)) {
          missing.add(required);
        }
      }
    }
    List<String> excluded = new ArrayList<>();
    for (String name : request.excludedAttributes()) {
      if (!containsIgnoringCase(kind.requiredAttributes(), name)) {
        excluded.add(name);
      }
    }
    if (missing.isEmpty() && excluded.size() == request.excludedAttributes().size()) {
      return request;
    }
    ListRequest.Builder builder = request.toBuilder().excludedAttributes(excluded);
    if (!missing.isEmpty()) {
      builder.addAttributes(missing.toArray(new String[0]));
    }
    return builder.build();
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (String candidate : names) {
      if (candidate.toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a description naming the endpoint.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + kind.endpoint() + "}";
  }
}
