package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OAuthServicePrincipalTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  @Test
  void run_withAnOAuthSecret_authenticatesAsTheServicePrincipal() {
    ServicePrincipal bot = scim.state().seed(ServicePrincipal.builder().displayName("provisioning-bot")
        .addRoles(ComplexValue.of("account_admin")).build());
    String clientId = bot.applicationId().orElseThrow();
    OAuthCredentials credentials = OAuthCredentials.builder()
        .tokenEndpoint(OAuthCredentials.accountTokenEndpoint(scim.url(), scim.accountId()))
        .clientId(clientId)
        .clientSecret(scim.state().createOAuthSecret(clientId))
        .clock(scim.clock())
        .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    OAuthServicePrincipal.run(scim.url(), scim.accountId(), credentials, clientId,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("authenticated as provisioning-bot (" + clientId + ")")
        .contains("the account has 2 user(s)");
    assertThat(scim.recordedRequests()).extracting(call -> call.method() + " " + call.status())
        .containsExactly("POST 200", "GET 200", "GET 200");
    assertThat(scim.recordedRequests().get(0).target()).isEqualTo("/oidc/accounts/" + scim.accountId() + "/v1/token");
  }
}
