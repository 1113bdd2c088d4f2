package dev.dbscim.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimServerException;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.error.ScimTimeoutException;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hostile server behind every facade operation: malformed or truncated bodies, HTML pages, stalls, bodies over the
 * limit, SCIM errors with a 200 and redirects. Each answer ends in a typed {@link ScimException} within the configured
 * timeouts, and the token is never in the message nor sent anywhere else.
 */
@Timeout(60)
class HostileServerTest {
  static final String TOKEN = "dapiHOSTILESENTINEL0123456789";
  static final String BASE = "/api/2.0/accounts/acc-1/scim/v2";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ScimAccountClient client(Consumer<ScimAccountClient.Builder> customizer) {
    return client(server, customizer);
  }

  static ScimAccountClient client(MockWebServer server, Consumer<ScimAccountClient.Builder> customizer) {
    ScimAccountClient.Builder builder = ScimAccountClient.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .accountId("acc-1")
        .credentials(TokenCredentials.of(TOKEN))
        .sleeper(Sleeper.noWait())
        .rateLimits(RateLimits.unlimited())
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(REQUEST_TIMEOUT);
    customizer.accept(builder);
    return builder.build();
  }

  /** Every facade operation whose answer is read, as a thunk; each consumes exactly one answer. */
  static Map<String, Consumer<ScimAccountClient>> operations() {
    Map<String, Consumer<ScimAccountClient>> operations = new LinkedHashMap<>();
    operations.put("users.get", c -> c.users().get("101"));
    operations.put("users.find", c -> c.users().find("101"));
    operations.put("users.list", c -> c.users().list().iterator().next());
    operations.put("users.create", c -> c.users().create(User.builder().userName("ada@example.com").build()));
    operations.put("groups.patch", c -> c.groups().patch("7", GroupPatch.builder().addMember("101").build()));
    operations.put("groups.replace", c -> c.groups().replace(Group.builder().id("7").displayName("eng").build()));
    operations.put("groups.delete", c -> c.groups().delete("7"));
    operations.put("servicePrincipals.list", c -> c.servicePrincipals().listPage(
        dev.dbscim.client.api.ListRequest.builder().build()));
    operations.put("raw.get", c -> c.raw().send("GET", "/Users/101").json());
    return operations;
  }

  /** Hostile answers that must end in a typed exception for every operation (a delete reads no body). */
  static Map<String, Supplier<MockResponse>> faults() {
    Map<String, Supplier<MockResponse>> faults = new LinkedHashMap<>();
    faults.put("malformed JSON", () -> json(200, "{\"id\":\"101\",\"userName\":"));
    faults.put("HTML error page", () -> new MockResponse.Builder().code(502)
        .addHeader("Content-Type", "text/html").body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
    faults.put("truncated body", () -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body("{\"id\":\"101\",\"Resources\":[")
        .setHeader("Content-Length", 1000).onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
    faults.put("headers never come", () -> new MockResponse.Builder().code(200)
        .headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    faults.put("body stalls", () -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body("{\"id\":\"101\",\"userName\":\"a\"}")
        .onResponseBody(SocketEffect.Stall.INSTANCE).build());
    faults.put("socket closed before headers", () -> new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    return faults;
  }

  @Test
  void everyOperation_everyHostileAnswer_throwsTypedExceptionInTimeWithoutTheToken() throws IOException {
    List<String> outcomes = new ArrayList<>();
    for (Map.Entry<String, Supplier<MockResponse>> fault : faults().entrySet()) {
      boolean stalls = fault.getKey().matches("headers.*|body stalls");
      Duration timeout = stalls ? Duration.ofMillis(300) : Duration.ofSeconds(5);
      for (Map.Entry<String, Consumer<ScimAccountClient>> operation : operations().entrySet()) {
        // A fresh server per case that gives every request (a create's follow-up look-up too) the hostile answer, so
        // no answer meant for one case is left to the next.
        try (MockWebServer hostile = LoopbackServers.start()) {
          hostile.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return fault.getValue().get();
            }
          });
          long started = System.nanoTime();
          Throwable thrown;
          try (ScimAccountClient client = client(hostile, b -> b.requestTimeout(timeout))) {
            thrown = catchThrowable(() -> operation.getValue().accept(client));
          }
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          String what = operation.getKey() + " / " + fault.getKey();
          if (operation.getKey().endsWith("delete") && fault.getKey().matches("malformed.*|truncated.*|body.*")) {
            // DELETE reads no body: a 200 with any body is a success.
            outcomes.add(what + " -> " + thrown);
            continue;
          }
          assertThat(thrown).as(what).isInstanceOf(ScimException.class);
          assertThat(String.valueOf(thrown)).as(what).doesNotContain(TOKEN);
          assertThat(millis).as(what + " took").isLessThan(3 * timeout.toMillis() + 5_000);
          if (stalls) {
            assertThat(thrown).as(what).isInstanceOf(ScimTimeoutException.class);
          } else {
            assertThat(thrown).as(what).isNotInstanceOf(ScimTimeoutException.class);
          }
          outcomes.add(what + " -> " + thrown.getClass().getSimpleName());
        }
      }
    }
    assertThat(outcomes).hasSize(faults().size() * operations().size());
  }

  @Test
  void get_htmlPageWith200_throwsClientException() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<!doctype html><html><body>Sign in</body></html>").build());

    try (ScimAccountClient client = client(b -> {})) {
      assertThatThrownBy(() -> client.users().get("101")).isExactlyInstanceOf(ScimClientException.class);
    }
  }

