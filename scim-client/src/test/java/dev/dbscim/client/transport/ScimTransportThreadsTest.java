package dev.dbscim.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.error.ScimTimeoutException;
import dev.dbscim.client.internal.RequestThrottle;
import dev.dbscim.client.internal.ScimRequest;
import dev.dbscim.client.internal.ScimTransport;
import dev.dbscim.client.retry.RetryPolicy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport's threading: requests run on the caller's thread, and body deadlines need no thread per request. */
@Timeout(10)
class ScimTransportThreadsTest {
  static final int REQUESTS = 50;

  MockWebServer server;
  ScimTransport transport;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServers.start();
    transport = ScimTransport.create(ClientConfig.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .credentials(() -> "dapiTHREADS0123")
        .retryPolicy(RetryPolicy.none())
        .build(), RequestThrottle.none(), "/scim");
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  static MockResponse ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/scim+json")
        .body("{\"id\":\"u1\"}").build();
  }

  static ScimRequest getUser() {
    return ScimRequest.of("GET", "/Users/u1", OperationClass.GET);
  }

  @Test
  void send_sequentialRequests_startNoThreadPerRequest() {
    for (int i = 0; i <= REQUESTS; i++) {
      server.enqueue(ok());
    }
    // The first call starts the HTTP client's selector, the deadline watchdog and the server's connection thread.
    transport.send(getUser());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();

    for (int i = 0; i < REQUESTS; i++) {
      assertThat(transport.send(getUser()).status()).isEqualTo(200);
    }

    long started = threads.getTotalStartedThreadCount() - before;
    assertThat(started).as("threads started by %d requests", REQUESTS).isLessThanOrEqualTo(2);
  }

  @Test
  void send_afterStalledBodyTimedOut_nextCallSucceeds() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"a\":1}")
        .onResponseBody(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(ok());
    ScimRequest stalled = getUser().withOptions(RequestOptions.builder().timeout(Duration.ofMillis(200)).build());
    long began = System.nanoTime();

    assertThatThrownBy(() -> transport.send(stalled)).isExactlyInstanceOf(ScimTimeoutException.class)
        .hasMessageContaining("timed out after 200 ms");

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
    assertThat(transport.send(getUser()).json().path("id").asText()).isEqualTo("u1");
  }
}
