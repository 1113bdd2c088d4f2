package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.UserPatch;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sentinel secrets (the fake's account tokens before and after rotation, a wrong token, an OAuth client secret and the
 * tokens OAuth hands out) pass through client operations that succeed, fail in every mapped way, retry and refresh
 * after a 401; none ever shows in System.Logger output at any level (captured through java.util.logging at ALL, with
 * wire logging on), in exception messages or {@code toString()} of anything reachable, nor in the fake's journal
 * ({@link FakeScimServer#recordedRequests()} and {@code GET /_fake/requests}).
 */
@Timeout(60)
class SecretSentinelTest {
  static final String CLIENT_ID = "sentinel-client-id";
  static final String CLIENT_SECRET = "dose-CLIENTSECRETSENTINEL-7f3a9c";
  static final String WRONG_TOKEN = "dapiWRONGTOKENSENTINEL5e4d3c2b1a";

  final FakeClock clock = FakeClock.at(Instant.parse("2026-03-01T00:00:00Z"));
  final List<String> logged = new CopyOnWriteArrayList<>();
  final List<String> texts = new ArrayList<>();
  final AtomicReference<String> issued = new AtomicReference<>();
  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicReference<Integer> tokenEndpointFailure = new AtomicReference<>();
  FakeScimServer scim;
  MockWebServer tokenEndpoint;
  Handler capture;
  Level rootLevel;

  @BeforeEach
  void start() throws IOException {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    SimpleFormatter formatter = new SimpleFormatter();
    capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        // dbscim's own System.Logger output (JUL by default); the JDK's HTTP client internals log URLs at FINE.
        if (record.getLoggerName() != null && record.getLoggerName().startsWith("dev.dbscim")) {
          logged.add(formatter.format(record) + " " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    scim = FakeScimServer.builder().clock(clock).adminApiEnabled(true).build();
    scim.start();
    tokenEndpoint = new MockWebServer();
    tokenEndpoint.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        tokenRequests.incrementAndGet();
        Integer failure = tokenEndpointFailure.get();
        if (failure != null) {
          return new MockResponse.Builder().code(failure).addHeader("Content-Type", "application/json")
              .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}").build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"" + issued.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
            .build();
      }
    });
    tokenEndpoint.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    root.setLevel(rootLevel);
    scim.close();
    tokenEndpoint.close();
  }

  OAuthCredentials oauth() {
    return OAuthCredentials.builder()
        .tokenEndpoint(URI.create("http://127.0.0.1:" + tokenEndpoint.getPort() + "/oidc/v1/token"))
        .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).clock(clock).sleeper(Sleeper.noWait()).build();
  }

  ScimAccountClient account(dev.dbscim.client.auth.CredentialsProvider credentials) {
    return ScimAccountClient.builder().endpoint(scim.url()).accountId(scim.accountId()).credentials(credentials)
        .sleeper(Sleeper.noWait()).clock(clock).rateLimits(RateLimits.unlimited()).wireLoggingEnabled(true)
        .requestTimeout(Duration.ofSeconds(2)).build();
  }

  void fails(Supplier<Object> operation) {
    Throwable thrown = catchThrowable(operation::get);
    assertThat(thrown).isNotNull();
    describe(thrown);
  }

  void describe(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      texts.add(t.toString());
      texts.add(String.valueOf(t.getMessage()));
      texts.add(String.valueOf(t.getLocalizedMessage()));
    }
  }

  @Test
  void secrets_throughSuccessErrorsRetriesAndRefresh_neverLeak() throws Exception {
    String firstToken = scim.accountToken();
    issued.set(firstToken);
    OAuthCredentials oauth = oauth();
    int operations = 0;
    try (ScimAccountClient client = account(oauth);
         ScimAccountClient wrong = account(TokenCredentials.of(WRONG_TOKEN));
         ScimWorkspaceClient plainUser = FakeClients.workspaceUser(scim, scim.workspace(0).id())) {
      User ada = client.users().create(User.builder().userName("ada@example.com").displayName("Ada").build());
      Group eng = client.groups().create(Group.builder().displayName("eng").build());
      client.groups().patch(eng.id().orElseThrow(), GroupPatch.builder().addMember(ada).build());
      client.users().patch(ada.id().orElseThrow(), UserPatch.builder().active(false).build());
      client.users().list(q -> q.filter(Filter.attr("userName").eq("ada@example.com"))).forEach(u -> { });
      RawResponse raw = client.raw().send("GET",
          "/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users/" + ada.id().orElseThrow() + "?access_token="
              + firstToken,
          RequestOptions.builder().putHeader("X-Api-Token", firstToken).build());
      texts.add(raw.toString());
      texts.add(raw.headers().toString());
      client.groups().removeMembers(eng.id().orElseThrow(), List.of(ada.id().orElseThrow()));
      operations += 7;

      fails(() -> client.users().get("404404"));
      fails(() -> client.users().create(User.builder().userName("ada@example.com").build()));
      fails(() -> client.users().list(q -> q.filter(Filter.attr("nickName").eq("x"))).iterator().next());
      fails(() -> client.groups().patch(eng.id().orElseThrow(), dev.dbscim.core.patch.PatchRequest.builder()
          .add("members", "bare-string").build()));
      for (int status : new int[] {400, 403, 404, 409, 412, 429, 500, 502, 503, 504}) {
        scim.failNext(Fault.status(status).times(3));
        fails(() -> client.users().get(ada.id().orElseThrow()));
        scim.clearFaults();
      }
      scim.failNext(Fault.status(429).retryAfter(Duration.ofSeconds(1)).times(2));
      texts.add(client.users().get(ada.id().orElseThrow()).toString());
      scim.clearFaults();
      scim.failNext(Fault.disconnect().times(10));
      fails(() -> client.users().get(ada.id().orElseThrow()));
      scim.clearFaults();
      scim.failNext(Fault.latency(Duration.ofSeconds(1)));
      fails(() -> client.users().get(ada.id().orElseThrow(), RequestOptions.builder()
          .timeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()).build()));
      scim.clearFaults();
      fails(() -> wrong.users().get(ada.id().orElseThrow()));
      fails(() -> plainUser.users().create(User.builder().userName("eve@example.com").build()));
      operations += 18;

      String rotated = scim.rotateAccountToken();
      clock.advance(Duration.ofHours(25));
      issued.set(rotated);
      int before = tokenRequests.get();
      assertThat(client.users().get(ada.id().orElseThrow()).userName()).isEqualTo("ada@example.com");
      assertThat(tokenRequests.get()).as("token requests for the 401 refresh").isGreaterThan(before);

      tokenEndpointFailure.set(401);
      oauth.invalidate(rotated);
      fails(() -> client.users().get(ada.id().orElseThrow()));
      tokenEndpointFailure.set(500);
      fails(() -> account(oauth()).users().get(ada.id().orElseThrow()));
      tokenEndpointFailure.set(null);
      client.users().delete(ada.id().orElseThrow());
      operations += 4;

      texts.add(client.toString());
      texts.add(client.config().toString());
      texts.add(wrong.config().toString());
      texts.add(plainUser.config().toString());
      texts.add(oauth.toString());
      texts.add(TokenCredentials.of(WRONG_TOKEN).toString());
      texts.add(ListRequest.builder().filter(Filter.attr("userName").eq("a")).build().toString());
      texts.add(RequestOptions.builder().putHeader("X-Databricks-Token", rotated).build().toString());
      texts.add(scim.toString());
      for (RecordedCall call : scim.recordedRequests()) {
        texts.add(call.toString());
        texts.add(call.headers().toString());
        texts.add(call.body());
        texts.add(call.target());
      }
      HttpResponse<String> journal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          scim.url().resolve("/_fake/requests")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(journal.statusCode()).isEqualTo(200);
      texts.add(journal.body());

      assertThat(scim.recordedRequests()).hasSizeGreaterThan(operations);
      assertThat(logged).as("log records at ALL").hasSizeGreaterThan(operations);
      String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
          .getBytes(StandardCharsets.UTF_8));
      for (String secret : new String[] {firstToken, rotated, WRONG_TOKEN, CLIENT_SECRET, basic,
          scim.workspace(0).userToken(), scim.workspace(0).adminToken()}) {
        assertThat(logged).as("log output").noneMatch(line -> line.contains(secret));
        assertThat(texts).as("messages, toString and journal").noneMatch(text -> text.contains(secret));
      }
    }
  }
}
