package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake's environment gives ready clients through the public factories, over http on loopback. */
@Timeout(10)
class FakeEnvironmentFunctionalTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  @Test
  void fromEnvironment_ofTheFake_createsAUserInTheAccount() {
    try (ScimAccountClient account = ScimAccountClient.fromEnvironment(scim.environment())) {
      account.users().create(User.builder().userName("ada@example.com").build());

      assertThat(account.config().endpoint()).isEqualTo(scim.url());
      assertThat(account.accountId()).isEqualTo(scim.accountId());
    }
    assertThat(scim.state().userByName("ada@example.com")).isPresent();
  }

  @Test
  void fromEnvironment_ofAWorkspace_isItsAdmin_andUserEnvironmentItsPlainUser() {
    try (ScimWorkspaceClient admin = ScimWorkspaceClient.fromEnvironment(scim.workspace(0).environment());
        ScimWorkspaceClient user = ScimWorkspaceClient.fromEnvironment(scim.workspace(0).userEnvironment())) {
      assertThat(admin.me().id()).contains(scim.workspace(0).adminUserId());
      assertThat(user.me().id()).contains(scim.workspace(0).userId());
      assertThatThrownBy(() -> user.groups().create(Group.builder().displayName("rogue").build()))
          .isInstanceOf(ScimForbiddenException.class);
    }
  }

  @Test
  void builderEnvironment_withNoWaitAndUnlimited_retriesAtOnceAndKeepsTheOtherOptions() {
    scim.failNext(Fault.status(503).times(2));
    try (ScimAccountClient account = ScimAccountClient.builder()
        .environment(scim.environment())
        .sleeper(Sleeper.noWait())
        .rateLimits(RateLimits.unlimited())
        .build()) {
      assertThat(account.users().list()).isNotEmpty();
    }
    assertThat(scim.recordedRequests()).hasSize(3);
  }

  @Test
  void builderEnvironment_laterCredentials_overrideTheToken() {
    ScimAccountClient.Builder builder = ScimAccountClient.builder().environment(scim.environment())
        .credentials(TokenCredentials.of("dapi-wrong"));

    try (ScimAccountClient account = builder.build()) {
      assertThatThrownBy(() -> account.users().list().iterator().hasNext())
          .isInstanceOf(ScimUnauthorizedException.class);
    }
  }

  @Test
  void builderEnvironment_withoutAccountId_namesTheVariable() {
    Map<String, String> environment = new HashMap<>(scim.environment());
    environment.remove("DATABRICKS_ACCOUNT_ID");

    assertThatThrownBy(() -> ScimAccountClient.builder().environment(environment))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DATABRICKS_ACCOUNT_ID");
  }
}