  @Test
  void everyRead_scimErrorBodyWith200_throwsClientExceptionInsteadOfAnEmptyPageOrResource() {
    String error = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
        + "\"detail\":\"REQUEST_LIMIT_EXCEEDED: try later\",\"status\":\"500\"}";
    Map<String, Consumer<ScimAccountClient>> reads = new LinkedHashMap<>();
    reads.put("users.list", c -> c.users().list().iterator().hasNext());
    reads.put("groups.list", c -> c.groups().list().iterator().hasNext());
    reads.put("servicePrincipals.listPage", c -> c.servicePrincipals().listPage(
        dev.dbscim.client.api.ListRequest.builder().build()));
    reads.put("users.get", c -> c.users().get("101"));
    reads.put("groups.get", c -> c.groups().get("7"));
    reads.put("servicePrincipals.get", c -> c.servicePrincipals().get("9"));
    reads.put("groups.patch", c -> c.groups().patch("7", GroupPatch.builder().addMember("101").build()));
    for (Map.Entry<String, Consumer<ScimAccountClient>> read : reads.entrySet()) {
      server.enqueue(json(200, error));
      try (ScimAccountClient client = client(b -> {})) {
        assertThatThrownBy(() -> read.getValue().accept(client)).as(read.getKey())
            .isExactlyInstanceOf(ScimClientException.class);
      }
    }
  }

  @Test
  void get_bodyOverTheDefaultLimit_throwsClientExceptionWithoutReadingItAll() {
    Buffer huge = new Buffer();
    huge.writeUtf8("{\"id\":\"101\",\"userName\":\"a\",\"padding\":\"");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'x');
    for (int i = 0; i < 65; i++) {
      huge.write(chunk);
    }
    huge.writeUtf8("\"}");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(huge)
        .build());

    try (ScimAccountClient client = client(b -> b.requestTimeout(Duration.ofSeconds(20)))) {
      assertThatThrownBy(() -> client.users().get("101")).isExactlyInstanceOf(ScimClientException.class)
          .hasMessageContaining("maxResponseBytes");
    }
  }

  @Test
  void headersNeverCome_withRetries_throwsTimeoutAfterEveryAttempt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).headersDelay(30, TimeUnit.SECONDS).build());
    }

    try (ScimAccountClient client = client(b -> b.retryPolicy(RetryPolicy.standard())
        .requestTimeout(Duration.ofMillis(300)))) {
      ScimTimeoutException e = (ScimTimeoutException) catchThrowable(() -> client.users().get("101"));

      assertThat(e.attempts()).isEqualTo(3);
    }
  }

  @Test
  void redirectToAnotherHost_isNotFollowedAndTheTokenStaysHome() throws Exception {
    try (MockWebServer other = LoopbackServers.start()) {
      other.enqueue(json(200, "{\"id\":\"101\",\"userName\":\"a\"}"));
      for (int code : new int[] {301, 302, 303, 307, 308}) {
        server.enqueue(new MockResponse.Builder().code(code)
            .addHeader("Location", "http://localhost:" + other.getPort() + BASE + "/Users/101").build());
        try (ScimAccountClient client = client(b -> {})) {
          Throwable thrown = catchThrowable(() -> client.users().get("101"));

          assertThat(thrown).as("status %s", code).isInstanceOf(ScimServiceException.class)
              .isNotInstanceOf(ScimServerException.class);
          assertThat(((ScimServiceException) thrown).status()).isEqualTo(code);
        }
      }
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  void build_callersHttpClientFollowingRedirects_isRefused() {
    for (HttpClient.Redirect redirect : new HttpClient.Redirect[] {HttpClient.Redirect.NORMAL,
        HttpClient.Redirect.ALWAYS}) {
      HttpClient following = HttpClient.newBuilder().followRedirects(redirect).build();

      assertThatThrownBy(() -> client(b -> b.httpClient(following))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Redirect.NEVER");
    }
  }

  @Test
  void build_plainHttpToNonLoopbackHost_isRefusedSoTheTokenNeverTravelsInClear() {
    for (String endpoint : new String[] {"http://accounts.cloud.databricks.com", "http://10.0.0.1:8080",
        "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://[::ffff:8.8.8.8]", "http://0x7f000001",
        "HTTP://accounts.example.com"}) {
      assertThatThrownBy(() -> ScimAccountClient.builder().endpoint(URI.create(endpoint)).accountId("a")
          .credentials(TokenCredentials.of(TOKEN)).build())
          .as(endpoint).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/scim+json").body(body).build();
  }
}
