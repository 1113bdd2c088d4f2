package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.ACCOUNT_BASE;
import static dev.dbscim.client.facade.FacadeServer.WORKSPACE_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FacadeEnvironmentTest {
  static final String SECRET = "dose-SECRET-SENTINEL-42";
  static final String ENV_TOKEN = "dapiENVTOKEN-SENTINEL";

  FacadeServer server;

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  String host() {
    return "http://127.0.0.1:" + server.server.getPort();
  }

  @Test
  void accountFromEnvironment_token_usesAccountPathAndBearerToken() throws Exception {
    server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");

    try (ScimAccountClient account = ScimAccountClient.fromEnvironment(env("DATABRICKS_HOST", host() + "/",
        "DATABRICKS_ACCOUNT_ID", "acc-123", "DATABRICKS_TOKEN", ENV_TOKEN))) {
      account.users().get("1");

      RecordedRequest request = server.take();
      assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/1");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ENV_TOKEN);
      assertThat(account.accountId()).isEqualTo("acc-123");
      assertThat(account.config().endpoint()).isEqualTo(URI.create(host()));
      assertThat(account.toString()).doesNotContain(ENV_TOKEN);
    }
  }

  @Test
  void accountFromEnvironment_clientCredentials_fetchesTokenFromAccountOidcEndpoint() throws Exception {
    server.json(200, "{\"access_token\":\"oauth-access-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");

    try (ScimAccountClient account = ScimAccountClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_ACCOUNT_ID", "acc-123", "DATABRICKS_CLIENT_ID", "sp-app-id", "DATABRICKS_CLIENT_SECRET",
        SECRET))) {
      account.users().get("1");

      RecordedRequest token = server.take();
      assertThat(token.getMethod() + " " + token.getTarget()).isEqualTo("POST /oidc/accounts/acc-123/v1/token");
      assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=all-apis");
      assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
          .encodeToString(("sp-app-id:" + SECRET).getBytes(StandardCharsets.UTF_8)));
      RecordedRequest scim = server.take();
      assertThat(scim.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/1");
      assertThat(scim.getHeaders().get("Authorization")).isEqualTo("Bearer oauth-access-1");
      assertThat(account.toString() + account.config()).doesNotContain(SECRET);
    }
  }

  @Test
  void workspaceFromEnvironment_clientCredentials_fetchesTokenFromWorkspaceOidcEndpoint() throws Exception {
    server.json(200, "{\"access_token\":\"oauth-ws\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    server.json(200, "{\"id\":\"1\",\"userName\":\"me@b.com\"}");

    try (ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_CLIENT_ID", "sp-app-id", "DATABRICKS_CLIENT_SECRET", SECRET))) {
      workspace.me();

      assertThat(server.take().getTarget()).isEqualTo("/oidc/v1/token");
      RecordedRequest scim = server.take();
      assertThat(scim.getTarget()).isEqualTo(WORKSPACE_BASE + "/Me");
      assertThat(scim.getHeaders().get("Authorization")).isEqualTo("Bearer oauth-ws");
    }
  }

  @Test
  void workspaceFromEnvironment_tokenAndClientCredentials_tokenWins() throws Exception {
    server.json(200, "{\"id\":\"1\",\"userName\":\"me@b.com\"}");

    try (ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_TOKEN", ENV_TOKEN, "DATABRICKS_CLIENT_ID", "id", "DATABRICKS_CLIENT_SECRET", SECRET))) {
      workspace.me();

      assertThat(server.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + ENV_TOKEN);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void fromEnvironment_hostWithoutScheme_assumesHttpsAndDropsPath() {
    try (ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment(env("DATABRICKS_HOST",
        "dbc-a1b2.cloud.databricks.com/some/path/", "DATABRICKS_TOKEN", ENV_TOKEN))) {
      assertThat(workspace.config().endpoint()).isEqualTo(URI.create("https://dbc-a1b2.cloud.databricks.com"));
    }
  }

  @Test
  void fromEnvironment_missingHost_namesVariable() {
    assertThatThrownBy(() -> ScimWorkspaceClient.fromEnvironment(env("DATABRICKS_TOKEN", ENV_TOKEN)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DATABRICKS_HOST")
        .hasMessageNotContaining(ENV_TOKEN);
  }

  @Test
  void accountFromEnvironment_missingOrBlankAccountId_namesVariable() {
    assertThatThrownBy(() -> ScimAccountClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_TOKEN", ENV_TOKEN))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DATABRICKS_ACCOUNT_ID");
    assertThatThrownBy(() -> ScimAccountClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_ACCOUNT_ID", "  ", "DATABRICKS_TOKEN", ENV_TOKEN))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DATABRICKS_ACCOUNT_ID");
  }

  @Test
  void fromEnvironment_noCredentials_namesTokenAndClientVariables() {
    assertThatThrownBy(() -> ScimWorkspaceClient.fromEnvironment(env("DATABRICKS_HOST", host())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DATABRICKS_TOKEN")
        .hasMessageContaining("DATABRICKS_CLIENT_ID").hasMessageContaining("DATABRICKS_CLIENT_SECRET");
  }

  @Test
  void fromEnvironment_secretWithoutClientId_namesMissingVariableNotSecret() {
    assertThatThrownBy(() -> ScimAccountClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_ACCOUNT_ID", "acc-123", "DATABRICKS_CLIENT_SECRET", SECRET)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DATABRICKS_CLIENT_ID is not set")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void fromEnvironment_clientIdWithoutSecret_namesSecretVariable() {
    assertThatThrownBy(() -> ScimWorkspaceClient.fromEnvironment(env("DATABRICKS_HOST", host(),
        "DATABRICKS_CLIENT_ID", "id")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DATABRICKS_CLIENT_SECRET is not set");
  }
}
