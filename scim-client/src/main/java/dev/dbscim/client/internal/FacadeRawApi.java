package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RawResponse;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.RawApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@link RawApi} implementation over a transport without base path. Not public API; may change without notice.
 */
public final class FacadeRawApi implements RawApi {
  private final ScimTransport transport;

  /**
   * Creates the API.
   *
   * @param transport a transport whose base path is empty, so paths are absolute on the endpoint
   */
  public FacadeRawApi(ScimTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  @Override
  public RawResponse send(String method, String path) {
    return send(method, path, RequestOptions.defaults());
  }

  @Override
  public RawResponse send(String method, String path, RequestOptions options) {
    return transport.sendRaw(request(method, path, options));
  }

  @Override
  public RawResponse send(String method, String path, JsonNode body) {
    return send(method, path, body, RequestOptions.defaults());
  }

  @Override
  public RawResponse send(String method, String path, JsonNode body, RequestOptions options) {
    Objects.requireNonNull(body, "body");
    return transport.sendRaw(request(method, path, options).withBody(body));
  }

  private static ScimRequest request(String method, String path, RequestOptions options) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    int question = path.indexOf('?');
    String bare = question < 0 ? path : path.substring(0, question);
    ScimRequest request = ScimRequest.of(method, bare, operationOf(method)).withOptions(options);
    if (question >= 0) {
      for (String pair : path.substring(question + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        request = request.withQuery(decode(name), decode(value));
      }
    }
    return request;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static OperationClass operationOf(String method) {
    switch (method) {
      case "POST":
        return OperationClass.CREATE;
      case "PUT":
        return OperationClass.REPLACE;
      case "PATCH":
        return OperationClass.PATCH;
      case "DELETE":
        return OperationClass.DELETE;
      default:
        return OperationClass.GET;
    }
  }

  @Override
  public String toString() {
    return "RawApi";
  }
}
