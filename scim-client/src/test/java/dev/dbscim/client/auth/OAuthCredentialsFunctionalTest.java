package dev.dbscim.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OAuthCredentialsFunctionalTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2026-01-05T09:00:00Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock).build();

  private OAuthCredentials credentials(URI endpoint, String clientId, String secret) {
    return OAuthCredentials.builder().tokenEndpoint(endpoint).clientId(clientId).clientSecret(secret)
        .clock(clock).sleeper(Sleeper.noWait()).build();
  }

  private ScimAccountClient accountClient(ServicePrincipal sp, String secret) {
    String clientId = sp.applicationId().orElseThrow();
    return ScimAccountClient.builder()
        .endpoint(scim.url())
        .accountId(scim.accountId())
        .credentials(credentials(OAuthCredentials.accountTokenEndpoint(scim.url(), scim.accountId()), clientId,
            secret))
        .sleeper(Sleeper.noWait())
        .clock(clock)
        .build();
  }

  private long tokenRequests() {
    return scim.recordedRequests().stream().filter(call -> call.target().endsWith("/v1/token")).count();
  }

  private ServicePrincipal accountAdmin() {
    return scim.state().seed(ServicePrincipal.builder().displayName("provisioner")
        .addRoles(ComplexValue.of("account_admin")).build());
  }

  @Test
  void accountClient_withOAuthOfAnAccountAdmin_createsUsers() {
    ServicePrincipal sp = accountAdmin();
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    try (ScimAccountClient account = accountClient(sp, secret)) {
      account.users().create(User.builder().userName("ada@example.com").build());
      account.users().create(User.builder().userName("bo@example.com").build());
    }

    assertThat(scim.state().userByName("bo@example.com")).isPresent();
    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(scim.recordedRequests()).filteredOn(call -> call.target().contains("/scim/v2/Users"))
        .extracting(RecordedCall::status).containsExactly(201, 201);
  }

  @Test
  void accountClient_whenTheTokenNearsExpiry_fetchesANewOneBeforeTheOldOneDies() {
    ServicePrincipal sp = accountAdmin();
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    try (ScimAccountClient account = accountClient(sp, secret)) {
      account.users().list().iterator().hasNext();
      clock.advance(Duration.ofMinutes(50));
      account.users().list().iterator().hasNext();
      long afterFiftyMinutes = tokenRequests();
      clock.advance(Duration.ofMinutes(6));
      account.users().list().iterator().hasNext();
      clock.advance(Duration.ofMinutes(30));
      account.users().list().iterator().hasNext();

      assertThat(afterFiftyMinutes).isEqualTo(1);
      assertThat(tokenRequests()).isEqualTo(2);
      assertThat(scim.recordedRequests()).extracting(RecordedCall::status).doesNotContain(401);
    }
  }

  @Test
  void accountClient_ofANonAdminServicePrincipal_isForbidden() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("reader").build());
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    try (ScimAccountClient account = accountClient(sp, secret)) {
      assertThatThrownBy(() -> account.users().list().iterator().hasNext())
          .isInstanceOf(ScimForbiddenException.class);
    }
  }

  @Test
  void accountClient_withAWrongSecret_failsWithInvalidClientAndNoSecret() {
    ServicePrincipal sp = accountAdmin();
    scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    try (ScimAccountClient account = accountClient(sp, "dose-not-the-secret")) {
      assertThatThrownBy(() -> account.users().list().iterator().hasNext())
          .isInstanceOf(ScimClientException.class)
          .hasMessageContaining("401")
          .hasMessageContaining("invalid_client")
          .hasMessageNotContaining("dose-not-the-secret");
    }
    assertThat(scim.recordedRequests()).noneMatch(call -> call.target().contains("/scim/v2/"));
  }

  @Test
  void workspaceClient_withOAuthOfAWorkspaceAdmin_readsMeAndCreatesUsers() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("ws-bot").build());
    String clientId = sp.applicationId().orElseThrow();
    scim.state().assign(1001, sp.id().orElseThrow(), "ADMIN");
    URI host = scim.workspace(0).url();

    try (ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
        .endpoint(host)
        .credentials(credentials(OAuthCredentials.workspaceTokenEndpoint(host), clientId,
            scim.state().createOAuthSecret(clientId)))
        .sleeper(Sleeper.noWait())
        .build()) {
      User me = workspace.me();
      workspace.users().create(User.builder().userName("cy@example.com").build());

      assertThat(me.userName()).isEqualTo(clientId);
      assertThat(me.id()).contains(sp.id().orElseThrow());
    }
    assertThat(scim.state().userByName("cy@example.com")).isPresent();
  }
}
