package dev.dbscim.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimTimeoutException;
import dev.dbscim.client.internal.LoopbackHosts;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OAuthCredentialsTest {
  private static final String CLIENT_ID = "4f1c2d3e-client";
  private static final String SECRET = "dose-SENTINEL-SECRET-91b2";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Sleeper recordingSleeper = sleeps::add;
  private MockWebServer server;
  private URI base;

  @BeforeEach
  void startServer() throws IOException {
    server = LoopbackServers.start();
    base = server.url("/").uri();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void bearerToken_accountEndpoint_sendsClientCredentialsRequest() throws InterruptedException {
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(OAuthCredentials.accountTokenEndpoint(base, "acc-123")).build();

    String token = credentials.bearerToken();

    assertThat(token).isEqualTo("tok-1");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/oidc/accounts/acc-123/v1/token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + basic(CLIENT_ID + ":" + SECRET));
    assertThat(request.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=all-apis");
  }

  @Test
  void bearerToken_workspaceEndpoint_postsToOidcTokenPath() throws InterruptedException {
    server.enqueue(token("tok-ws", 3600));
    OAuthCredentials credentials = credentials(OAuthCredentials.workspaceTokenEndpoint(base)).build();

    assertThat(credentials.bearerToken()).isEqualTo("tok-ws");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oidc/v1/token");
  }

  @Test
  void bearerToken_reservedCharactersInIdSecretAndScope_areFormEncoded() throws InterruptedException {
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials =
        OAuthCredentials.builder()
            .tokenEndpoint(OAuthCredentials.workspaceTokenEndpoint(base))
            .clientId("id:with space")
            .clientSecret("s3cr:t/+&=")
            .scope("all-apis offline_access")
            .clock(clock)
            .sleeper(recordingSleeper)
            .build();

    credentials.bearerToken();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Basic " + basic("id%3Awith+space:s3cr%3At%2F%2B%26%3D"));
    assertThat(request.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&scope=all-apis+offline_access");
  }

  @Test
  void bearerToken_secondCall_usesCacheWithoutRequest() {
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();

    String first = credentials.bearerToken();
    clock.advance(Duration.ofMinutes(30));
    String second = credentials.bearerToken();

    assertThat(first).isEqualTo("tok-1");
    assertThat(second).isEqualTo("tok-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bearerToken_withinRefreshMargin_fetchesNewTokenBeforeExpiry() {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(token("tok-2", 3600));
    OAuthCredentials credentials = credentials(workspace()).refreshMargin(Duration.ofMinutes(5)).build();
    credentials.bearerToken();

    clock.advance(Duration.ofSeconds(3600 - 301));
    String beforeMargin = credentials.bearerToken();
    clock.advance(Duration.ofSeconds(1));
    String atMargin = credentials.bearerToken();

    assertThat(beforeMargin).isEqualTo("tok-1");
    assertThat(atMargin).isEqualTo("tok-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void bearerToken_expiredToken_isFetchedAgain() {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(token("tok-2", 3600));
    OAuthCredentials credentials = credentials(workspace()).refreshMargin(Duration.ZERO).build();
    credentials.bearerToken();

    clock.advance(Duration.ofSeconds(3599));
    String justBefore = credentials.bearerToken();
    clock.advance(Duration.ofSeconds(1));
    String atExpiry = credentials.bearerToken();

    assertThat(justBefore).isEqualTo("tok-1");
    assertThat(atExpiry).isEqualTo("tok-2");
  }

  @Test
  void bearerToken_shortLivedToken_refreshesNoEarlierThanHalfItsLifetime() {
    server.enqueue(token("tok-1", 60));
    server.enqueue(token("tok-2", 60));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();

    clock.advance(Duration.ofSeconds(29));
    String early = credentials.bearerToken();
    clock.advance(Duration.ofSeconds(1));
    String half = credentials.bearerToken();

    assertThat(early).isEqualTo("tok-1");
    assertThat(half).isEqualTo("tok-2");
  }

  @Test
  void bearerToken_missingExpiresIn_assumesOneHour() {
    server.enqueue(json(200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\"}"));
    server.enqueue(token("tok-2", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();

    clock.advance(Duration.ofMinutes(55).minusSeconds(1));
    String cached = credentials.bearerToken();
    clock.advance(Duration.ofSeconds(1));
    String refreshed = credentials.bearerToken();

    assertThat(cached).isEqualTo("tok-1");
    assertThat(refreshed).isEqualTo("tok-2");
  }

  @Test
  void bearerToken_expiresInAsString_isAccepted() {
    server.enqueue(json(200, "{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":\"120\"}"));
    server.enqueue(token("tok-2", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();

    clock.advance(Duration.ofSeconds(60));

    assertThat(credentials.bearerToken()).isEqualTo("tok-2");
  }

  @Test
  void bearerToken_sixteenConcurrentCallers_shareOneTokenRequest() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(blockingDispatcher(requestArrived, release, token("tok-shared", 3600)));
    OAuthCredentials credentials = credentials(workspace()).build();
    Queue<String> tokens = new ConcurrentLinkedQueue<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        Thread thread = new Thread(() -> {
          try {
            tokens.add(credentials.bearerToken());
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        threads.add(thread);
        thread.start();
      }
      assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();
      awaitAllWaiting(threads);
    } finally {
      release.countDown();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    assertThat(tokens).hasSize(16).containsOnly("tok-shared");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bearerToken_concurrentCallersDuringFailedFetch_allSeeTheFailure() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(blockingDispatcher(
        requestArrived, release, json(400, "{\"error\":\"invalid_client\"}")));
    OAuthCredentials credentials = credentials(workspace()).build();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Thread thread = new Thread(() -> {
          try {
            credentials.bearerToken();
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        threads.add(thread);
        thread.start();
      }
      assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();
      awaitAllWaiting(threads);
    } finally {
      release.countDown();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).hasSize(8).allSatisfy(e -> assertThat(e)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("invalid_client"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bearerToken_whileRefreshRuns_callerWithUnexpiredTokenDoesNotWait() throws Exception {
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(blockingDispatcher(requestArrived, release, token("tok-2", 3600)));
    clock.advance(Duration.ofMinutes(58));
    AtomicReference<String> refresherResult = new AtomicReference<>();
    Thread refresher = new Thread(() -> refresherResult.set(credentials.bearerToken()));
    String meanwhile;
    try {
      refresher.start();
      assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();
      meanwhile = credentials.bearerToken();
    } finally {
      release.countDown();
    }
    refresher.join();

    assertThat(meanwhile).isEqualTo("tok-1");
    assertThat(refresherResult.get()).isEqualTo("tok-2");
    assertThat(credentials.bearerToken()).isEqualTo("tok-2");
  }

  @Test
  void bearerToken_earlyRefreshFails_keepsValidTokenAndRetriesLater() {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(json(400, "{\"error\":\"temporarily_unavailable\"}"));
    server.enqueue(json(400, "{\"error\":\"temporarily_unavailable\"}"));
    server.enqueue(json(400, "{\"error\":\"invalid_client\"}"));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();
    clock.advance(Duration.ofMinutes(56));

    String duringFailedRefresh = credentials.bearerToken();
    String rightAfter = credentials.bearerToken();
    int requestsAfterFirstFailure = server.getRequestCount();
    clock.advance(Duration.ofSeconds(10));
    String afterRetryDelay = credentials.bearerToken();
    int requestsAfterSecondFailure = server.getRequestCount();
    clock.advance(Duration.ofMinutes(4));

    assertThat(duringFailedRefresh).isEqualTo("tok-1");
    assertThat(rightAfter).isEqualTo("tok-1");
    assertThat(requestsAfterFirstFailure).isEqualTo(2);
    assertThat(afterRetryDelay).isEqualTo("tok-1");
    assertThat(requestsAfterSecondFailure).isEqualTo(3);
    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("invalid_client");
  }

  @Test
  void invalidate_cachedToken_forcesNewRequest() {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(token("tok-2", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();

    credentials.invalidate("tok-1");

    assertThat(credentials.bearerToken()).isEqualTo("tok-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void invalidate_tokenAlreadyReplaced_keepsCurrentToken() {
    server.enqueue(token("tok-1", 3600));
    server.enqueue(token("tok-2", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();
    credentials.invalidate("tok-1");
    credentials.bearerToken();

    credentials.invalidate("tok-1");
    credentials.invalidate("never-issued");

    assertThat(credentials.bearerToken()).isEqualTo("tok-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void bearerToken_invalidClient400_throwsClientExceptionNamingHostAndErrorButNotSecret() {
    server.enqueue(json(400,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .isNotInstanceOf(ScimTimeoutException.class)
        .hasMessageContaining(base.getAuthority())
        .hasMessageContaining("/oidc/v1/token")
        .hasMessageContaining("HTTP 400 invalid_client: Client authentication failed")
        .satisfies(e -> assertNoSecrets(e, "tok-"))
        .satisfies(e -> assertThat(((ScimClientException) e).attempts()).isEqualTo(1))
        .satisfies(e -> assertThat(((ScimClientException) e).retryable()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bearerToken_unauthorized401WithDatabricksErrorCode_namesTheCode() {
    server.enqueue(json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Invalid client secret\"}"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("HTTP 401 UNAUTHENTICATED: Invalid client secret")
        .satisfies(e -> assertNoSecrets(e, "unused"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bearerToken_serverEchoesSecret_messageMasksIt() {
    server.enqueue(json(400, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET + "\"}"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("bad secret ****")
        .satisfies(e -> assertNoSecrets(e, "unused"));
  }

  @Test
  void bearerToken_errorFieldInSuccessResponse_throwsClientException() {
    server.enqueue(json(200, "{\"error\":\"invalid_scope\",\"access_token\":\"tok-x\"}"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("HTTP 200 invalid_scope")
        .satisfies(e -> assertNoSecrets(e, "tok-x"));
  }

  @Test
  void bearerToken_status500_failsWithoutRetryAndIsRetryable() {
    server.enqueue(new MockResponse.Builder().code(500).body("<html>oops</html>").build());
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("not JSON")
        .satisfies(e -> assertThat(((ScimClientException) e).retryable()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void bearerToken_status503ThenSuccess_retriesAfterPause() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThat(credentials.bearerToken()).isEqualTo("tok-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void bearerToken_status429Repeatedly_givesUpAfterThreeAttemptsHonouringRetryAfter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    }
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("HTTP 429")
        .hasMessageContaining("attempts=3")
        .satisfies(e -> assertThat(((ScimClientException) e).attempts()).isEqualTo(3))
        .satisfies(e -> assertThat(((ScimClientException) e).retryable()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void bearerToken_retryAfterAsHttpDate_waitsUntilThatDateOnTheClock() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Thu, 01 Jan 2026 00:00:07 GMT")
        .build());
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThat(credentials.bearerToken()).isEqualTo("tok-1");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void bearerToken_retryAfterBeyondThePolicyCap_waitsOnlyTheCap() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "86400").build());
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThat(credentials.bearerToken()).isEqualTo("tok-1");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void bearerToken_customRetryPolicy_decidesAttemptsAndWaits() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }
    server.enqueue(token("tok-1", 3600));
    OAuthCredentials credentials = credentials(workspace()).retryPolicy(RetryPolicy.builder().maxAttempts(5)
        .baseDelay(Duration.ofMillis(100)).jitter(() -> 1.0).build()).build();

    assertThat(credentials.bearerToken()).isEqualTo("tok-1");
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(800));
  }

  @Test
  void bearerToken_retryPolicyNone_failsAfterOneAttempt() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    OAuthCredentials credentials = credentials(workspace()).retryPolicy(RetryPolicy.none()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("attempts=1");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void bearerToken_connectionRefused_retriesThenThrowsRetryableClientException() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start(InetAddress.getLoopbackAddress(), 0);
    URI endpoint = OAuthCredentials.workspaceTokenEndpoint(closed.url("/").uri());
    closed.close();
    OAuthCredentials credentials = credentials(endpoint).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("attempts=3")
        .hasCauseInstanceOf(IOException.class)
        .satisfies(e -> assertThat(((ScimClientException) e).retryable()).isTrue());
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void bearerToken_noAnswerWithinRequestTimeout_throwsTimeoutExceptionWithoutRetry() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(blockingDispatcher(requestArrived, release, token("late", 3600)));
    // Long enough that connecting to loopback never takes it all on a loaded machine: a connect timeout is retried
    // (nothing was sent), which is right, but is not what this test is about.
    OAuthCredentials credentials = credentials(workspace()).requestTimeout(Duration.ofSeconds(2)).build();

    try {
      assertThatThrownBy(credentials::bearerToken)
          .isInstanceOf(ScimTimeoutException.class)
          .hasMessageContaining("attempts=1");
    } finally {
      release.countDown();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void bearerToken_malformedJson_throwsClientException() {
    server.enqueue(json(200, "{\"access_token\": tok-malformed-77"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("not a JSON object")
        .satisfies(e -> assertNoSecrets(e, "tok-malformed-77"));
  }

  @Test
  void bearerToken_missingAccessToken_throwsClientException() {
    server.enqueue(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("no access_token");
  }

  @Test
  void bearerToken_unusableTokenFields_throwClientException() {
    server.enqueue(json(200, "{\"access_token\":\"tok-mac\",\"token_type\":\"mac\",\"expires_in\":3600}"));
    server.enqueue(json(200, "{\"access_token\":\"tok-1\",\"expires_in\":\"soon\"}"));
    server.enqueue(json(200, "{\"access_token\":\"tok-1\",\"expires_in\":0}"));
    server.enqueue(json(200, "{\"access_token\":\"tok\\r\\nX: y\",\"expires_in\":3600}"));
    OAuthCredentials credentials = credentials(workspace()).build();

    assertThatThrownBy(credentials::bearerToken).hasMessageContaining("token_type is not Bearer")
        .satisfies(e -> assertNoSecrets(e, "tok-mac"));
    assertThatThrownBy(credentials::bearerToken).hasMessageContaining("expires_in is not a number");
    assertThatThrownBy(credentials::bearerToken).hasMessageContaining("expires_in is out of range");
    assertThatThrownBy(credentials::bearerToken).isInstanceOf(ScimClientException.class)
        .hasMessageContaining("control character");
  }

  @Test
  void toString_neverShowsSecretOrToken() {
    server.enqueue(token("tok-sentinel-123", 3600));
    OAuthCredentials credentials = credentials(workspace()).build();
    credentials.bearerToken();

    assertThat(credentials.toString())
        .isEqualTo("OAuthCredentials[clientId=" + CLIENT_ID + ", tokenEndpoint=" + base.toString()
            + "oidc/v1/token, scope=all-apis, clientSecret=****]")
        .doesNotContain(SECRET)
        .doesNotContain("tok-sentinel-123");
  }

  @Test
  void accountTokenEndpoint_hostWithTrailingSlash_buildsDocumentedPath() {
    URI endpoint = OAuthCredentials.accountTokenEndpoint(
        URI.create("https://accounts.cloud.databricks.com/"), "0d26daa6-5e44-4c97-a497-ef015f91254a");

    assertThat(endpoint).isEqualTo(URI.create(
        "https://accounts.cloud.databricks.com/oidc/accounts/0d26daa6-5e44-4c97-a497-ef015f91254a/v1/token"));
  }

  @Test
  void workspaceTokenEndpoint_host_buildsDocumentedPath() {
    assertThat(OAuthCredentials.workspaceTokenEndpoint(URI.create("https://dbc-1234.cloud.databricks.com")))
        .isEqualTo(URI.create("https://dbc-1234.cloud.databricks.com/oidc/v1/token"));
  }

  @Test
  void accountTokenEndpoint_invalidInput_isRejected() {
    URI host = URI.create("https://accounts.cloud.databricks.com");

    assertThatThrownBy(() -> OAuthCredentials.accountTokenEndpoint(host, "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuthCredentials.accountTokenEndpoint(host, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuthCredentials.accountTokenEndpoint(URI.create("accounts.example.com"), "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuthCredentials.workspaceTokenEndpoint(URI.create("https://h.example.com/?q=1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_plainHttpToRemoteHost_isRejectedUnlessAllowed() {
    URI remote = URI.create("http://accounts.example.com/oidc/v1/token");

    assertThatThrownBy(() -> credentials(remote).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
    assertThat(credentials(remote).allowInsecureHttp(true).build()).isNotNull();
    assertThat(credentials(URI.create("http://localhost:8080/oidc/v1/token")).build()).isNotNull();
    assertThat(credentials(URI.create("http://[::1]:8080/oidc/v1/token")).build()).isNotNull();
    assertThat(credentials(URI.create("https://accounts.example.com/oidc/v1/token")).build()).isNotNull();
  }

  @Test
  void build_invalidOptions_failFast() {
    URI endpoint = URI.create("https://accounts.example.com/oidc/v1/token");

    assertThatThrownBy(() -> OAuthCredentials.builder().clientId("a").clientSecret("b").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tokenEndpoint");
    assertThatThrownBy(() -> OAuthCredentials.builder().tokenEndpoint(endpoint).clientSecret("b").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientId");
    assertThatThrownBy(() -> credentials(endpoint).clientSecret(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> credentials(endpoint).scope("").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scope");
    assertThatThrownBy(() -> credentials(URI.create("ftp://h.example.com/t")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials(URI.create("https://user:pw@h.example.com/t")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
    assertThatThrownBy(() -> credentials(endpoint).refreshMargin(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials(endpoint).requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromEnvironment_variablesSet_usesThemForTheTokenRequest() throws InterruptedException {
    server.enqueue(token("tok-env", 3600));
    Map<String, String> environment = new HashMap<>();
    environment.put("DATABRICKS_CLIENT_ID", "env-client");
    environment.put("DATABRICKS_CLIENT_SECRET", SECRET);

    OAuthCredentials credentials = OAuthCredentials.fromEnvironment(workspace(), environment::get);

    assertThat(credentials.bearerToken()).isEqualTo("tok-env");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Basic " + basic("env-client:" + SECRET));
  }

  @Test
  void fromEnvironment_missingSecret_namesTheVariableOnly() {
    Map<String, String> environment = new HashMap<>();
    environment.put("DATABRICKS_CLIENT_ID", "env-client");

    assertThatThrownBy(() -> OAuthCredentials.fromEnvironment(workspace(), environment::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DATABRICKS_CLIENT_SECRET");
  }

  @Test
  void loopback_hosts_recognisedWithoutDns() {
    assertThat(LoopbackHosts.isLoopback("localhost")).isTrue();
    assertThat(LoopbackHosts.isLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackHosts.isLoopback("127.8.9.10")).isTrue();
    assertThat(LoopbackHosts.isLoopback("[::1]")).isTrue();
    assertThat(LoopbackHosts.isLoopback("10.0.0.1")).isFalse();
    assertThat(LoopbackHosts.isLoopback("localhost.example.com")).isFalse();
    assertThat(LoopbackHosts.isLoopback("example.com")).isFalse();
  }

  private OAuthCredentials.Builder credentials(URI endpoint) {
    return OAuthCredentials.builder()
        .tokenEndpoint(endpoint)
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .clock(clock)
        .sleeper(recordingSleeper);
  }

  private URI workspace() {
    return OAuthCredentials.workspaceTokenEndpoint(base);
  }

  private static MockResponse token(String accessToken, long expiresIn) {
    return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn + ",\"scope\":\"all-apis\"}");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String basic(String pair) {
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertNoSecrets(Throwable e, String token) {
    String basic = basic(CLIENT_ID + ":" + SECRET);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET).doesNotContain(basic).doesNotContain(token);
    }
  }

  /** Answers every request with {@code response}, but only after the test releases it. */
  private static Dispatcher blockingDispatcher(
      CountDownLatch requestArrived, CountDownLatch release, MockResponse response) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        requestArrived.countDown();
        release.await(9, TimeUnit.SECONDS);
        return response;
      }
    };
  }

  /** Spins (yielding) until every thread is parked, so followers are really waiting on the leader's request. */
  private static void awaitAllWaiting(List<Thread> threads) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      boolean allParked = threads.stream().allMatch(t ->
          t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING
              || t.getState() == Thread.State.TERMINATED);
      if (allParked) {
        return;
      }
      Thread.yield();
    }
    throw new AssertionError("callers did not all block while the token request was in flight");
  }
}
