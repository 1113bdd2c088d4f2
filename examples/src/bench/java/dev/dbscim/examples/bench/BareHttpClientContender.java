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
 * The loop a developer writes by hand: a {@code java.net.http.HttpClient} (HTTP/1.1) and a plain Jackson
 * {@link ObjectMapper} reading each body into a {@link JsonNode} tree. No retries, no rate limiting, no typed model.
 * Listing asks for {@code count=100} and stops when a page has no {@code Resources} (like the official SDK: 101
 * requests). The {@link Variant}s show what each choice in using the JDK client costs.
 */
final class BareHttpClientContender implements Contender {

  /** How the JDK client is configured and called. */
  enum Variant {
    /** {@code send}, default executor (a cached thread pool), body as an {@code InputStream}: the plain loop. */
    BARE("jdk-bare", false, false, false),
    /**
     * {@code send}, {@code executor(Runnable::run)} (response handling stays on the selector thread instead of being
     * handed to a pool thread), body as an {@code InputStream}.
     */
    DIRECT("jdk-bare-direct", true, false, false),
    /**
     * {@code send}, {@code executor(Runnable::run)}, body collected as a {@code byte[]} on the selector thread (no
     * blocking stream between the selector and the caller): the cheapest way found to use the JDK client.
     */
    DIRECT_BYTES("jdk-bytes-direct", true, false, true),
    /**
     * As {@link #DIRECT_BYTES} but {@code sendAsync(..).get(timeout)} instead of {@code send(..)}, as a client does
     * that wants one deadline over headers and body (dbscim's {@code ScimTransport} does). JDK 17's
     * {@code HttpClientImpl.sendAsync} then appends {@code whenCompleteAsync(.., ASYNC_POOL)} whenever an executor is
     * set, so every response takes one more hand-off: to the common pool, or, when the common pool's parallelism is 1
     * (2 CPUs), to a new thread per request ({@code CompletableFuture.ThreadPerTaskExecutor}). {@code send} passes no
     * executor and skips it. This variant isolates that cost.
     */
    ASYNC_DIRECT_BYTES("jdk-async-direct", true, true, true);

    final String label;
    final boolean directExecutor;
    final boolean async;
    final boolean bytes;

    Variant(String label, boolean directExecutor, boolean async, boolean bytes) {
      this.label = label;
      this.directExecutor = directExecutor;
      this.async = async;
      this.bytes = bytes;
    }
  }

  // A hand-written loop brings its own mapper; the project's ScimJson is deliberately not used here.
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http;
  private final Variant variant;
  private final URI usersUri;
  private final String authorization;
  private long sequence;

  BareHttpClientContender(URI baseUri, String accountId, String token, Variant variant) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (variant.directExecutor) {
      builder.executor(Runnable::run);
    }
    this.http = builder.build();
    this.variant = variant;
    this.usersUri = baseUri.resolve("/api/2.0/accounts/" + accountId + "/scim/v2/Users");
    this.authorization = "Bearer " + token;
  }

  @Override
  public String name() {
    return variant.label;
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
      if (variant.bytes) {
        HttpResponse<byte[]> response = variant.async
            ? http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS)
            : http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        checkStatus(response, expectedStatus);
        return mapper.readTree(response.body());
      }
      HttpResponse<InputStream> response = variant.async
          ? http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS)
          : http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        checkStatus(response, expectedStatus);
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

  private static void checkStatus(HttpResponse<?> response, int expectedStatus) {
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + response.request().uri());
    }
  }

  @Override
  public void close() {
    // HttpClient is AutoCloseable only from Java 21; its threads end once it is unreachable.
  }
}
