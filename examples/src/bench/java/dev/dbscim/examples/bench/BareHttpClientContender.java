package dev.dbscim.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loop a developer writes by hand: a {@code java.net.http.HttpClient} (HTTP/1.1, otherwise defaults) and a plain
 * Jackson {@link ObjectMapper} reading each body as an {@link InputStream} into a {@link JsonNode} tree. No retries, no
 * rate limiting, no typed model.
 *
 * <p>With {@code directExecutor} the client is built with {@code executor(Runnable::run)}, so response handling runs on
 * the selector thread instead of being handed to the default cached thread pool: the cheapest configuration of the JDK
 * client, shown as a floor for what a JDK-based client can reach.
 *
 * <p>With {@code async} it calls {@code sendAsync(..).get(timeout)} instead of {@code send(..)}, as a client does that
 * wants one deadline over headers and body. The JDK's {@code HttpClientImpl.sendAsync} then adds
 * {@code whenCompleteAsync(.., ASYNC_POOL)} whenever an executor is configured, i.e. one more hand-off per request, to
 * the common pool, or to a new thread per request when the common pool's parallelism is 1 (2 CPUs); {@code send}
 * does not. This variant isolates that cost.
 *
 * <p>Listing asks for {@code count=100} and stops when a page has no {@code Resources} (like the official SDK: 101
 * requests).
 */
final class BareHttpClientContender implements Contender {
  // A hand-written loop brings its own mapper; the project's ScimJson is deliberately not used here.
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http;
  private final boolean directExecutor;
  private final boolean async;
  private final URI usersUri;
  private final String authorization;
  private long sequence;

  BareHttpClientContender(URI baseUri, String accountId, String token, boolean directExecutor) {
    this(baseUri, accountId, token, directExecutor, false);
  }

  BareHttpClientContender(URI baseUri, String accountId, String token, boolean directExecutor, boolean async) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (directExecutor) {
      builder.executor(Runnable::run);
    }
    this.http = builder.build();
    this.directExecutor = directExecutor;
    this.async = async;
    this.usersUri = baseUri.resolve("/api/2.0/accounts/" + accountId + "/scim/v2/Users");
    this.authorization = "Bearer " + token;
  }

  @Override
  public String name() {
    if (async) {
      return directExecutor ? "jdk-async-direct" : "jdk-async";
    }
    return directExecutor ? "jdk-bare-direct" : "jdk-bare";
  }

  @Override
  public int listAll() {
    int seen = 0;
    int startIndex = 1;
    while (true) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(usersUri + "?startIndex=" + startIndex + "&count=100"))
          .header("Authorization", authorization)
          .header("Accept", "application/json")
          .GET()
          .build();
      JsonNode page = send(request, 200);
      JsonNode resources = page.get("Resources");
      if (resources == null || resources.size() == 0) {
        return seen;
      }
      for (JsonNode user : resources) {
        if (user.hasNonNull("id")) {
          seen++;
        }
      }
      startIndex += resources.size();
    }
  }

  @Override
  public int create(int count) {
    int created = 0;
    for (int i = 0; i < count; i++) {
      long n = sequence++;
      ObjectNode user = mapper.createObjectNode();
      user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
      user.put("userName", "bare." + n + "@example.com");
      user.put("displayName", "Bare User " + n);
      user.putObject("name").put("givenName", "Bare").put("familyName", "User " + n);
      user.put("active", true);
      byte[] body;
      try {
        body = mapper.writeValueAsBytes(user);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      HttpRequest request = HttpRequest.newBuilder(usersUri)
          .header("Authorization", authorization)
          .header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      if (send(request, 201).hasNonNull("id")) {
        created++;
      }
    }
    return created;
  }

  private JsonNode send(HttpRequest request, int expectedStatus) {
    try {
      HttpResponse<InputStream> response = async
          ? http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS)
          : http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != expectedStatus) {
          throw new IllegalStateException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        return mapper.readTree(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // HttpClient is AutoCloseable only from Java 21; its threads end once it is unreachable.
  }
}
