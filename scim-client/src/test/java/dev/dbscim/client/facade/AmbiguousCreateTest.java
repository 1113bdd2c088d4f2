package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.ACCOUNT_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimConflictException;
import dev.dbscim.client.error.ScimServerException;
import dev.dbscim.client.error.ScimTimeoutException;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AmbiguousCreateTest {
  static final String ADA = "{\"id\":\"42\",\"userName\":\"ada@example.com\"}";
  static final String ADA_LOOKUP = ACCOUNT_BASE
      + "/Users?filter=userName%20eq%20%22ada%40example.com%22&startIndex=1&count=100";

  FacadeServer server;
  ScimAccountClient account;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
    account = server.accountBuilder().sleeper(sleeps::add)
        .retryPolicy(RetryPolicy.standard().toBuilder().jitter(() -> 0.5).build()).build();
  }

  @AfterEach
  void stop() {
    account.close();
    server.close();
  }

  static User ada() {
    return User.builder().userName("ada@example.com").build();
  }

  String line(RecordedRequest request) {
    return request.getMethod() + " " + request.getTarget();
  }

  @Test
  void create_500AndLookupFindsUser_returnsItWithoutSecondPost() throws Exception {
    server.json(500, FacadeServer.error(500, null, "internal error"));
    server.json(200, "{\"totalResults\":1,\"Resources\":[" + ADA + "]}");
    server.json(200, ADA);

    User created = account.users().create(ada());

    assertThat(created.id()).contains("42");
    assertThat(line(server.take())).isEqualTo("POST " + ACCOUNT_BASE + "/Users");
    assertThat(line(server.take())).isEqualTo("GET " + ADA_LOOKUP);
    assertThat(line(server.take())).isEqualTo("GET " + ACCOUNT_BASE + "/Users/42");
    assertThat(server.requestCount()).isEqualTo(3);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void create_responseDroppedAndLookupFindsUser_returnsItWithoutSecondPost() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.json(200, "{\"totalResults\":1,\"Resources\":[" + ADA + "]}");
    server.json(200, ADA);

    User created = account.users().create(ada());

    assertThat(created.id()).contains("42");
    assertThat(line(server.take())).isEqualTo("POST " + ACCOUNT_BASE + "/Users");
    assertThat(line(server.take())).isEqualTo("GET " + ADA_LOOKUP);
    assertThat(line(server.take())).isEqualTo("GET " + ACCOUNT_BASE + "/Users/42");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void create_timeoutAndLookupFindsGroup_returnsItWithoutSecondPost() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).headersDelay(2, TimeUnit.SECONDS)
        .body("{\"id\":\"7\",\"displayName\":\"eng\"}").build());
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"7\",\"displayName\":\"eng\"}]}");
    server.json(200, "{\"id\":\"7\",\"displayName\":\"eng\",\"members\":[{\"value\":\"1\"}]}");

    Group created = account.groups().create(Group.builder().displayName("eng").build(),
        RequestOptions.builder().timeout(Duration.ofMillis(300)).build());

    assertThat(created.members()).hasSize(1);
    assertThat(line(server.take())).isEqualTo("POST " + ACCOUNT_BASE + "/Groups");
    assertThat(line(server.take())).isEqualTo("GET " + ACCOUNT_BASE
        + "/Groups?filter=displayName%20eq%20%22eng%22&startIndex=1&count=100");
    assertThat(line(server.take())).isEqualTo("GET " + ACCOUNT_BASE + "/Groups/7");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void create_500AndLookupFindsNothing_postsOnceMoreAfterBackoff() throws Exception {
    server.json(500, FacadeServer.error(500, null, "internal error"));
    server.json(200, "{\"totalResults\":0,\"Resources\":[]}");
    server.json(201, ADA);

    User created = account.users().create(ada());

    assertThat(created.id()).contains("42");
    assertThat(line(server.take())).isEqualTo("POST " + ACCOUNT_BASE + "/Users");
    assertThat(line(server.take())).isEqualTo("GET " + ADA_LOOKUP);
    RecordedRequest second = server.take();
    assertThat(line(second)).isEqualTo("POST " + ACCOUNT_BASE + "/Users");
    assertThat(second.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.USER_URN
        + "\"],\"userName\":\"ada@example.com\"}");
    assertThat(server.requestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void create_500TwiceWithNothingFound_throwsSecondFailureWithFirstSuppressed() {
    server.json(500, FacadeServer.error(500, null, "first"));
    server.json(200, "{\"totalResults\":0}");
    server.json(502, FacadeServer.error(502, null, "second"));

    ScimServerException e = catchThrowableOfType(ScimServerException.class, () -> account.users().create(ada()));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.getSuppressed()).hasSize(1);
    assertThat(((ScimServerException) e.getSuppressed()[0]).status()).isEqualTo(500);
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void create_500NothingFoundAndRetriesOff_rethrowsWithoutSecondPost() {
    server.json(500, FacadeServer.error(500, null, "internal error"));
    server.json(200, "{\"totalResults\":0}");

    ScimServerException e = catchThrowableOfType(ScimServerException.class, () -> account.users().create(ada(),
        RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()));

    assertThat(e.status()).isEqualTo(500);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void create_lookupAlsoFails_throwsOriginalWithLookupSuppressed() {
    server.json(500, FacadeServer.error(500, null, "internal error"));
    server.json(403, FacadeServer.error(403, null, "no list permission"));

    ScimServerException e = catchThrowableOfType(ScimServerException.class, () -> account.users().create(ada()));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getSuppressed()).hasSize(1);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void create_409_isThrownWithoutLookup() {
    server.json(409, FacadeServer.error(409, "uniqueness", "User already exists"));

    catchThrowableOfType(ScimConflictException.class, () -> account.users().create(ada()));

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void create_503_isRetriedByPolicyNotLookedUp() throws Exception {
    server.json(503, FacadeServer.error(503, null, "busy"));
    server.json(201, ADA);

    account.users().create(ada());

    assertThat(line(server.take())).isEqualTo("POST " + ACCOUNT_BASE + "/Users");
    assertThat(line(server.take())).isEqualTo("POST " + ACCOUNT_BASE + "/Users");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void create_servicePrincipalWithoutKey_rethrowsAmbiguousFailure() {
    server.json(500, FacadeServer.error(500, null, "internal error"));

    catchThrowableOfType(ScimServerException.class, () -> account.servicePrincipals().create(
        ServicePrincipal.builder().displayName("etl").build()));

    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void create_servicePrincipalWithApplicationId_looksUpByApplicationId() throws Exception {
    server.json(500, FacadeServer.error(500, null, "internal error"));
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"5\",\"applicationId\":\"app-1\"}]}");
    server.json(200, "{\"id\":\"5\",\"applicationId\":\"app-1\"}");

    ServicePrincipal created = account.servicePrincipals().create(ServicePrincipal.builder()
        .applicationId("app-1").externalId("ext-1").build());

    server.take();
    assertThat(line(server.take())).isEqualTo("GET " + ACCOUNT_BASE
        + "/ServicePrincipals?filter=applicationId%20eq%20%22app-1%22&startIndex=1&count=100");
    assertThat(created.id()).contains("5");
  }

  @Test
  void create_servicePrincipalWithOnlyExternalId_looksUpByExternalId() throws Exception {
    server.json(500, FacadeServer.error(500, null, "internal error"));
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"5\",\"externalId\":\"ext-1\"}]}");
    server.json(200, "{\"id\":\"5\",\"externalId\":\"ext-1\"}");

    account.servicePrincipals().create(ServicePrincipal.builder().externalId("ext-1").build());

    server.take();
    assertThat(line(server.take())).isEqualTo("GET " + ACCOUNT_BASE
        + "/ServicePrincipals?filter=externalId%20eq%20%22ext-1%22&startIndex=1&count=100");
  }

  @Test
  void create_connectionRefused_isNotLookedUp() throws Exception {
    FacadeServer closed = FacadeServer.start();
    java.net.URI deadEndpoint = closed.endpoint();
    closed.close();

    try (ScimAccountClient dead = server.accountBuilder().endpoint(deadEndpoint)
        .retryPolicy(RetryPolicy.none()).build()) {
      ScimClientException e = catchThrowableOfType(ScimClientException.class, () -> dead.users().create(ada()));

      assertThat(e).isNotInstanceOf(ScimTimeoutException.class);
      assertThat(e.getSuppressed()).isEmpty();
    }
  }
}
