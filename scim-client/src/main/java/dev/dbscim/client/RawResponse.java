package dev.dbscim.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dbscim.client.internal.ScimErrorAccess;
import dev.dbscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful (2xx) answer to a call through the raw escape hatch, for endpoints the SDK does not model. Error
 * answers never arrive here: they are thrown as {@link dev.dbscim.client.error.ScimServiceException}s, as for every
 * other call. Immutable.
 */
public final class RawResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;

  private RawResponse(int status, Map<String, List<String>> headers, String body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Returns a response with the given parts; the SDK creates these, tests of caller code may too.
   *
   * @param status the HTTP status
   * @param headers the response headers by name (names compared ignoring case)
   * @param body the body text; empty when there is none
   * @return the response
   */
  public static RawResponse of(int status, Map<String, List<String>> headers, String body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    return new RawResponse(status, Collections.unmodifiableMap(copy), body);
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status, such as 200 or 204
   */
  public int status() {
    return status;
  }

  /**
   * Returns the response headers; lookups ignore the case of the name.
   *
   * @return the headers by name
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, if the header is present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the body as text.
   *
   * @return the body; empty when the answer had none
   */
  public String bodyText() {
    return body;
  }

  /**
   * Returns the body parsed as JSON.
   *
   * @return the JSON tree; a {@link MissingNode} when the body is empty
   * @throws dev.dbscim.client.error.ScimClientException when the body is not JSON
   */
  public JsonNode json() {
    if (body.trim().isEmpty()) {
      return MissingNode.getInstance();
    }
    try {
      return ScimJson.read(body, JsonNode.class);
    } catch (IllegalArgumentException e) {
      throw ScimErrorAccess.get().clientException("raw response body (" + status + ") is not JSON", null, 0, false);
    }
  }

  /**
   * Returns a description with the status, the header names and the body length, never header values or the body.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "RawResponse{status=" + status + ", headers=" + headers.keySet() + ", bodyChars=" + body.length() + "}";
  }
}
