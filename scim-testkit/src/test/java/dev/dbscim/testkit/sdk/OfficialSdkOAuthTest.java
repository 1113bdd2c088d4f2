package dev.dbscim.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.ListAccountUsersRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.User;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official SDK's OAuth machine-to-machine flow (discovery, Basic-auth token request, bearer) against the fake. */
@Timeout(10)
class OfficialSdkOAuthTest {
  private final FakeScimServer scim = FakeScimServer.builder().accountId("acc-123").build().start();

  @AfterEach
  void close() {
    scim.close();
  }

  @Test
  void accountClient_m2mWithASecretFromTheSecretsApi_listsUsers() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("provisioner")
        .addRoles(ComplexValue.of("account_admin")).build());
    CreateServicePrincipalSecretResponse secret = SdkConfigs.account(scim).servicePrincipalSecrets()
        .create(new CreateServicePrincipalSecretRequest().setServicePrincipalId(sp.id().orElseThrow()));

    AccountClient account = SdkConfigs.accountM2M(scim, sp.applicationId().orElseThrow(), secret.getSecret());
    List<User> users = StreamSupport.stream(account.users().list(new ListAccountUsersRequest()).spliterator(), false)
        .collect(Collectors.toList());

    assertThat(users).extracting(User::getUserName).contains("admin-1001@example.com");
    assertThat(scim.recordedRequests()).extracting(call -> call.method() + " " + call.target() + " " + call.status())
        .contains("GET /oidc/.well-known/oauth-authorization-server 200",
            "POST /oidc/accounts/acc-123/v1/token 200");
    RecordedCall token = scim.recordedRequests().stream()
        .filter(call -> call.target().endsWith("/v1/token")).findFirst().orElseThrow();
    assertThat(token.headers().get("Authorization")).containsExactly("****");
    assertThat(token.body()).doesNotContain(secret.getSecret());
  }

  @Test
  void workspaceClient_m2mOfAnAssignedServicePrincipal_readsMe() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("ws-bot").build());
    String clientId = sp.applicationId().orElseThrow();
    scim.state().assign(1001, sp.id().orElseThrow(), "USER");

    WorkspaceClient workspace = SdkConfigs.workspaceM2M(scim.workspace(0), clientId,
        scim.state().createOAuthSecret(clientId));
    User me = workspace.currentUser().me(new MeRequest());

    assertThat(me.getUserName()).isEqualTo(clientId);
    assertThat(me.getId()).isEqualTo(sp.id().orElseThrow());
  }

  @Test
  void accountClient_m2mWithAWrongSecret_fails() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("provisioner")
        .addRoles(ComplexValue.of("account_admin")).build());
    scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    AccountClient account = SdkConfigs.accountM2M(scim, sp.applicationId().orElseThrow(), "dose-wrong");

    assertThatThrownBy(() -> account.users().list(new ListAccountUsersRequest()).iterator().hasNext())
        .hasMessageContaining("invalid_client");
    assertThat(scim.recordedRequests()).noneMatch(call -> call.target().contains("/scim/v2/"));
  }
}
