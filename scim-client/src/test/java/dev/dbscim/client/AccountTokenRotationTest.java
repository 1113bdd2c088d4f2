package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AccountTokenRotationTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2026-01-05T09:00:00Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock).build();

  @Test
  void accountClient_afterRotationAndExpiryOfTheOldToken_keepsWorking() {
    ScimAccountClient account = FakeClients.account(scim);
    account.users().create(User.builder().userName("ada@example.com").build());

    scim.rotateAccountToken();
    clock.advance(Duration.ofHours(25));

    assertThat(account.users().create(User.builder().userName("bo@example.com").build()).userName())
        .isEqualTo("bo@example.com");
    assertThat(FakeClients.account(scim).users().list()).extracting(User::userName)
        .contains("ada@example.com", "bo@example.com");
  }

  @Test
  void clientWithTheOldFixedToken_afterExpiry_getsUnauthorized() {
    ScimAccountClient stale = FakeClients.account(scim).newBuilder()
        .credentials(TokenCredentials.of(scim.accountToken())).sleeper(Sleeper.noWait()).build();

    scim.rotateAccountToken();
    clock.advance(Duration.ofHours(25));

    assertThatThrownBy(() -> stale.users().list().iterator().next())
        .isInstanceOf(ScimUnauthorizedException.class);
  }
}
