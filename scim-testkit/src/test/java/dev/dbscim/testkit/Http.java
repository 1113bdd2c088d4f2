package dev.dbscim.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A tiny java.net.http client for the fake's tests. */
final class Http {
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper MAPPER = ScimJson.mapper();

  /** A response: status, headers, raw text and parsed JSON (null when the body is empty). */
  static final class Reply {
    final int status;
    final HttpHeaders headers;
    final String text;
    final JsonNode json;

    Reply(int status, HttpHeaders headers, String text) {
      this.status = status;
      this.headers = headers;
      this.text = text;
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

  private Http() {}

  static Reply send(String method, URI uri, String token, String body) {
    return send(method, uri, token, body, "application/json");
  }

  static Reply send(String method, URI uri, String token, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Calls the account SCIM API with the account token; {@code path} starts after {@code /scim/v2}. */
  static Reply account(FakeScimServer scim, String method, String path, String body) {
    return send(method, accountUri(scim, path), scim.accountToken(), body);
  }

  static URI accountUri(FakeScimServer scim, String path) {
    return scim.url().resolve("/api/2.0/accounts/" + scim.accountId() + "/scim/v2" + path);
  }

  /** Calls the workspace SCIM API of workspace {@code index} with its admin token. */
  static Reply workspace(FakeScimServer scim, int index, String method, String path, String body) {
    FakeWorkspace workspace = scim.workspace(index);
    return send(method, workspaceUri(workspace, path), workspace.adminToken(), body);
  }

  static URI workspaceUri(FakeWorkspace workspace, String path) {
    return workspace.url().resolve("/api/2.0/preview/scim/v2" + path);
  }
}
