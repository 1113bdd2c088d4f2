package dev.dbscim.client.internal;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.ListRequest;
import dev.dbscim.client.api.ResourceApi;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimServerException;
import dev.dbscim.client.paging.Page;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.ScimResource;
import dev.dbscim.core.patch.PatchRequest;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * All operations of {@link ResourceApi} over a {@link ScimTransport}, for one {@link ResourceKind}: the reads plus
 * create (with the look-up that resolves an unclear outcome), replace and patch (with a read-back when the answer has
 * no body) and delete. Thread-safe.
 *
 * <p>Not public API; may change without notice.
 *
 * @param <T> the resource type
 */
public class ResourceOperations<T extends ScimResource> extends ResourceReadOperations<T> implements ResourceApi<T> {
  private static final System.Logger LOG = System.getLogger(ResourceOperations.class.getName());

  /**
   * Creates the operations.
   *
   * @param transport the transport whose base path is the SCIM root
   * @param kind the resource type
   */
  public ResourceOperations(ScimTransport transport, ResourceKind<T> kind) {
    super(transport, kind);
  }

  @Override
  public T create(T resource) {
    return create(resource, RequestOptions.defaults());
  }

  @Override
  public T create(T resource, RequestOptions options) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(options, "options");
    T body = kind().withDefaultSchemas(resource);
    ScimRequest request = ScimRequest.of("POST", kind().endpoint(), OperationClass.CREATE).withBody(body)
        .withOptions(options);
    try {
      return created(transport().send(request), body, options);
    } catch (ScimException failure) {
      if (!outcomeUnclear(failure)) {
        throw failure;
      }
      Optional<Filter> key = kind().uniqueKey(body);
      if (!key.isPresent()) {
        throw failure;
      }
      Optional<T> existing = lookUp(key.get(), options, failure);
      if (existing.isPresent()) {
        LOG.log(System.Logger.Level.WARNING, "SCIM POST " + kind().endpoint() + " failed without a clear outcome ("
            + failure.getClass().getSimpleName() + "); the resource exists, so the create had taken effect");
        return existing.get();
      }
      RetryPolicy policy = options.retryPolicy().orElse(transport().config().retryPolicy());
      if (policy.maxAttempts() < 2) {
        throw failure;
      }
      LOG.log(System.Logger.Level.WARNING, "SCIM POST " + kind().endpoint() + " failed without a clear outcome ("
          + failure.getClass().getSimpleName() + ") and the resource does not exist; sending the create once more");
      pause(policy.delayBeforeRetry(1, null), failure);
      try {
        return created(transport().send(request), body, options);
      } catch (ScimException second) {
        second.addSuppressed(failure);
        throw second;
      }
    }
  }

  /**
   * Returns whether a failed create may have taken effect: the request may have reached the service (a timeout or a
   * broken connection after connecting), or the service failed with a 5xx that is not a refusal under load (503,
   * {@code REQUEST_LIMIT_EXCEEDED}; 429 and the latter are {@code ScimRateLimitedException}s, not server exceptions).
   */
  static boolean outcomeUnclear(ScimException failure) {
    if (failure instanceof ScimServerException) {
      return ((ScimServerException) failure).status() != 503;
    }
    if (failure instanceof ScimClientException && failure.retryable()) {
      Throwable cause = failure.getCause();
      return !(cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
          || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException);
    }
    return false;
  }

  private Optional<T> lookUp(Filter key, RequestOptions options, ScimException failure) {
    try {
      Page<T> page = listPage(ListRequest.builder().filter(key).build(), options);
      if (page.resources().isEmpty()) {
        return Optional.empty();
      }
      String id = page.resources().get(0).id().orElse(null);
      return Optional.of(id == null ? page.resources().get(0) : get(id, options));
    } catch (ScimException lookUpFailure) {
      failure.addSuppressed(lookUpFailure);
      throw failure;
    }
  }

  private T created(ScimResponse response, T sent, RequestOptions options) {
    if (carriesResource(response)) {
      return response.read(kind().type());
    }
    Optional<Filter> key = kind().uniqueKey(sent);
    if (key.isPresent()) {
      Page<T> page = listPage(ListRequest.builder().filter(key.get()).build(), options);
      if (!page.resources().isEmpty()) {
        String id = page.resources().get(0).id().orElse(null);
        return id == null ? page.resources().get(0) : get(id, options);
      }
    }
    throw ScimErrorAccess.get().clientException("SCIM POST " + kind().endpoint() + " -> " + response.status()
        + ": the answer has no body and the created resource could not be found by its unique key [attempts="
        + response.attempts() + "]", null, response.attempts(), false);
  }

  private void pause(Duration delay, ScimException failure) {
    try {
      transport().config().sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }

  @Override
  public T replace(T resource) {
    return replace(resource, RequestOptions.defaults());
  }

  @Override
  public T replace(T resource, RequestOptions options) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(options, "options");
    String id = resource.id().orElseThrow(() -> new IllegalArgumentException(
        "replace needs the resource's id (PUT " + kind().endpoint() + "/{id}); read the resource or set its id"));
    T body = kind().withDefaultSchemas(resource);
    ScimRequest request = ScimRequest.of("PUT", resourcePath(id), OperationClass.REPLACE).withBody(body)
        .withOptions(options);
    return resultOrReadBack(transport().send(request), id, options);
  }

  @Override
  public T patch(String id, PatchRequest patch) {
    return patch(id, patch, RequestOptions.defaults());
  }

  @Override
  public T patch(String id, PatchRequest patch, RequestOptions options) {
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(options, "options");
    ScimRequest request = ScimRequest.of("PATCH", resourcePath(id), OperationClass.PATCH).withBody(patch)
        .withOptions(options);
    return resultOrReadBack(transport().send(request), id, options);
  }

  @Override
  public final void patchWithoutReadBack(String id, PatchRequest patch) {
    patchWithoutReadBack(id, patch, RequestOptions.defaults());
  }

  @Override
  public final void patchWithoutReadBack(String id, PatchRequest patch, RequestOptions options) {
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(options, "options");
    transport().send(ScimRequest.of("PATCH", resourcePath(id), OperationClass.PATCH).withBody(patch)
        .withOptions(options));
  }

  private T resultOrReadBack(ScimResponse response, String id, RequestOptions options) {
    if (response.status() != 204 && carriesResource(response)) {
      return response.read(kind().type());
    }
    return get(id, options);
  }

  /**
   * Returns whether the answer's body holds something other than nothing, whitespace or an empty object
   * ({@code {}}, what the Databricks reference pages show for PUT and PATCH).
   */
  static boolean carriesResource(ScimResponse response) {
    int length = response.bodyLength();
    int first = nextNonSpace(response, 0, length);
    if (first == length) {
      return false;
    }
    if (response.bodyByteAt(first) != '{') {
      return true;
    }
    int second = nextNonSpace(response, first + 1, length);
    return second == length || response.bodyByteAt(second) != '}'
        || nextNonSpace(response, second + 1, length) != length;
  }

  private static int nextNonSpace(ScimResponse response, int from, int length) {
    int i = from;
    while (i < length) {
      byte b = response.bodyByteAt(i);
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  @Override
  public void delete(String id) {
    delete(id, RequestOptions.defaults());
  }

  @Override
  public void delete(String id, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    transport().send(ScimRequest.of("DELETE", resourcePath(id), OperationClass.DELETE).withOptions(options));
  }
}
