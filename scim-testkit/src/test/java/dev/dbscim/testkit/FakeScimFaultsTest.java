package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimFaultsTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().journalCapacity(50).build();

  @Test
  void failNext_statusThreeTimes_failsThreeRequestsWithoutTouchingState() {
    scim.failNext(Fault.status(503).times(3));

    for (int i = 0; i < 3; i++) {
      Http.Reply reply = account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}");
      assertThat(reply.status).isEqualTo(503);
      assertThat(reply.json.get("status").asText()).isEqualTo("503");
    }
    assertThat(scim.state().userByName("ada@example.com")).isEmpty();
    assertThat(account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").status).isEqualTo(201);
  }

  @Test
  void failNext_429WithRetryAfter_sendsTheHeaderAndTheThrottleBody() {
    scim.failNext(Fault.status(429).retryAfter(Duration.ofSeconds(2)));

    Http.Reply reply = account(scim, "GET", "/Users", null);

    assertThat(reply.status).isEqualTo(429);
    assertThat(reply.headers.firstValue("Retry-After")).hasValue("2");
    assertThat(reply.json.get("error_code").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
  }

  @Test
  void failNext_withMatcher_affectsOnlyMatchingRequests() {
    scim.failNext(Fault.status(500).on("POST", "/Groups$"));

    assertThat(account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").status).isEqualTo(201);
    assertThat(account(scim, "GET", "/Groups", null).status).isEqualTo(200);
    assertThat(account(scim, "POST", "/Groups", "{\"displayName\":\"eng\"}").status).isEqualTo(500);
    assertThat(account(scim, "POST", "/Groups", "{\"displayName\":\"eng\"}").status).isEqualTo(201);
  }

  @Test
  void failNext_latency_delaysTheNormalAnswer() {
    scim.failNext(Fault.latency(Duration.ofMillis(150)));
    long start = System.nanoTime();

    Http.Reply reply = account(scim, "GET", "/Users", null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void failNext_disconnect_dropsTheConnectionOnce() {
    scim.failNext(Fault.disconnect().on("POST", null));

    assertThatThrownBy(() -> account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(scim.state().userByName("ada@example.com")).isEmpty();
    assertThat(account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").status).isEqualTo(201);
    assertThat(scim.recordedRequests()).extracting(RecordedCall::status).containsExactly(0, 201);
  }

  @Test
  void fault_rejectsNonErrorStatusAndZeroTimes() {
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(503).times(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordedRequests_redactCredentialsAndPasswords() {
    account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\",\"password\":\"hunter2\"}");
    String id = scim.state().userByName("ada@example.com").get().id().get();
    account(scim, "PATCH", "/Users/" + id,
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"hunter3\"}]}");

    List<RecordedCall> calls = scim.recordedRequests();

    assertThat(calls).hasSize(2);
    RecordedCall post = calls.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users");
    assertThat(post.header("authorization")).hasValue("****");
    assertThat(post.body()).contains("ada@example.com").doesNotContain("hunter2");
    assertThat(post.status()).isEqualTo(201);
    assertThat(post.workspaceId()).isEmpty();
    assertThat(calls.get(1).body()).doesNotContain("hunter3");
    assertThat(calls.toString()).doesNotContain(scim.accountToken());
  }

  @Test
  void recordedRequests_keepOnlyTheLatestCapacity() {
    for (int i = 0; i < 60; i++) {
      account(scim, "GET", "/Users?startIndex=" + (i + 1), null);
    }

    List<RecordedCall> calls = scim.recordedRequests();

    assertThat(calls).hasSize(50);
    assertThat(calls.get(49).target()).endsWith("startIndex=60");
    assertThat(calls.get(0).target()).endsWith("startIndex=11");
  }

  @Test
  void recordedRequests_nameTheWorkspaceHost() {
    Http.workspace(scim, 0, "GET", "/Me", null);

    assertThat(scim.recordedRequests().get(0).workspaceId()).hasValue(1001L);
  }
}
