package dev.dbscim.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The floor under every client built on {@code java.net.http.HttpClient}: the same requests as the other contenders
 * with no JSON at all. The client is configured the cheapest way found ({@link BareHttpClientContender.Variant#DIRECT}:
 * HTTP/1.1, {@code executor(Runnable::run)}, {@code send}), with no request timeout and
 * {@link HttpClient.Builder#NO_PROXY}; each request carries only {@code Authorization} (and {@code Content-Type} on a
 * POST); bodies are discarded unread.
 *
 * <ul>
 *   <li>{@link #listAll()} GETs the 100 pages of 100 users (a stop at the first empty page would need the body parsed)
 *       and counts 100 users per 200 answer that declares a non-empty body.</li>
 *   <li>{@link #create(int)} POSTs one fixed, pre-encoded user of the same size as the other contenders' (no
 *       serialisation) and counts the 201 answers.</li>
 * </ul>
 *
 * <p>A client that parses and builds JSON cannot be cheaper than this on any figure; the ratios of this row to the
 * official SDK's are the best any {@code HttpClient}-based client can reach on this machine.
 */
final class JdkFloorContender implements Contender {
  private static final byte[] USER = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
      + "\"userName\":\"floor.0000@example.com\",\"displayName\":\"Floor User 0000\","
      + "\"name\":{\"givenName\":\"Floor\",\"familyName\":\"User 0000\"},\"active\":true}")
      .getBytes(StandardCharsets.UTF_8);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .executor(Runnable::run)
      .proxy(HttpClient.Builder.NO_PROXY)
      .build();
  private final URI usersUri;
  private final URI[] pages;
  private final String authorization;

  JdkFloorContender(URI baseUri, String accountId, String token, int users) {
    this.usersUri = baseUri.resolve("/api/2.0/accounts/" + accountId + "/scim/v2/Users");
    this.pages = new URI[(users + BenchScimServer.PAGE_CAP - 1) / BenchScimServer.PAGE_CAP];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = URI.create(usersUri + "?startIndex=" + (1 + i * BenchScimServer.PAGE_CAP) + "&count=100");
    }
    this.authorization = "Bearer " + token;
  }

  @Override
  public String name() {
    return "jdk-floor";
  }

  @Override
  public int listAll() {
    int seen = 0;
    for (URI page : pages) {
      HttpResponse<Void> response = send(HttpRequest.newBuilder(page)
          .header("Authorization", authorization)
          .GET()
          .build());
      if (response.statusCode() == 200 && response.headers().firstValueAsLong("content-length").orElse(0) > 0) {
        seen += BenchScimServer.PAGE_CAP;
      }
    }
    return seen;
  }

  @Override
  public int create(int count) {
    int created = 0;
    for (int i = 0; i < count; i++) {
      HttpResponse<Void> response = send(HttpRequest.newBuilder(usersUri)
          .header("Authorization", authorization)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(USER))
          .build());
      if (response.statusCode() == 201) {
        created++;
      }
    }
    return created;
  }

  private HttpResponse<Void> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // HttpClient is AutoCloseable only from Java 21; its threads end once it is unreachable.
  }
}
