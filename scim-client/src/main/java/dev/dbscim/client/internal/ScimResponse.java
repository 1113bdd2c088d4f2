package dev.dbscim.client.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.ScimResource;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * A successful (2xx) answer from {@link ScimTransport}: status, headers and the complete body. Bodies are parsed
 * on demand straight from the received buffers, without joining them or making an intermediate string. Error answers never become a
 * {@code ScimResponse}; they are thrown.
 *
 * <p>Not public API; may change without notice.
 */
public final class ScimResponse {
  private final String method;
  private final String path;
  private final int status;
  private final HttpHeaders headers;
  private final ResponseBody body;
  private final int attempts;
  private final String requestId;
  private final ObjectReaderCache readers;

  ScimResponse(String method, String path, int status, HttpHeaders headers, ResponseBody body, int attempts,
      String requestId, ObjectReaderCache readers) {
    this.method = method;
    this.path = path;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.attempts = attempts;
    this.requestId = requestId;
    this.readers = readers;
  }

  /**
   * Returns the HTTP status, 200 to 299.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the response headers.
   *
   * @return the headers
   */
  public HttpHeaders headers() {
    return headers;
  }

  /**
   * Returns the body bytes; the array is shared, do not change it.
   *
   * @return the body; empty for 204 and other answers without a body
   */
  public byte[] bodyBytes() {
    return body.bytes();
  }

  /** Returns the body's length in bytes, without joining its buffers. */
  int bodyLength() {
    return body.length();
  }

  /** Returns one body byte, 0 to {@code bodyLength() - 1}, without joining the buffers. */
  byte bodyByteAt(int index) {
    return body.byteAt(index);
  }

  /**
   * Returns whether the answer had a non-empty body.
   *
   * @return true when there is a body
   */
  public boolean hasBody() {
    return body.length() > 0;
  }

  /**
   * Returns how many attempts the call took.
   *
   * @return at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns the request id from the response headers.
   *
   * @return the id, if present
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns the body as a JSON tree.
   *
   * @return the tree; a {@link MissingNode} when the body is empty
   * @throws dev.dbscim.client.error.ScimClientException when the body is not JSON
   */
  public JsonNode json() {
    if (body.length() == 0) {
      return MissingNode.getInstance();
    }
    return read(JsonNode.class);
  }

  /**
   * Returns the body read as the given type, parsed directly from the bytes.
   *
   * @param type the target type, such as {@code User} or {@code ListResponse<User>}
   * @param <T> the target type
   * @return the value
   * @throws dev.dbscim.client.error.ScimClientException when the body is empty, not JSON, or does not fit the type
   */
  public <T> T read(JavaType type) {
    if (body.length() == 0) {
      throw unusable("the body is empty", type.getRawClass());
    }
    return read(readers.reader(type), type.getRawClass());
  }

  /**
   * Returns the body read as the given class.
   *
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws dev.dbscim.client.error.ScimClientException when the body is empty, not JSON, or does not fit the type
   */
  public <T> T read(Class<T> type) {
    if (body.length() == 0) {
      throw unusable("the body is empty", type);
    }
    return read(readers.reader(type), type);
  }

  private <T> T read(ObjectReader reader, Class<?> rawType) {
    try {
      T value = body.read(reader);
      if (value == null) {
        throw unusable("the body is JSON null", rawType);
      }
      if (declaresErrorSchema(value)) {
        throw unusable("the body is a SCIM error, with a success status", rawType);
      }
      return value;
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      // The Jackson exception is not chained: its message may quote parts of the body.
      throw unusable(e.getClass().getSimpleName() + where, rawType);
    } catch (IOException e) {
      throw unusable(e.getClass().getSimpleName(), rawType);
    }
  }

  /**
   * Whether a value read from a success answer is a SCIM error message in disguise: a server that answers 200 with
   * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],...}} would otherwise read as an empty page (and
   * a sync would see an empty directory) or as an almost empty resource.
   */
  private static boolean declaresErrorSchema(Object value) {
    List<String> schemas;
    if (value instanceof ScimResource) {
      schemas = ((ScimResource) value).schemas();
    } else if (value instanceof ListResponse) {
      schemas = ((ListResponse<?>) value).schemas();
    } else {
      return false;
    }
    for (String schema : schemas) {
      if (SchemaUrns.ERROR.equalsIgnoreCase(schema)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a non-negative whole number from a JSON object answer, where an absent field means 0 (servers that omit
   * zero values, proto3 style). Anything else (no body, not an object, a value that is not a whole number, a negative
   * number) is an unusable answer: a caller that stops when the count is 0 must never read a malformed answer as 0.
   *
   * @param field the field name, such as {@code "permissions_migrated"}
   * @return the count
   * @throws dev.dbscim.client.error.ScimClientException when the answer does not carry a usable count
   */
  public long count(String field) {
    JsonNode answer = json();
    if (!answer.isObject()) {
      throw unusable(hasBody() ? "not a JSON object" : "the body is empty", "JSON object");
    }
    JsonNode value = answer.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw unusable("\"" + field + "\" is not a non-negative whole number", "JSON object");
    }
    return value.asLong();
  }

  /**
   * Returns the exception for an answer whose JSON is not the shape its API documents (a list field that is not an
   * array, an item without its id, a page token that repeats), in the same form as an unparseable body:
   * {@code SCIM GET /api/2.2/jobs/list -> 200: body is not a valid jobs list page (item 3 has no "job_id")
   * [attempts=1]}. Name fields in the problem, never quote values: the body may hold secrets.
   *
   * @param problem what is wrong with it
   * @param typeName what the body should have been, such as {@code "jobs list page"}
   * @return a {@link dev.dbscim.client.error.ScimClientException} to throw
   */
  public RuntimeException unusable(String problem, String typeName) {
    String message = "SCIM " + method + " " + path + " -> " + status + ": body is not a valid " + typeName + " ("
        + problem + ") [" + (requestId == null ? "" : "requestId=" + requestId + ", ") + "attempts=" + attempts + "]";
    return ScimErrorAccess.get().clientException(message, null, attempts, false);
  }

  private RuntimeException unusable(String problem, Class<?> rawType) {
    return unusable(problem, rawType.getSimpleName());
  }
}
