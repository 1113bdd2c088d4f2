package dev.dbscim.client.api;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.core.model.ScimResource;
import dev.dbscim.core.patch.PatchRequest;

/**
 * All SCIM operations on one kind of resource: the reads of {@link ResourceReadApi} plus {@code create},
 * {@code replace} (PUT), {@code patch} and {@code delete}. Implementations are thread-safe.
 *
 * <p>Writes return the typed resource even where Databricks answers without a body: after a PUT or PATCH answered
 * with 204 or an empty body, the client reads the resource with one more {@code GET}. On {@code create} and
 * {@code replace}, a resource without {@code schemas} gets the core schema URN of its type.
 *
 * <p><b>No duplicate creates.</b> A {@code POST} is never blindly repeated. When a create fails in a way that leaves
 * open whether the service acted (a timeout or dropped connection after the request went out, or a 5xx other than
 * 503 and the rate-limit answers), the client looks the resource up by its unique key ({@code userName} for users,
 * {@code displayName} for groups, {@code applicationId} or else {@code externalId} for service principals). If it
 * exists, it was created, and it is returned. If not, the create is sent once more when the retry policy allows
 * retries ({@link dev.dbscim.client.retry.RetryPolicy#maxAttempts()} above 1), after the policy's first backoff;
 * otherwise, or when there is no unique key to look up, the original exception is thrown.
 *
 * @param <T> the resource type
 */
public interface ResourceApi<T extends ScimResource> extends ResourceReadApi<T> {
  /**
   * Creates a resource ({@code POST /{Resource}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.3">RFC 7644 section 3.3</a>) and returns it as the
   * service stored it, with its id. See the class description for what happens when the outcome is unclear.
   *
   * @param resource the resource, without id; {@code schemas} is filled in when empty
   * @return the created resource
   * @throws dev.dbscim.client.error.ScimConflictException when the unique key is taken (409, scimType
   *     {@code uniqueness} or none)
   * @throws dev.dbscim.client.error.ScimBadRequestException when the service refuses the content (400, such as
   *     {@code invalidValue})
   * @throws dev.dbscim.client.error.ScimUnauthorizedException when the token is refused (401)
   * @throws dev.dbscim.client.error.ScimForbiddenException when the caller may not create it (403)
   * @throws dev.dbscim.client.error.ScimRateLimitedException when the service kept throttling after the retries
   * @throws dev.dbscim.client.error.ScimServerException for a 5xx answer the client could not resolve
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  T create(T resource);

  /**
   * Creates a resource with per-call options; see {@link #create(ScimResource)}.
   *
   * @param resource the resource, without id
   * @param options the per-call options
   * @return the created resource
   * @throws dev.dbscim.client.error.ScimConflictException when the unique key is taken (409)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  T create(T resource, RequestOptions options);

  /**
   * Replaces a resource with the given one ({@code PUT /{Resource}/{id}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.1">RFC 7644 section 3.5.1</a>), the id taken from
   * the resource, and returns the result. When the service answers 204 or with an empty body, the resource is read
   * back with a {@code GET}.
   *
   * <p>PUT replaces the whole resource: multi-valued attributes left out (such as a group's {@code members}) are
   * cleared. Prefer {@link #patch(String, PatchRequest)} for partial changes.
   *
   * @param resource the complete resource, with its id; {@code schemas} is filled in when empty
   * @return the replaced resource
   * @throws IllegalArgumentException when the resource has no id
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404)
   * @throws dev.dbscim.client.error.ScimBadRequestException when the service refuses the content (400, such as
   *     {@code mutability} or {@code invalidValue})
   * @throws dev.dbscim.client.error.ScimConflictException when a unique attribute clashes (409)
   * @throws dev.dbscim.client.error.ScimPreconditionFailedException when a version precondition fails (412)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  T replace(T resource);

  /**
   * Replaces a resource with per-call options (also used for the read-back); see {@link #replace(ScimResource)}.
   *
   * @param resource the complete resource, with its id
   * @param options the per-call options
   * @return the replaced resource
   * @throws IllegalArgumentException when the resource has no id
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  T replace(T resource, RequestOptions options);

  /**
   * Applies a PATCH request ({@code PATCH /{Resource}/{id}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2">RFC 7644 section 3.5.2</a>) and returns the
   * patched resource. When the service answers 204 or with an empty body, the resource is read back with a
   * {@code GET}.
   *
   * @param id the server-assigned id
   * @param patch the operations, such as from {@link dev.dbscim.core.patch.GroupPatch}
   * @return the patched resource
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404)
   * @throws dev.dbscim.client.error.ScimBadRequestException when an operation is refused (400, such as
   *     {@code invalidPath}, {@code noTarget}, {@code invalidValue} or {@code invalidSyntax})
   * @throws dev.dbscim.client.error.ScimConflictException when a unique attribute clashes (409)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   * @throws IllegalArgumentException when the id is blank
   */
  T patch(String id, PatchRequest patch);

  /**
   * Applies a PATCH request with per-call options (also used for the read-back); see
   * {@link #patch(String, PatchRequest)}.
   *
   * @param id the server-assigned id
   * @param patch the operations
   * @param options the per-call options
   * @return the patched resource
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  T patch(String id, PatchRequest patch, RequestOptions options);

  /**
   * Applies a PATCH request like {@link #patch(String, PatchRequest)} but neither reads the answer's body nor reads
   * the resource back: one request, for bulk changes (such as a sync) that do not need the result.
   *
   * <pre>{@code
   * users.patchWithoutReadBack(id, UserPatch.builder().active(false).build());
   * }</pre>
   *
   * @param id the server-assigned id
   * @param patch the operations
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404)
   * @throws dev.dbscim.client.error.ScimBadRequestException when an operation is refused (400)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   * @throws IllegalArgumentException when the id is blank
   */
  void patchWithoutReadBack(String id, PatchRequest patch);

  /**
   * Applies a PATCH request without reading the result, with per-call options; see
   * {@link #patchWithoutReadBack(String, PatchRequest)}.
   *
   * @param id the server-assigned id
   * @param patch the operations
   * @param options the per-call options
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  void patchWithoutReadBack(String id, PatchRequest patch, RequestOptions options);

  /**
   * Deletes a resource ({@code DELETE /{Resource}/{id}},
   * <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.6">RFC 7644 section 3.6</a>).
   *
   * @param id the server-assigned id
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404), for example because
   *     an earlier attempt already deleted it
   * @throws dev.dbscim.client.error.ScimForbiddenException when the caller may not delete it (403)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   * @throws IllegalArgumentException when the id is blank
   */
  void delete(String id);

  /**
   * Deletes a resource with per-call options; see {@link #delete(String)}.
   *
   * @param id the server-assigned id
   * @param options the per-call options
   * @throws dev.dbscim.client.error.ScimNotFoundException when no resource has that id (404)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  void delete(String id, RequestOptions options);
}
