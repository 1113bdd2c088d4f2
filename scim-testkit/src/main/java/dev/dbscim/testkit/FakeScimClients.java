package dev.dbscim.testkit;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Builds the scim-client clients a {@link FakeScimServer} hands out. All of them share one HTTP client owned by the
 * fake: a client's {@code close()} never closes a caller's HTTP client, so closing one leaves the fake and every other
 * client working, and {@link #close()} (called by the fake's own {@code close()}) releases it.
 */
final class FakeScimClients {
  private final Clock clock;
  private HttpClient httpClient;
  private boolean closed;

  FakeScimClients(Clock clock) {
    this.clock = clock;
  }

  ScimAccountClient account(URI endpoint, String accountId, Supplier<String> currentToken) {
    return ScimAccountClient.builder()
        .endpoint(endpoint)
        .accountId(accountId)
        .credentials(TokenCredentials.fromSupplier(currentToken))
        .httpClient(httpClient())
        .sleeper(Sleeper.noWait())
        .clock(clock)
        .retryPolicy(RetryPolicy.standard())
        .rateLimits(dev.dbscim.client.RateLimits.unlimited())
        .build();
  }

  ScimWorkspaceClient workspace(URI endpoint, String token) {
    CredentialsProvider credentials = TokenCredentials.of(token);
    return ScimWorkspaceClient.builder()
        .endpoint(endpoint)
        .credentials(credentials)
        .httpClient(httpClient())
        .sleeper(Sleeper.noWait())
        .clock(clock)
        .retryPolicy(RetryPolicy.standard())
        .rateLimits(dev.dbscim.client.RateLimits.unlimited())
        .build();
  }

  private synchronized HttpClient httpClient() {
    if (closed) {
      throw new IllegalStateException("the FakeScimServer is closed; it hands out no more clients");
    }
    if (httpClient == null) {
      // The settings scim-client uses for an HTTP client of its own: HTTP/1.1, never follow a redirect.
      httpClient = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }
    return httpClient;
  }

  /** Releases the shared HTTP client on Java 21 and later; older JDKs release it when it becomes unreachable. */
  synchronized void close() {
    closed = true;
    Object client = httpClient;
    httpClient = null;
    if (client instanceof AutoCloseable) {
      try {
        ((AutoCloseable) client).close();
      } catch (Exception e) {
        // Nothing left to do: the fake's hosts are closed and the client's threads end with it.
      }
    }
  }
}
