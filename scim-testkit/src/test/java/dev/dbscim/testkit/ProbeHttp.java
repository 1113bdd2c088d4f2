package dev.dbscim.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A tiny java.net.http client returning the raw {@link HttpResponse}, shared by the fault, rate-limit and cached
 * read path tests.
 */
public final class ProbeHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ProbeHttp() {}

  public static HttpResponse<String> send(String method, URI uri, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> account(FakeScimServer scim, String method, String path, String body) {
    return send(method, scim.url().resolve("/api/2.0/accounts/" + scim.accountId() + "/scim/v2" + path),
        scim.accountToken(), body);
  }

  public static HttpResponse<String> workspace(FakeScimServer scim, String method, String path, String body) {
    return send(method, scim.workspace(0).url().resolve("/api/2.0/preview/scim/v2" + path),
        scim.workspace(0).adminToken(), body);
  }

  public static JsonNode json(HttpResponse<String> response) {
    return ScimJson.read(response.body(), JsonNode.class);
  }
}
