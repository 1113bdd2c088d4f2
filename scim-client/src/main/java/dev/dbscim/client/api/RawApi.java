package dev.dbscim.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.RawResponse;
import dev.dbscim.client.RequestOptions;

/**
 * The escape hatch for endpoints the SDK does not model. Calls still go through authentication, rate limiting,
 * retries, redaction and error mapping: an error answer is thrown as a
 * {@link dev.dbscim.client.error.ScimServiceException}, and only 2xx answers come back. Thread-safe.
 *
 * <pre>{@code
 * RawResponse perms = workspace.raw().send("GET", "/api/2.0/preview/permissionassignments");
 * JsonNode first = perms.json().path("permission_assignments").path(0);
 * }</pre>
 *
 * <p>Paths are absolute on the client's endpoint (they do not start below the SCIM base path), percent-encoded, and
 * may carry a query string; its parameters are decoded and sent again encoded with {@code %20} for spaces. The
 * method decides the rate-limit class and the retry rules: {@code GET}, {@code PUT} and {@code DELETE} are retried
 * like reads, {@code POST} and {@code PATCH} only when the service provably did not act.
 */
public interface RawApi {
  /**
   * Sends a call without a body.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
   * @param path the absolute path, such as {@code /api/2.0/preview/scim/v2/Me?attributes=userName}
   * @return the 2xx answer
   * @throws IllegalArgumentException for another method, or a path that does not start with {@code /}
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  RawResponse send(String method, String path);

  /**
   * Sends a call without a body, with per-call options; see {@link #send(String, String)}.
   *
   * @param method the HTTP method
   * @param path the absolute path
   * @param options the per-call options
   * @return the 2xx answer
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  RawResponse send(String method, String path, RequestOptions options);

  /**
   * Sends a call with a JSON body ({@code Content-Type: application/json}).
   *
   * @param method the HTTP method
   * @param path the absolute path
   * @param body the body
   * @return the 2xx answer
   * @throws IllegalArgumentException for an unknown method, or a path that does not start with {@code /}
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  RawResponse send(String method, String path, JsonNode body);

  /**
   * Sends a call with a JSON body and per-call options; see {@link #send(String, String, JsonNode)}.
   *
   * @param method the HTTP method
   * @param path the absolute path
   * @param body the body
   * @param options the per-call options
   * @return the 2xx answer
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  RawResponse send(String method, String path, JsonNode body, RequestOptions options);
}
