package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimExtensionTest {
  @FakeScim final FakeScimServer given = FakeScimServer.builder().accountId("acc-123").build();
  @FakeScim FakeScimServer created;
  private static FakeScimServer previous;

  @Test
  void fields_areStartedBeforeTheTest() {
    assertThat(given.url().getHost()).isEqualTo("127.0.0.1");
    assertThat(given.accountId()).isEqualTo("acc-123");
    assertThat(created).isNotNull();
    assertThat(Http.account(created, "GET", "/Users", null).status).isEqualTo(200);
  }

  @Test
  void eachTest_getsAFreshFake() {
    given.state().seed(User.builder().userName("ada@example.com").build());
    assertThat(previous).isNotSameAs(given);
    assertThat(given.state().userCount()).isEqualTo(1);
  }

  @AfterEach
  void remember() {
    previous = given;
  }

  @Test
  void closedFake_cannotRestart() {
    FakeScimServer fake = FakeScimServer.create().start();
    fake.close();

    assertThatThrownBy(fake::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FakeScimServer.create().url()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_neverShowsTokens() {
    assertThat(given.toString()).doesNotContain(given.accountToken()).contains("acc-123");
    assertThat(given.workspace(0).toString()).doesNotContain(given.workspace(0).adminToken())
        .doesNotContain(given.workspace(0).userToken());
  }
}
