package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How to test your own code that uses dbscim: {@code @FakeScim} starts a fresh fake Databricks for each test (and
 * closes it after), {@code scim.state()} seeds and inspects it without HTTP, {@code scim.recordedRequests()} is the
 * journal of what your code sent, and {@code scim.failNext(...)} injects faults. {@code EmbeddedFakeClients.account(scim)} hands
 * out a client already pointed at the fake, whose retries never really sleep.
 */
@Timeout(10)
class DownstreamServiceTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  @Test
  void onboard_newHire_createsUserAndJoinsGroup() {
    Group eng = scim.state().seed(Group.builder().displayName("engineering").build());

    User ada = new OnboardingService(EmbeddedFakeClients.account(scim)).onboard("ada@example.com", "engineering");

    assertThat(scim.state().userByName("ada@example.com")).map(user -> user.id().orElseThrow())
        .contains(ada.id().orElseThrow());
    assertThat(scim.state().members(eng.id().orElseThrow())).containsExactly(ada.id().orElseThrow());
    assertThat(scim.recordedRequests()).extracting(RecordedCall::method).containsExactly("GET", "GET", "POST", "PATCH");
  }

  @Test
  void onboard_existingUser_onlyJoinsTheGroup() {
    Group eng = scim.state().seed(Group.builder().displayName("engineering").build());
    User bo = scim.state().seed(User.builder().userName("bo@example.com").build());

    new OnboardingService(EmbeddedFakeClients.account(scim)).onboard("bo@example.com", "engineering");

    assertThat(scim.state().members(eng.id().orElseThrow())).containsExactly(bo.id().orElseThrow());
    assertThat(scim.recordedRequests()).extracting(RecordedCall::method).doesNotContain("POST");
  }

  @Test
  void onboard_whenTheCreateIsThrottledOnce_retriesAndSucceeds() {
    scim.state().seed(Group.builder().displayName("engineering").build());
    scim.failNext(Fault.status(429).retryAfter(Duration.ofSeconds(1)).on("POST", "/Users$"));

    new OnboardingService(EmbeddedFakeClients.account(scim)).onboard("cy@example.com", "engineering");

    assertThat(scim.state().userByName("cy@example.com")).isPresent();
    assertThat(scim.recordedRequests()).filteredOn(call -> call.method().equals("POST"))
        .extracting(RecordedCall::status).containsExactly(429, 201);
  }

  @Test
  void onboard_unknownGroup_createsNothing() {
    assertThatThrownBy(() -> new OnboardingService(EmbeddedFakeClients.account(scim)).onboard("di@example.com", "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    assertThat(scim.state().userByName("di@example.com")).isEmpty();
  }
}
