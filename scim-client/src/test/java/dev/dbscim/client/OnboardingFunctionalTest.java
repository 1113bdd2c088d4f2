package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.error.ScimServerException;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The downstream-test shape of STYLE.md section 10: the user's own code, driven against the fake. */
@Timeout(10)
class OnboardingFunctionalTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  /** Stands in for code a user of the SDK writes. */
  static final class OnboardingService {
    private final ScimAccountClient account;

    OnboardingService(ScimAccountClient account) {
      this.account = account;
    }

    void onboard(String userName, String groupName) {
      User user = account.users().create(User.builder().userName(userName).build());
      for (Group group : account.groups().list(q -> q.filter(Filter.attr("displayName").eq(groupName)))) {
        account.groups().addMembers(group.id().orElseThrow(), Collections.singletonList(user.id().orElseThrow()));
      }
    }
  }

  @Test
  void onboard_newHire_createsUserAndJoinsGroup() {
    Group eng = scim.state().seed(Group.builder().displayName("engineering").build());

    new OnboardingService(FakeClients.account(scim)).onboard("ada@example.com", "engineering");

    User ada = scim.state().userByName("ada@example.com").orElseThrow();
    assertThat(scim.state().group(eng.id().orElseThrow()).orElseThrow().members())
        .extracting(ComplexValue::value).containsExactly(ada.id());
  }

  @Test
  void onboard_whenScimKeepsFailing_surfacesServerErrorAfterRetries() {
    scim.failNext(Fault.status(503).times(3));
    long started = System.nanoTime();

    assertThatThrownBy(() -> new OnboardingService(FakeClients.account(scim)).onboard("bo@example.com", "eng"))
        .isInstanceOf(ScimServerException.class);

    assertThat(scim.recordedRequests()).hasSize(3)
        .allSatisfy(call -> assertThat(call.status()).isEqualTo(503));
    assertThat(scim.state().userByName("bo@example.com")).isEmpty();
    assertThat(System.nanoTime() - started).as("retries must not really wait").isLessThan(2_000_000_000L);
  }

  @Test
  void onboard_whenScimFailsTwice_succeedsOnTheThirdAttempt() {
    scim.failNext(Fault.status(503).times(2));

    new OnboardingService(FakeClients.account(scim)).onboard("cy@example.com", "none");

    assertThat(scim.state().userByName("cy@example.com")).isPresent();
  }
}
