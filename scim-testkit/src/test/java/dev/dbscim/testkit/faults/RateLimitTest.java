package dev.dbscim.testkit.faults;

import static dev.dbscim.testkit.ProbeHttp.account;
import static dev.dbscim.testkit.ProbeHttp.json;
import static dev.dbscim.testkit.ProbeHttp.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeRateLimits;
import dev.dbscim.testkit.FakeRateLimits.Operation;
import dev.dbscim.testkit.RecordedCall;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RateLimitTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00.250Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock)
      .rateLimits(FakeRateLimits.none().perSecond(Operation.GET, 2).perSecond(Operation.CREATE, 1)).build();

  private String seededUserId() {
    return scim.state().seed(dev.dbscim.core.model.User.builder().userName("ada@example.com").build()).id().get();
  }

  @Test
  void rateLimits_overTheLimit_answers429WithRetryAfterAndTheServiceBody() {
    String id = seededUserId();
    assertThat(account(scim, "GET", "/Users/" + id, null).statusCode()).isEqualTo(200);
    assertThat(account(scim, "GET", "/Users/" + id, null).statusCode()).isEqualTo(200);

    HttpResponse<String> third = account(scim, "GET", "/Users/" + id, null);

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode body = json(third);
    assertThat(body.get("error_code").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(body.get("message").asText()).isNotEmpty();
    assertThat(scim.recordedRequests()).extracting(RecordedCall::status).containsExactly(200, 200, 429);
  }

  @Test
  void rateLimits_nextSecondOfTheFakeClock_servesAgain() {
    String id = seededUserId();
    for (int i = 0; i < 2; i++) {
      account(scim, "GET", "/Users/" + id, null);
    }
    assertThat(account(scim, "GET", "/Users/" + id, null).statusCode()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(1));

    assertThat(account(scim, "GET", "/Users/" + id, null).statusCode()).isEqualTo(200);
  }

  @Test
  void rateLimits_operationsCountSeparately() {
    String id = seededUserId();
    account(scim, "GET", "/Users/" + id, null);
    account(scim, "GET", "/Users/" + id, null);

    assertThat(account(scim, "GET", "/Users", null).statusCode()).isEqualTo(200);
    assertThat(account(scim, "PATCH", "/Users/" + id,
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada\"}]}").statusCode())
        .isEqualTo(200);
    assertThat(account(scim, "GET", "/Users/" + id, null).statusCode()).isEqualTo(429);
  }

  @Test
  void rateLimits_refusedCreate_changesNothing() {
    assertThat(account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").statusCode()).isEqualTo(201);

    HttpResponse<String> refused = account(scim, "POST", "/Users", "{\"userName\":\"bob@example.com\"}");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(scim.state().userByName("bob@example.com")).isEmpty();
  }

  @Test
  void rateLimits_eachHostCountsOnItsOwn() {
    String id = seededUserId();
    account(scim, "GET", "/Users/" + id, null);
    account(scim, "GET", "/Users/" + id, null);
    assertThat(account(scim, "GET", "/Users/" + id, null).statusCode()).isEqualTo(429);

    assertThat(workspace(scim, "GET", "/Me", null).statusCode()).isEqualTo(200);
    assertThat(workspace(scim, "GET", "/Me", null).statusCode()).isEqualTo(200);
    assertThat(workspace(scim, "GET", "/Me", null).statusCode()).isEqualTo(429);
  }

  @Test
  void rateLimits_byDefault_limitNothing() {
    try (FakeScimServer unlimited = FakeScimServer.builder().clock(clock).build().start()) {
      for (int i = 0; i < 30; i++) {
        assertThat(account(unlimited, "GET", "/Users", null).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void rateLimits_value_refusesLimitsBelowOneAndDescribesItself() {
    assertThatThrownBy(() -> FakeRateLimits.none().perSecond(Operation.GET, 0))
        .isInstanceOf(IllegalArgumentException.class);
    FakeRateLimits limits = FakeRateLimits.none().perSecond(Operation.GET, 20).perSecond(Operation.PATCH, 2);
    assertThat(limits.toString()).isEqualTo("FakeRateLimits[GET=20/s, PATCH=2/s]");
    assertThat(limits.limit(Operation.DELETE)).isZero();
    assertThat(limits).isEqualTo(FakeRateLimits.none().perSecond(Operation.PATCH, 2).perSecond(Operation.GET, 20));
    assertThat(FakeRateLimits.none().any()).isFalse();
  }
}
