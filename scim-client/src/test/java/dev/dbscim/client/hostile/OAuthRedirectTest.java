package dev.dbscim.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.client.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The OAuth client secret never follows a redirect, whatever HTTP client the caller passes. */
@Timeout(20)
class OAuthRedirectTest {
  static final String SECRET = "dose-OAUTHSECRETSENTINEL-42";

  @Test
  void bearerToken_tokenEndpointRedirectsToAnotherHost_secretStaysHome() throws Exception {
    try (MockWebServer endpoint = LoopbackServers.start(); MockWebServer thief = LoopbackServers.start()) {
      endpoint.enqueue(new MockResponse.Builder().code(307)
          .addHeader("Location", "http://localhost:" + thief.getPort() + "/steal").build());
      thief.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"access_token\":\"stolen\",\"token_type\":\"Bearer\",\"expires_in\":3600}").build());
      OAuthCredentials credentials = OAuthCredentials.builder()
          .tokenEndpoint(URI.create("http://127.0.0.1:" + endpoint.getPort() + "/oidc/v1/token"))
          .clientId("client-1").clientSecret(SECRET).sleeper(Sleeper.noWait()).build();

      Throwable thrown = catchThrowable(credentials::bearerToken);

      assertThat(thrown).isNotNull();
      assertThat(String.valueOf(thrown)).doesNotContain(SECRET);
      assertThat(thief.getRequestCount()).isZero();
    }
  }

  @Test
  void build_callersHttpClientFollowingRedirects_isRefusedBeforeAnySecretIsSent() throws Exception {
    try (MockWebServer endpoint = LoopbackServers.start(); MockWebServer thief = LoopbackServers.start()) {
      endpoint.enqueue(new MockResponse.Builder().code(307)
          .addHeader("Location", "http://localhost:" + thief.getPort() + "/steal").build());
      thief.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"access_token\":\"stolen\",\"token_type\":\"Bearer\",\"expires_in\":3600}").build());
      HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();

      Throwable thrown = catchThrowable(() -> OAuthCredentials.builder()
          .tokenEndpoint(URI.create("http://127.0.0.1:" + endpoint.getPort() + "/oidc/v1/token"))
          .clientId("client-1").clientSecret(SECRET).sleeper(Sleeper.noWait()).httpClient(following).build()
          .bearerToken());

      RecordedRequest stolen = thief.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      assertThat(stolen == null ? "nothing" : stolen.getHeaders() + " " + stolen.getBody().utf8())
          .as("what reached the other host").isEqualTo("nothing");
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
      assertThat(thrown.getMessage()).doesNotContain(SECRET);
      assertThatThrownBy(() -> OAuthCredentials.builder().tokenEndpoint(URI.create("https://h.example.com/t"))
          .clientId("c").clientSecret(SECRET)
          .httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()).build())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
