package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.ServicePrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimOAuthTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2026-01-05T09:00:00Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock).build();

  private URI accountTokenUri() {
    return scim.url().resolve("/oidc/accounts/" + scim.accountId() + "/v1/token");
  }

  private static Http.Reply basic(URI endpoint, String clientId, String secret, String form) {
    String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    try {
      HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Http.Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ServicePrincipal admin() {
    return scim.state().seed(ServicePrincipal.builder().displayName("provisioner")
        .addRoles(ComplexValue.of("account_admin")).build());
  }

  private Http.Reply accountToken(ServicePrincipal sp, String secret) {
    return basic(accountTokenUri(), sp.applicationId().orElseThrow(), secret,
        "grant_type=client_credentials&scope=all-apis");
  }

  @Test
  void accountToken_withBasicAuth_answersBearerTokenForOneHour() {
    ServicePrincipal sp = admin();
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    Http.Reply reply = accountToken(sp, secret);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(reply.json.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(reply.json.get("scope").asText()).isEqualTo("all-apis");
    assertThat(secret).matches("dose[0-9a-f]{64}");
    String token = reply.json.get("access_token").asText();
    assertThat(Http.send("GET", Http.accountUri(scim, "/Users"), token, null).status).isEqualTo(200);
  }

  @Test
  void accountToken_withFormFields_isAccepted() {
    ServicePrincipal sp = admin();
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    Http.Reply reply = Http.send("POST", accountTokenUri(), null,
        "grant_type=client_credentials&scope=all-apis&client_id=" + sp.applicationId().orElseThrow()
            + "&client_secret=" + secret, "application/x-www-form-urlencoded");

    assertThat(reply.status).isEqualTo(200);
    assertThat(scim.recordedRequests().get(0).body()).contains("client_secret=****").doesNotContain(secret);
  }

  @Test
  void accountToken_withWrongSecret_answersInvalidClient() {
    ServicePrincipal sp = admin();
    scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    Http.Reply reply = accountToken(sp, "dose-wrong");

    assertThat(reply.status).isEqualTo(401);
    assertThat(reply.json.get("error").asText()).isEqualTo("invalid_client");
    assertThat(reply.json.get("error_description").asText()).isNotBlank();
  }

  @Test
  void token_withOtherGrantOrScope_answers400() {
    ServicePrincipal sp = admin();
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());
    String clientId = sp.applicationId().orElseThrow();

    assertThat(basic(accountTokenUri(), clientId, secret, "grant_type=password&scope=all-apis").json.get("error")
        .asText()).isEqualTo("unsupported_grant_type");
    assertThat(basic(accountTokenUri(), clientId, secret, "grant_type=client_credentials&scope=sql").json
        .get("error").asText()).isEqualTo("invalid_scope");
    assertThat(basic(accountTokenUri(), clientId, secret, "scope=all-apis").status).isEqualTo(400);
  }

  @Test
  void accountToken_afterOneHourOnTheFakeClock_getsUnauthorized() {
    ServicePrincipal sp = admin();
    String token = accountToken(sp, scim.state().createOAuthSecret(sp.applicationId().orElseThrow()))
        .json.get("access_token").asText();

    clock.advance(Duration.ofMinutes(59));
    int before = Http.send("GET", Http.accountUri(scim, "/Users"), token, null).status;
    clock.advance(Duration.ofMinutes(1));
    int after = Http.send("GET", Http.accountUri(scim, "/Users"), token, null).status;

    assertThat(before).isEqualTo(200);
    assertThat(after).isEqualTo(401);
  }

  @Test
  void accountToken_ofNonAdmin_isRefusedByTheAccountApi() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("reader").build());
    String token = accountToken(sp, scim.state().createOAuthSecret(sp.applicationId().orElseThrow()))
        .json.get("access_token").asText();

    Http.Reply reply = Http.send("GET", Http.accountUri(scim, "/Users"), token, null);

    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.json.get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
  }

  @Test
  void accountToken_onAWorkspaceHost_isUnknown() {
    ServicePrincipal sp = admin();
    scim.state().assign(1001, sp.id().orElseThrow(), "ADMIN");
    String token = accountToken(sp, scim.state().createOAuthSecret(sp.applicationId().orElseThrow()))
        .json.get("access_token").asText();

    // A workspace refuses a token it does not know as the service does: 403 "Invalid access token.".
    Http.Reply reply = Http.send("GET", Http.workspaceUri(scim.workspace(0), "/Users"), token, null);
    assertThat(reply.status).isEqualTo(403);
    assertThat(reply.json.get("message").asText()).isEqualTo("Invalid access token.");
  }

  @Test
  void workspaceToken_ofAssignedServicePrincipal_actsAsItWithItsPermission() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().displayName("ws-bot").build());
    String clientId = sp.applicationId().orElseThrow();
    String secret = scim.state().createOAuthSecret(clientId);
    URI endpoint = scim.workspace(0).url().resolve("/oidc/v1/token");
    String form = "grant_type=client_credentials&scope=all-apis";

    int unassigned = basic(endpoint, clientId, secret, form).status;
    scim.state().assign(1001, sp.id().orElseThrow(), "USER");
    String token = basic(endpoint, clientId, secret, form).json.get("access_token").asText();
    Http.Reply me = Http.send("GET", Http.workspaceUri(scim.workspace(0), "/Me"), token, null);
    int plainCreate = Http.send("POST", Http.workspaceUri(scim.workspace(0), "/Users"), token,
        "{\"userName\":\"a@example.com\"}").status;
    scim.state().assign(1001, sp.id().orElseThrow(), "ADMIN");
    int adminCreate = Http.send("POST", Http.workspaceUri(scim.workspace(0), "/Users"), token,
        "{\"userName\":\"a@example.com\"}").status;

    assertThat(unassigned).isEqualTo(401);
    assertThat(me.json.get("userName").asText()).isEqualTo(clientId);
    assertThat(me.json.get("id").asText()).isEqualTo(sp.id().orElseThrow());
    assertThat(plainCreate).isEqualTo(403);
    assertThat(adminCreate).isEqualTo(201);
  }

  @Test
  void token_ofDeactivatedServicePrincipal_getsUnauthorized() {
    ServicePrincipal sp = admin();
    String token = accountToken(sp, scim.state().createOAuthSecret(sp.applicationId().orElseThrow()))
        .json.get("access_token").asText();

    Http.account(scim, "PATCH", "/ServicePrincipals/" + sp.id().orElseThrow(),
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");

    assertThat(Http.send("GET", Http.accountUri(scim, "/Users"), token, null).status).isEqualTo(401);
  }

  @Test
  void secretsApi_createsListsAndDeletesSecrets() {
    ServicePrincipal sp = admin();
    URI secrets = scim.url().resolve("/api/2.0/accounts/" + scim.accountId() + "/servicePrincipals/"
        + sp.id().orElseThrow() + "/credentials/secrets");

    Http.Reply created = Http.send("POST", secrets, scim.accountToken(), "{}");
    String secret = created.json.get("secret").asText();
    int tokenStatus = accountToken(sp, secret).status;
    Http.Reply listed = Http.send("GET", secrets, scim.accountToken(), null);
    Http.Reply deleted = Http.send("DELETE", URI.create(secrets + "/" + created.json.get("id").asText()),
        scim.accountToken(), null);

    assertThat(created.status).isEqualTo(200);
    assertThat(created.json.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(tokenStatus).isEqualTo(200);
    assertThat(listed.json.get("secrets")).hasSize(1);
    assertThat(listed.text).doesNotContain(secret);
    assertThat(deleted.status).isEqualTo(200);
    assertThat(accountToken(sp, secret).status).isEqualTo(401);
    assertThat(Http.send("POST", URI.create(secrets.toString().replace(sp.id().orElseThrow(), "42")),
        scim.accountToken(), "{}").status).isEqualTo(404);
  }

  @Test
  void discovery_namesTheTokenEndpointOfEachHost() {
    Http.Reply workspace = Http.send("GET",
        scim.workspace(0).url().resolve("/oidc/.well-known/oauth-authorization-server"), null, null);
    Http.Reply account = Http.send("GET", scim.url().resolve("/oidc/.well-known/oauth-authorization-server"),
        null, null);

    assertThat(workspace.json.get("token_endpoint").asText())
        .isEqualTo(scim.workspace(0).url().resolve("/oidc/v1/token").toString());
    assertThat(account.json.get("token_endpoint").asText()).isEqualTo(accountTokenUri().toString());
  }

  @Test
  void createOAuthSecret_forUnknownApplicationId_throws() {
    assertThatThrownBy(() -> scim.state().createOAuthSecret("no-such-app"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reset_forgetsSecretsAndTokens() {
    ServicePrincipal sp = scim.state().seed(ServicePrincipal.builder().applicationId("11111111-2222-3333-4444-555555555555")
        .addRoles(ComplexValue.of("account_admin")).build());
    String secret = scim.state().createOAuthSecret(sp.applicationId().orElseThrow());

    scim.reset();
    ServicePrincipal again = scim.state().seed(ServicePrincipal.builder()
        .applicationId("11111111-2222-3333-4444-555555555555").addRoles(ComplexValue.of("account_admin")).build());

    assertThat(accountToken(again, secret).status).isEqualTo(401);
  }
}
