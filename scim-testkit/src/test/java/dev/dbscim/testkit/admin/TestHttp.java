package dev.dbscim.testkit.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A tiny HTTP client for the admin and launcher tests. */
public final class TestHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper MAPPER = ScimJson.mapper();

  /** A status and the parsed JSON body (null when empty). */
  public static final class Reply {
    public final int status;
    public final String text;
    public final JsonNode json;
    public final HttpResponse<String> response;

    Reply(HttpResponse<String> response) {
      this.response = response;
      this.status = response.statusCode();
      this.text = response.body();
      try {
        this.json = text.isEmpty() ? null : MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  private TestHttp() {}

  /** Sends a request; {@code token} and {@code body} may be null. */
  public static Reply send(String method, URI uri, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    try {
      return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Reply get(URI base, String path) {
    return send("GET", base.resolve(path), null, null);
  }

  public static Reply post(URI base, String path, String body) {
    return send("POST", base.resolve(path), null, body);
  }
}
