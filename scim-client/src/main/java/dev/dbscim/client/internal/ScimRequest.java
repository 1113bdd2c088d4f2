package dev.dbscim.client.internal;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call for {@link ScimTransport}: method, path relative to the transport's base path, ordered query parameters,
 * an optional body, the operation class for rate limiting and per-call options. Immutable; each {@code with...}
 * returns a copy.
 *
 * <pre>{@code
 * ScimRequest page = ScimRequest.of("GET", "/Users", OperationClass.LIST)
 *     .withQuery("filter", "userName eq \"ada@example.com\"")
 *     .withQuery("startIndex", "1");
 * }</pre>
 *
 * <p>Not public API; may change without notice.
 */
public final class ScimRequest {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final String method;
  private final String path;
  private final OperationClass operation;
  private final List<Map.Entry<String, String>> query;
  private final Object body;
  private final RequestOptions options;

  private ScimRequest(String method, String path, OperationClass operation, List<Map.Entry<String, String>> query,
      Object body, RequestOptions options) {
    this.method = method;
    this.path = path;
    this.operation = operation;
    this.query = query;
    this.body = body;
    this.options = options;
  }

  /**
   * Returns a request without query, body or options.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
   * @param path the encoded path relative to the transport's base path, starting with {@code /}; encode ids with
   *     {@link #pathSegment(String)}
   * @param operation the class of call for rate limiting
   * @return the request
   * @throws IllegalArgumentException for another method, or a path that does not start with {@code /} or contains a
   *     query, fragment or whitespace
   */
  public static ScimRequest of(String method, String path, OperationClass operation) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operation, "operation");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unsupported method: " + method);
    }
    if (!path.startsWith("/") || path.indexOf('?') >= 0 || path.indexOf('#') >= 0 || hasWhitespace(path)) {
      throw new IllegalArgumentException("path must start with / and hold no query, fragment or whitespace: " + path);
    }
    return new ScimRequest(method, path, operation, Collections.emptyList(), null, RequestOptions.defaults());
  }

  /** Returns whether the text holds a character of the regex class {@code \s}: space, tab, line breaks, form feed. */
  private static boolean hasWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a copy with one more query parameter, after those already added.
   *
   * @param name the parameter name, unencoded
   * @param value the parameter value, unencoded (spaces are sent as {@code %20})
   * @return the new request
   */
  public ScimRequest withQuery(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    List<Map.Entry<String, String>> more = new ArrayList<>(query.size() + 1);
    more.addAll(query);
    more.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    return new ScimRequest(method, path, operation, Collections.unmodifiableList(more), body, options);
  }

  /**
   * Returns a copy with a body: a {@code byte[]} is sent as is (it must be JSON), anything else is written with the
   * transport's mapper (a {@code JsonNode}, a model, a patch request).
   *
   * @param body the body
   * @return the new request
   */
  public ScimRequest withBody(Object body) {
    Objects.requireNonNull(body, "body");
    return new ScimRequest(method, path, operation, query, body, options);
  }

  /**
   * Returns a copy with per-call options.
   *
   * @param options the options
   * @return the new request
   */
  public ScimRequest withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options");
    return new ScimRequest(method, path, operation, query, body, options);
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Returns the encoded path relative to the base path.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the class of call for rate limiting.
   *
   * @return the operation class
   */
  public OperationClass operation() {
    return operation;
  }

  /**
   * Returns the query parameters in the order they were added, unencoded.
   *
   * @return the parameters
   */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /**
   * Returns the body to send.
   *
   * @return the body, if any
   */
  public Optional<Object> body() {
    return Optional.ofNullable(body);
  }

  /**
   * Returns the per-call options.
   *
   * @return the options; {@link RequestOptions#defaults()} unless set
   */
  public RequestOptions options() {
    return options;
  }

  /**
   * Returns the encoded query string without the {@code ?}, such as {@code filter=userName%20eq%20%22a%40b.c%22}.
   *
   * @return the query string; empty when there are no parameters
   */
  public String encodedQuery() {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> parameter : query) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(queryComponent(parameter.getKey())).append('=').append(queryComponent(parameter.getValue()));
    }
    return out.toString();
  }

  /**
   * Returns the path plus {@code ?query} when there are parameters.
   *
   * @return the encoded path and query
   */
  public String pathAndQuery() {
    String encodedQuery = encodedQuery();
    return encodedQuery.isEmpty() ? path : path + "?" + encodedQuery;
  }

  /**
   * Percent-encodes one query name or value as UTF-8; a space becomes {@code %20}, never {@code +}.
   *
   * @param text the raw text
   * @return the encoded text
   */
  public static String queryComponent(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
        .replace("%7E", "~");
  }

  /**
   * Percent-encodes one path segment, such as a resource id, so that {@code /}, {@code ?}, {@code #} and spaces in it
   * cannot change the request's meaning.
   *
   * @param segment the raw segment
   * @return the encoded segment
   */
  public static String pathSegment(String segment) {
    Objects.requireNonNull(segment, "segment");
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("not a usable path segment: '" + segment + "'");
    }
    return queryComponent(segment);
  }
}
