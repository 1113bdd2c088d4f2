package dev.dbscim.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RawResponse;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.error.ScimBadRequestException;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimConflictException;
import dev.dbscim.client.error.ScimErrorType;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.error.ScimPreconditionFailedException;
import dev.dbscim.client.error.ScimRateLimitedException;
import dev.dbscim.client.error.ScimServerException;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.error.ScimTimeoutException;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.client.internal.RequestThrottle;
import dev.dbscim.client.internal.ScimRequest;
import dev.dbscim.client.internal.ScimResponse;
import dev.dbscim.client.internal.ScimTransport;
import dev.dbscim.client.retry.NonIdempotentRetry;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.User;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScimTransportTest {
  static final String TOKEN = "dapiSENTINEL0123456789abcdef";
  static final String BASE = "/api/2.0/accounts/acc-1/scim/v2";
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

  MockWebServer server;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ScimTransport transport(Consumer<ClientConfig.Builder> customizer) {
    ClientConfig.Builder builder = ClientConfig.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .credentials(() -> TOKEN)
        .sleeper(sleeps::add)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.standard().toBuilder().jitter(() -> 0.5).build());
    customizer.accept(builder);
    return ScimTransport.create(builder.build(), RequestThrottle.none(), BASE);
  }

  ScimTransport transport() {
    return transport(b -> {});
  }

  ScimTransport noRetries() {
    return transport(b -> b.retryPolicy(RetryPolicy.none()));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/scim+json").body(body).build();
  }

  static String scimError(String status, String scimType, String detail) {
    return "{\"schemas\":[\"" + ERROR_URN + "\"]," + (scimType == null ? "" : "\"scimType\":\"" + scimType + "\",")
        + "\"detail\":\"" + detail + "\",\"status\":\"" + status + "\"}";
  }

  static ScimRequest getUsers() {
    return ScimRequest.of("GET", "/Users", OperationClass.LIST);
  }

  static ScimRequest postUser() {
    ObjectNode body = ScimJson.mapper().createObjectNode().put("userName", "ada@example.com");
    return ScimRequest.of("POST", "/Users", OperationClass.CREATE).withBody(body);
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  // ---- wire form

  @Test
  void send_getWithQuery_sendsEncodedQueryInOrderAndHeaders() throws Exception {
    server.enqueue(json(200, "{\"totalResults\":0}"));

    ScimResponse response = transport().send(getUsers()
        .withQuery("filter", "userName eq \"a b@x.com\"")
        .withQuery("startIndex", "101")
        .withQuery("count", "100"));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(
        BASE + "/Users?filter=userName%20eq%20%22a%20b%40x.com%22&startIndex=101&count=100");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/scim+json, application/json");
    assertThat(request.getHeaders().get("User-Agent")).matches("dbscim/\\S+ java/\\d+");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(response.json().get("totalResults").asInt()).isEqualTo(0);
  }

  @Test
  void send_postWithBody_sendsJsonBytesContentTypeAndExtraHeaders() throws Exception {
    server.enqueue(json(201, "{\"id\":\"101\",\"userName\":\"ada@example.com\"}"));
    ScimTransport transport = transport(b -> b.putDefaultHeader("X-Databricks-Workspace-Id", "42")
        .putDefaultHeader("X-Trace", "default").userAgentSuffix("sync/1.4"));

    User created = transport.sendForObject(postUser().withOptions(
        RequestOptions.builder().putHeader("x-trace", "per-call").build()), User.class);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(BASE + "/Users");
    assertThat(request.getBody().utf8()).isEqualTo("{\"userName\":\"ada@example.com\"}");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("X-Databricks-Workspace-Id")).isEqualTo("42");
    assertThat(request.getHeaders().values("X-Trace")).containsExactly("per-call");
    assertThat(request.getHeaders().get("User-Agent")).endsWith(" sync/1.4");
    assertThat(created.userName()).isEqualTo("ada@example.com");
    assertThat(created.id()).contains("101");
  }

  @Test
  void send_patchWithByteBody_sendsBytesUnchanged() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    byte[] body = "{\"Operations\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ScimResponse response = transport().send(
        ScimRequest.of("PATCH", "/Groups/" + ScimRequest.pathSegment("grp 42/x"), OperationClass.PATCH)
            .withBody(body));

    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo(BASE + "/Groups/grp%2042%2Fx");
    assertThat(request.getBody().utf8()).isEqualTo("{\"Operations\":[]}");
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.hasBody()).isFalse();
  }

  @Test
  void sendRaw_returnsStatusHeadersAndJson() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Request-Id", "req-1")
        .body("{\"a\":[1,2]}").build());

    RawResponse raw = transport().sendRaw(ScimRequest.of("GET", "/Me", OperationClass.GET));

    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.header("x-request-id")).contains("req-1");
    assertThat(raw.json().get("a").size()).isEqualTo(2);
    assertThat(raw.bodyText()).isEqualTo("{\"a\":[1,2]}");
  }

  // ---- error mapping, with bodies from databricks-scim.md section 5

  ScimServiceException failWith(MockResponse response) {
    server.enqueue(response);
    return catchThrowableOfType(ScimServiceException.class, () -> noRetries().send(getUsers()));
  }

  @Test
  void send_409DuplicateGroupWithoutScimType_throwsConflictWithDetail() {
    ScimServiceException e = failWith(json(409, scimError("409", null, "Group with name admins already exists.")));

    assertThat(e).isExactlyInstanceOf(ScimConflictException.class);
    assertThat(e.status()).isEqualTo(409);
    assertThat(e.errorType()).isEqualTo(ScimErrorType.UNKNOWN);
    assertThat(e.rawScimType()).isEmpty();
    assertThat(e.detail()).contains("Group with name admins already exists.");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("SCIM GET /Users -> 409: Group with name admins already exists. [attempts=1]");
  }

  @Test
  void send_409Uniqueness_messageHasMethodPathStatusTypeDetailRequestIdAndAttempts() {
    server.enqueue(new MockResponse.Builder().code(409).addHeader("x-request-id", "req-7")
        .body(scimError("409", "uniqueness", "User with username a@b.com already exists.")).build());

    ScimServiceException e = catchThrowableOfType(ScimServiceException.class, () -> noRetries().send(
        ScimRequest.of("PATCH", "/Groups/grp-42", OperationClass.PATCH).withQuery("secret_token", "x")
            .withBody(ScimJson.mapper().createObjectNode())));

    assertThat(e).isInstanceOf(ScimConflictException.class);
    assertThat(e.errorType()).isEqualTo(ScimErrorType.UNIQUENESS);
    assertThat(e.requestId()).contains("req-7");
    assertThat(e.method()).isEqualTo("PATCH");
    assertThat(e.path()).isEqualTo("/Groups/grp-42");
    assertThat(e.getMessage()).isEqualTo("SCIM PATCH /Groups/grp-42 -> 409 uniqueness: User with username a@b.com "
        + "already exists. [requestId=req-7, attempts=1]");
  }

  @Test
  void send_400InvalidFilterCapitalised_mapsToInvalidFilterAndKeepsRawType() {
    ScimServiceException e =
        failWith(json(400, scimError("400", "InvalidFilter", "Given filter operator is not supported.")));

    assertThat(e).isExactlyInstanceOf(ScimBadRequestException.class);
    assertThat(e.errorType()).isEqualTo(ScimErrorType.INVALID_FILTER);
    assertThat(e.rawScimType()).contains("InvalidFilter");
    assertThat(e.getMessage()).contains("-> 400 InvalidFilter: Given filter operator is not supported.");
  }

  @Test
  void send_400InvalidSyntaxAndInvalidPath_mapErrorTypes() {
    assertThat(failWith(json(400, scimError("400", "invalidSyntax",
        "Request is unparsable, syntactically incorrect, or violates schema."))).errorType())
        .isEqualTo(ScimErrorType.INVALID_SYNTAX);
    assertThat(failWith(json(400, scimError("400", "invalidPath",
        "No such attribute with the name : entitlements in the current resource"))).errorType())
        .isEqualTo(ScimErrorType.INVALID_PATH);
  }

  @Test
  void send_500DetailNull_treatsDetailAsAbsentAndIsNotRetryable() {
    ScimServiceException e = failWith(json(500, scimError("500", null, "null")));

    assertThat(e).isExactlyInstanceOf(ScimServerException.class);
    assertThat(e.detail()).isEmpty();
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("SCIM GET /Users -> 500 [attempts=1]");
  }

  @Test
  void send_500RequestLimitExceeded_isRateLimitedAndRetryable() {
    ScimServiceException e = failWith(json(500, scimError("500", null,
        "REQUEST_LIMIT_EXCEEDED: Workspace 1234 exceeded the concurrent limit of 4 requests.")));

    assertThat(e).isExactlyInstanceOf(ScimRateLimitedException.class);
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.retryable()).isTrue();
    assertThat(((ScimRateLimitedException) e).retryAfter()).isEmpty();
  }

  @Test
  void send_403PlatformBodyWithNumericErrorCode_throwsForbiddenWithErrorCodeAndMessage() {
    ScimServiceException e = failWith(new MockResponse.Builder().code(403)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("X-Databricks-Reason-Phrase", "Invalid access token.")
        .body("{\"error_code\": 403, \"message\": \"Invalid access token.\"}").build());

    assertThat(e).isExactlyInstanceOf(ScimForbiddenException.class);
    assertThat(e.errorCode()).contains("403");
    assertThat(e.detail()).contains("Invalid access token.");
    assertThat(e.getMessage()).isEqualTo("SCIM GET /Users -> 403: Invalid access token. [attempts=1]");
  }

  @Test
  void send_429PlatformBodyWithStringErrorCode_throwsRateLimitedWithCodeInMessage() {
    ScimServiceException e = failWith(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .body("{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}").build());

    assertThat(e).isExactlyInstanceOf(ScimRateLimitedException.class);
    assertThat(e.errorCode()).contains("REQUEST_LIMIT_EXCEEDED");
    assertThat(((ScimRateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).isEqualTo("SCIM GET /Users -> 429 REQUEST_LIMIT_EXCEEDED: Too many requests [attempts=1]");
  }

  @Test
  void send_502HtmlBody_throwsRetryableServerExceptionWithoutDetail() {
    ScimServiceException e = failWith(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

    assertThat(e).isExactlyInstanceOf(ScimServerException.class);
    assertThat(e.detail()).isEmpty();
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void send_plainTextErrorBody_usesFirstLineAsDetail() {
    ScimServiceException e = failWith(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/plain")
        .body("upstream connect error\nreset reason: overflow").build());

    assertThat(e.detail()).contains("upstream connect error");
  }

  @Test
  void send_otherStatuses_mapToTheirClasses() {
    assertThat(failWith(json(404, scimError("404", null, "User not found.")))).isExactlyInstanceOf(
        ScimNotFoundException.class);
    assertThat(failWith(new MockResponse.Builder().code(401).build())).isExactlyInstanceOf(
        ScimUnauthorizedException.class);
    assertThat(failWith(new MockResponse.Builder().code(412).build())).isExactlyInstanceOf(
        ScimPreconditionFailedException.class);
    assertThat(failWith(new MockResponse.Builder().code(418).body("{}").build())).isExactlyInstanceOf(
        ScimServiceException.class);
    assertThat(failWith(new MockResponse.Builder().code(501).build())).isExactlyInstanceOf(
        ScimServerException.class).matches(e -> !e.retryable());
  }

  @Test
  void send_errorBodyLargerThanErrorCap_stillMapsStatus() {
    StringBuilder huge = new StringBuilder("{\"detail\":\"");
    for (int i = 0; i < 100_000; i++) {
      huge.append('x');
    }
    ScimServiceException e = failWith(json(400, huge.append("\"}").toString()));

    assertThat(e).isExactlyInstanceOf(ScimBadRequestException.class);
    assertThat(e.detail()).isEmpty();
  }

  // ---- secrets

  @Test
  void exceptionsAndConfig_neverContainTheToken() {
    server.enqueue(json(409, scimError("409", "uniqueness", "exists")));
    server.enqueue(new MockResponse.Builder().code(401).build());
    ScimTransport transport = noRetries();
    List<Throwable> failures = new ArrayList<>();
    failures.add(catchThrowableOfType(ScimException.class, () -> transport.send(postUser())));
    failures.add(catchThrowableOfType(ScimException.class, () -> transport.send(getUsers())));

    for (Throwable failure : failures) {
      assertThat(failure.getMessage()).doesNotContain(TOKEN);
      assertThat(failure.toString()).doesNotContain(TOKEN);
    }
    assertThat(transport.config().toString()).doesNotContain(TOKEN).contains("credentials=****");
  }

  // ---- retries

  @Test
  void send_429_tellsTheThrottleWhichClassWasRefused() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(200, "{}"));
    List<OperationClass> acquired = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<OperationClass> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    RequestThrottle recording = new RequestThrottle() {
      @Override
      public void acquire(OperationClass operation) {
        acquired.add(operation);
      }

      @Override
      public void rateLimited(OperationClass operation) {
        refused.add(operation);
      }
    };
    ClientConfig config = ClientConfig.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .credentials(() -> TOKEN)
        .sleeper(sleeps::add)
        .retryPolicy(RetryPolicy.standard().toBuilder().jitter(() -> 0.5).build())
        .build();

    ScimTransport.create(config, recording, BASE).send(getUsers());

    assertThat(acquired).containsExactly(OperationClass.LIST, OperationClass.LIST, OperationClass.LIST);
    assertThat(refused).containsExactly(OperationClass.LIST);
  }

  @Test
  void send_get429WithRetryAfterSeconds_sleepsThatLongAndSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(json(200, "{}"));

    ScimResponse response = transport().send(getUsers());

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void send_get429WithRetryAfterHttpDate_sleepsUntilThatDateOnTheInjectedClock() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", date).build());
    server.enqueue(json(200, "{}"));

    transport().send(getUsers());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void send_retryAfterAboveCap_sleepsSixtySeconds() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3600").build());
    server.enqueue(json(200, "{}"));

    transport().send(getUsers());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void send_get503ThreeTimes_backsOffWithJitterAndCountsAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }

    ScimServerException e = catchThrowableOfType(ScimServerException.class, () -> transport().send(getUsers()));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).endsWith("[attempts=3]");
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void send_getRequestLimitExceeded500_isRetried() {
    server.enqueue(json(500, scimError("500", null, "REQUEST_LIMIT_EXCEEDED: concurrent limit of 4 requests.")));
    server.enqueue(json(200, "{}"));

    assertThat(transport().send(getUsers()).attempts()).isEqualTo(2);
  }

  @Test
  void send_get500_isNotRetried() {
    server.enqueue(json(500, scimError("500", null, "boom")));

    assertThatThrownBy(() -> transport().send(getUsers())).isInstanceOf(ScimServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void send_postOn500Or502_isNotRetried() {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    ScimTransport transport = transport();

    ScimServerException first = catchThrowableOfType(ScimServerException.class, () -> transport.send(postUser()));
    ScimServerException second = catchThrowableOfType(ScimServerException.class, () -> transport.send(postUser()));

    assertThat(first.status()).isEqualTo(500);
    assertThat(second.status()).isEqualTo(502);
    assertThat(second.retryable()).isTrue();
    assertThat(second.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void send_postOnTimeout_isNotRetried() {
    server.enqueue(new MockResponse.Builder().code(201).headersDelay(3, TimeUnit.SECONDS).body("{}").build());
    server.enqueue(json(201, "{}"));

    ScimTimeoutException e = catchThrowableOfType(ScimTimeoutException.class,
        () -> transport(b -> b.requestTimeout(Duration.ofMillis(300))).send(postUser()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.retryable()).isTrue();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void send_postOn429Or503_isRetried() {
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(201, "{\"id\":\"1\"}"));

    ScimResponse response = transport().send(postUser());

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.attempts()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void send_postOnConnectFailure_isRetriedAndCountsAttempts() throws IOException {
    MockWebServer closed = LoopbackServers.start();
    int port = closed.getPort();
    closed.close();
    ScimTransport transport = transport(b -> b.endpoint(URI.create("http://127.0.0.1:" + port)));

    ScimClientException e = catchThrowableOfType(ScimClientException.class, () -> transport.send(postUser()));

    assertThat(e).isExactlyInstanceOf(ScimClientException.class);
    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.retryable()).isTrue();
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void send_patchOn502WithDangerousAlways_isRetried() {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(json(200, "{}"));
    ScimTransport transport = transport(b -> b.retryPolicy(RetryPolicy.standard().toBuilder()
        .nonIdempotentRetry(NonIdempotentRetry.DANGEROUS_ALWAYS).jitter(() -> 0.0).build()));

    ScimResponse response = transport.send(ScimRequest.of("PATCH", "/Groups/g", OperationClass.PATCH)
        .withBody(ScimJson.mapper().createObjectNode()));

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ZERO);
  }

  @Test
  void send_perCallRetryPolicyNone_overridesConfig() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(200, "{}"));

    assertThatThrownBy(() -> transport().send(getUsers().withOptions(
        RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()))).isInstanceOf(ScimServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- 401 and token refresh

  static final class RotatingCredentials implements CredentialsProvider {
    final List<String> invalidated = new CopyOnWriteArrayList<>();
    volatile int generation = 1;

    @Override
    public String bearerToken() {
      return "token-" + generation;
    }

    @Override
    public void invalidate(String refusedToken) {
      invalidated.add(refusedToken);
      generation++;
    }
  }

  @Test
  void send_401WithRefreshableCredentials_retriesOnceWithNewToken() throws Exception {
    RotatingCredentials credentials = new RotatingCredentials();
    server.enqueue(new MockResponse.Builder().code(401).build());
    server.enqueue(json(201, "{}"));

    ScimResponse response = transport(b -> b.credentials(credentials).retryPolicy(RetryPolicy.none()))
        .send(postUser());

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(credentials.invalidated).containsExactly("token-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void send_401Twice_refreshesOnlyOnceThenThrowsUnauthorized() {
    RotatingCredentials credentials = new RotatingCredentials();
    server.enqueue(new MockResponse.Builder().code(401).build());
    server.enqueue(new MockResponse.Builder().code(401).build());
    server.enqueue(json(200, "{}"));

    ScimUnauthorizedException e = catchThrowableOfType(ScimUnauthorizedException.class,
        () -> transport(b -> b.credentials(credentials)).send(getUsers()));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void send_401WithUnchangedToken_doesNotRepeat() {
    server.enqueue(new MockResponse.Builder().code(401).build());

    assertThatThrownBy(() -> transport().send(getUsers())).isInstanceOf(ScimUnauthorizedException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void send_workspace403InvalidAccessToken_refreshesOnceLikeA401() throws Exception {
    RotatingCredentials credentials = new RotatingCredentials();
    server.enqueue(json(403, "{\"error_code\":403,\"message\":\"Invalid access token.\"}"));
    server.enqueue(json(200, "{}"));

    ScimResponse response = transport(b -> b.credentials(credentials).retryPolicy(RetryPolicy.none()))
        .send(getUsers());

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(credentials.invalidated).containsExactly("token-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void send_403ForMissingRights_isNotARefreshReason() {
    RotatingCredentials credentials = new RotatingCredentials();
    server.enqueue(json(403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"Only account admins\"}"));

    assertThatThrownBy(() -> transport(b -> b.credentials(credentials)).send(getUsers()))
        .isInstanceOf(dev.dbscim.client.error.ScimForbiddenException.class);
    assertThat(credentials.invalidated).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- unusable bodies, limits, timeouts

  @Test
  void sendForObject_malformedJson_throwsClientExceptionWithoutJacksonCause() {
    server.enqueue(json(200, "{\"userName\": "));

    ScimClientException e = catchThrowableOfType(ScimClientException.class,
        () -> noRetries().sendForObject(getUsers(), User.class));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getCause()).isNull();
    assertThat(e.getMessage()).startsWith("SCIM GET /Users -> 200: body is not a valid User");
  }

  @Test
  void sendForObject_emptyBody_throwsClientException() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(() -> noRetries().sendForObject(getUsers(), User.class))
        .isExactlyInstanceOf(ScimClientException.class).hasMessageContaining("empty");
  }

  @Test
  void send_truncatedBody_throwsClientException() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"Resources\":[")
        .setHeader("Content-Length", 1000).onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());

    assertThatThrownBy(() -> noRetries().send(getUsers())).isExactlyInstanceOf(ScimClientException.class);
  }

  @Test
  void send_bodyOverMaxResponseBytesWithContentLength_throwsClientException() {
    server.enqueue(json(200, "{\"padding\":\"" + "x".repeat(1000) + "\"}"));

    ScimClientException e = catchThrowableOfType(ScimClientException.class,
        () -> transport(b -> b.maxResponseBytes(100)).send(getUsers()));

    assertThat(e.getMessage()).contains("maxResponseBytes (100)");
    assertThat(e.retryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void send_chunkedBodyOverMaxResponseBytes_throwsClientException() {
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody("{\"p\":\"" + "x".repeat(5000) + "\"}", 64)
        .build());

    assertThatThrownBy(() -> transport(b -> b.maxResponseBytes(1000)).send(getUsers()))
        .isExactlyInstanceOf(ScimClientException.class).hasMessageContaining("maxResponseBytes");
  }

  @Test
  void send_slowHeaders_throwsTimeoutAfterRetries() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
    }

    ScimTimeoutException e = catchThrowableOfType(ScimTimeoutException.class,
        () -> transport(b -> b.requestTimeout(Duration.ofMillis(200))).send(getUsers()));

    assertThat(e.attempts()).isEqualTo(3);
  }

  @Test
  void send_stalledBody_throwsTimeoutInsteadOfHanging() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"a\":1}")
        .onResponseBody(SocketEffect.Stall.INSTANCE).build());

    assertThatThrownBy(() -> noRetries().send(getUsers().withOptions(
        RequestOptions.builder().timeout(Duration.ofMillis(300)).build())))
        .isExactlyInstanceOf(ScimTimeoutException.class);
  }

  // ---- redirects and interrupts

  @Test
  void send_redirectToAnotherServer_isNotFollowedAndTokenStaysHome() throws Exception {
    try (MockWebServer other = LoopbackServers.start()) {
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", "http://127.0.0.1:" + other.getPort() + "/steal").build());
      other.enqueue(json(200, "{}"));

      ScimServiceException e = catchThrowableOfType(ScimServiceException.class, () -> transport().send(getUsers()));

      assertThat(e).isExactlyInstanceOf(ScimServiceException.class);
      assertThat(e.status()).isEqualTo(302);
      assertThat(other.getRequestCount()).isZero();
    }
  }

  @Test
  void send_interruptedThread_throwsClientExceptionAndKeepsInterruptFlag() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).build());
    Thread.currentThread().interrupt();
    try {
      ScimClientException e = catchThrowableOfType(ScimClientException.class, () -> transport().send(getUsers()));

      assertThat(e).isExactlyInstanceOf(ScimClientException.class);
      assertThat(e.getMessage()).contains("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void send_interruptedWhileWaitingToRetry_throwsClientExceptionAndKeepsInterruptFlag() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    ScimTransport transport = transport(b -> b.sleeper(d -> {
      throw new InterruptedException();
    }));
    try {
      ScimClientException e = catchThrowableOfType(ScimClientException.class, () -> transport.send(getUsers()));

      assertThat(e.getMessage()).contains("interrupted while waiting to retry");
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void send_throttleIsAskedBeforeEveryAttempt() {
    List<OperationClass> permits = new CopyOnWriteArrayList<>();
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(200, "{}"));
    ClientConfig config = ClientConfig.builder().endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .credentials(() -> TOKEN).sleeper(sleeps::add).build();

    ScimTransport.create(config, permits::add, BASE).send(getUsers());

    assertThat(permits).containsExactly(OperationClass.LIST, OperationClass.LIST);
  }

  @Test
  void withBasePath_sendsBelowTheOtherPrefixWithTheSameSettings() throws Exception {
    server.enqueue(json(200, "{}"));

    transport().withBasePath("/api/2.0/accounts/acc-1").send(
        ScimRequest.of("GET", "/workspaces/7/permissionassignments", OperationClass.GET));

    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/api/2.0/accounts/acc-1/workspaces/7/permissionassignments");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void send_credentialsWithoutToken_throwsClientExceptionBeforeSending() {
    ScimTransport transport = transport(b -> b.credentials(() -> " "));

    ScimClientException e = catchThrowableOfType(ScimClientException.class, () -> transport.send(getUsers()));

    assertThat(e.attempts()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void send_jsonTree_isReadFromBytes() {
    server.enqueue(json(200, "{\"Resources\":[{\"id\":\"1\"}],\"totalResults\":1}"));

    JsonNode tree = transport().send(getUsers()).json();

    assertThat(tree.path("Resources").get(0).path("id").asText()).isEqualTo("1");
  }
}
