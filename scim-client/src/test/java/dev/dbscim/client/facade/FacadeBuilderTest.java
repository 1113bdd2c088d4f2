package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.ACCOUNT_BASE;
import static dev.dbscim.client.facade.FacadeServer.TOKEN;
import static dev.dbscim.client.facade.FacadeServer.WORKSPACE_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FacadeBuilderTest {
  FacadeServer server;

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void accountBuild_withoutAccountId_throwsIllegalState() {
    assertThatThrownBy(() -> ScimAccountClient.builder().endpoint(server.endpoint())
        .credentials(TokenCredentials.of(TOKEN)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("accountId is required");
  }

  @Test
  void build_withoutEndpointOrCredentials_throwsIllegalState() {
    assertThatThrownBy(() -> ScimAccountClient.builder().accountId("a").credentials(TokenCredentials.of(TOKEN))
        .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> ScimWorkspaceClient.builder().endpoint(server.endpoint()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
  }

  @Test
  void accountId_notAPathSegment_isRefused() {
    assertThatThrownBy(() -> ScimAccountClient.builder().accountId("acc/../x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountId");
    assertThatThrownBy(() -> ScimAccountClient.builder().accountId(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_plainHttpToRemoteHost_isRefusedUnlessAllowed() {
    URI remote = URI.create("http://dbc-1.cloud.databricks.com");

    assertThatThrownBy(() -> ScimWorkspaceClient.builder().endpoint(remote).credentials(TokenCredentials.of(TOKEN))
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
    try (ScimWorkspaceClient allowed = ScimWorkspaceClient.builder().endpoint(remote)
        .credentials(TokenCredentials.of(TOKEN)).allowInsecureHttp(true).build()) {
      assertThat(allowed.config().allowInsecureHttp()).isTrue();
    }
  }

  @Test
  void build_callerHttpClientFollowingRedirects_isRefused() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> server.accountBuilder().httpClient(following).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
  }

  @Test
  void rateLimits_defaults_areExactlyTheAccountAndWorkspacePresets() {
    try (ScimAccountClient account = ScimAccountClient.builder().endpoint(server.endpoint()).accountId("a")
        .credentials(TokenCredentials.of(TOKEN)).build();
        ScimWorkspaceClient workspace = ScimWorkspaceClient.builder().endpoint(server.endpoint())
            .credentials(TokenCredentials.of(TOKEN)).build()) {
      assertThat(account.rateLimits()).isEqualTo(RateLimits.accountDefaults());
      assertThat(workspace.rateLimits()).isEqualTo(RateLimits.workspaceDefaults());
    }
    RateLimits workspaceDefaults = RateLimits.workspaceDefaults();
    assertThat(workspaceDefaults.permitsPerSecond(OperationClass.PATCH)).isEqualTo(2.0);
    assertThat(workspaceDefaults.burst(OperationClass.PATCH)).isEqualTo(2);
    for (OperationClass operation : Arrays.asList(OperationClass.GET, OperationClass.LIST)) {
      assertThat(workspaceDefaults.permitsPerSecond(operation)).isEqualTo(255.0 / 60);
    }
    assertThat(workspaceDefaults.permitsPerSecond(OperationClass.CREATE)).isEqualTo(5.0);
    assertThat(workspaceDefaults.permitsPerSecond(OperationClass.REPLACE)).isEqualTo(5.0);
    assertThat(workspaceDefaults.permitsPerSecond(OperationClass.DELETE)).isEqualTo(35.0 / 60);
  }

  @Test
  void close_callerHttpClient_staysUsableAndIsReportedInConfig() throws Exception {
    HttpClient callers = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    ScimAccountClient account = server.accountBuilder().httpClient(callers).build();
    server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
    account.users().get("1");

    account.close();
    account.close();

    server.json(200, "{}");
    HttpResponse<String> direct = callers.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/ping"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(account.config().httpClient()).containsSame(callers);
    assertThat(account.toString()).contains("closed=true");
  }

  @Test
  void newBuilder_derivedClient_keepsSettingsAndSharesCallerHttpClient() throws Exception {
    HttpClient callers = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try (ScimAccountClient parent = server.accountBuilder().httpClient(callers).memberBatchSize(2)
        .userAgentSuffix("parent/1").build()) {
      try (ScimAccountClient derived = parent.newBuilder().credentials(TokenCredentials.of("other-token"))
          .build()) {
        server.empty(204);
        server.empty(204);

        int requests = derived.groups().addMembers("7", Arrays.asList("1", "2", "3"));

        assertThat(requests).isEqualTo(2);
        RecordedRequest request = server.take();
        assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Groups/7");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer other-token");
        assertThat(request.getHeaders().get("User-Agent")).endsWith(" parent/1");
        assertThat(derived.config().httpClient()).containsSame(callers);
        assertThat(derived.accountId()).isEqualTo("acc-123");
        server.take();
      }
      server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
      parent.users().get("1");
      assertThat(server.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
  }

  @Test
  void newBuilder_fromClientWithOwnHttpClient_derivedClientWorksAfterItsOwnClose() throws Exception {
    try (ScimWorkspaceClient parent = server.workspaceBuilder().build()) {
      ScimWorkspaceClient derived = parent.newBuilder().userAgentSuffix("child/1").build();
      server.json(200, "{\"id\":\"1\",\"userName\":\"me@b.com\"}");
      derived.me();
      derived.close();

      server.json(200, "{\"id\":\"1\",\"userName\":\"me@b.com\"}");
      parent.me();

      assertThat(server.take().getHeaders().get("User-Agent")).endsWith(" child/1");
      assertThat(server.take().getHeaders().get("User-Agent")).doesNotContain("child/1");
      assertThat(derived.config().httpClient()).isEmpty();
    }
  }

  @Test
  void toStringsAndErrors_neverContainToken() {
    server.json(401, FacadeServer.error(401, null, "Invalid token"));
    try (ScimAccountClient account = server.accountBuilder().build();
        ScimWorkspaceClient workspace = server.workspaceBuilder().build()) {
      Throwable failure = catchThrowable(() -> account.users().get("1"));

      String everything = account + " " + workspace + " " + account.config() + " " + workspace.config() + " "
          + account.users() + " " + account.groups() + " " + account.servicePrincipals() + " " + account.raw()
          + " " + workspace.accountIdentities() + " " + workspace.accountIdentities().groups() + " " + failure;
      assertThat(failure).isNotNull();
      assertThat(everything).doesNotContain(TOKEN).contains("****");
    }
  }

  @Test
  void config_oneClientConfig_configuresAccountAndWorkspaceClients() throws Exception {
    ClientConfig config = ClientConfig.builder().endpoint(server.endpoint()).credentials(TokenCredentials.of(TOKEN))
        .requestTimeout(Duration.ofSeconds(7)).retryPolicy(RetryPolicy.none()).sleeper(Sleeper.noWait())
        .userAgentSuffix("surface/1").putDefaultHeader("X-Trace", "t-1").maxResponseBytes(4096).build();

    try (ScimAccountClient account = ScimAccountClient.builder().config(config).accountId("acc-123").build();
        ScimWorkspaceClient workspace = ScimWorkspaceClient.builder().config(config).build()) {
      server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
      account.users().get("1");
      server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
      workspace.users().get("1");

      for (ClientConfig used : List.of(account.config(), workspace.config())) {
        assertThat(used.toString()).isEqualTo(config.toString());
        assertThat(used.sleeper()).isSameAs(config.sleeper());
      }
      assertThat(account.rateLimits()).isEqualTo(RateLimits.accountDefaults());
      assertThat(workspace.rateLimits()).isEqualTo(RateLimits.workspaceDefaults());
      RecordedRequest toAccount = server.take();
      RecordedRequest toWorkspace = server.take();
      assertThat(toAccount.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/1");
      assertThat(toWorkspace.getTarget()).isEqualTo(WORKSPACE_BASE + "/Users/1");
      for (RecordedRequest request : List.of(toAccount, toWorkspace)) {
        assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t-1");
        assertThat(request.getHeaders().get("User-Agent")).endsWith(" surface/1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
      }
    }
  }

  @Test
  void config_thenSetter_setterChangesOnlyItsSetting() {
    ClientConfig config = ClientConfig.builder().endpoint(server.endpoint()).credentials(TokenCredentials.of(TOKEN))
        .userAgentSuffix("surface/1").maxResponseBytes(4096).build();

    try (ScimWorkspaceClient workspace = ScimWorkspaceClient.builder().rateLimits(RateLimits.unlimited())
        .config(config).requestTimeout(Duration.ofSeconds(3)).build()) {
      assertThat(workspace.config().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
      assertThat(workspace.config().userAgentSuffix()).contains("surface/1");
      assertThat(workspace.config().maxResponseBytes()).isEqualTo(4096);
      assertThat(workspace.rateLimits()).isEqualTo(RateLimits.unlimited());
    }
  }

  @Test
  void maxResponseBytes_setOnFacadeBuilder_refusesALargerAnswer() {
    String large = "{\"id\":\"1\",\"userName\":\"a@b.com\",\"displayName\":\"" + "x".repeat(2000) + "\"}";
    server.json(200, large);

    try (ScimAccountClient account = server.accountBuilder().retryPolicy(RetryPolicy.none()).maxResponseBytes(1024)
        .build()) {
      assertThat(account.config().maxResponseBytes()).isEqualTo(1024);
      assertThatThrownBy(() -> account.users().get("1")).isExactlyInstanceOf(ScimClientException.class)
          .hasMessageContaining("maxResponseBytes");
    }
    assertThatThrownBy(() -> server.workspaceBuilder().maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
  }
}
