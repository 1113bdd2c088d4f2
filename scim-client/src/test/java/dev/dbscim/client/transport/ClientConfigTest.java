package dev.dbscim.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientConfigTest {
  static final String TOKEN = "dapiSENTINEL0123456789abcdef";

  static ClientConfig.Builder base(String endpoint) {
    return ClientConfig.builder().endpoint(URI.create(endpoint)).credentials(() -> TOKEN);
  }

  @Test
  void build_defaults_areDocumentedValues() {
    ClientConfig config = base("https://accounts.cloud.databricks.com").build();

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.standard());
    assertThat(config.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(config.allowInsecureHttp()).isFalse();
    assertThat(config.wireLoggingEnabled()).isFalse();
    assertThat(config.httpClient()).isEmpty();
    assertThat(config.defaultHeaders()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000", "http://127.5.6.7"})
  void build_plainHttpToLoopback_isAllowed(String endpoint) {
    assertThat(base(endpoint).build().endpoint()).isEqualTo(URI.create(endpoint));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://accounts.cloud.databricks.com", "http://10.0.0.5", "http://localhost.evil.com"})
  void build_plainHttpToOtherHosts_isRefusedUnlessAllowed(String endpoint) {
    assertThatThrownBy(() -> base(endpoint).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureHttp");
    assertThat(base(endpoint).allowInsecureHttp(true).build().allowInsecureHttp()).isTrue();
  }

  @Test
  void build_badEndpoints_areRefusedWithoutEchoingUserInfo() {
    assertThatThrownBy(() -> base("https://user:pa55@host.example").build())
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("pa55");
    assertThatThrownBy(() -> base("ftp://host.example").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base("/relative").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base("https://host.example/x?token=1").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_missingRequiredOptions_throwIllegalState() {
    assertThatThrownBy(() -> ClientConfig.builder().credentials(() -> TOKEN).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ClientConfig.builder().endpoint(URI.create("https://h")).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_rejectsReservedHeadersAndBadValues() {
    assertThatThrownBy(() -> base("https://h").putDefaultHeader("authorization", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("Bearer x");
    assertThatThrownBy(() -> base("https://h").putDefaultHeader("Host", "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base("https://h").putDefaultHeader("X-A", "a\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().putHeader("Content-Type", "text/plain"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base("https://h").requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base("https://h").maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_masksCredentialsAndHeaderValues() {
    ClientConfig config = base("https://h").putDefaultHeader("X-Api-Key", "hdr-secret").build();

    assertThat(config.toString()).contains("credentials=****", "X-Api-Key").doesNotContain(TOKEN, "hdr-secret");
    assertThat(RequestOptions.builder().putHeader("X-Api-Key", "hdr-secret").build().toString())
        .doesNotContain("hdr-secret");
  }

  @Test
  void toBuilder_keepsEverySetting() {
    ClientConfig config = base("http://10.1.1.1").allowInsecureHttp(true).wireLoggingEnabled(true)
        .userAgentSuffix("tool/1").maxResponseBytes(1234).putDefaultHeader("X-A", "1")
        .requestTimeout(Duration.ofSeconds(5)).build();

    ClientConfig copy = config.toBuilder().build();

    assertThat(copy.toString()).isEqualTo(config.toString());
    assertThat(copy.credentials()).isSameAs(config.credentials());
  }

  @Test
  void build_callerHttpClientThatFollowsRedirects_isRefused() {
    java.net.http.HttpClient following = java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
    java.net.http.HttpClient never = java.net.http.HttpClient.newBuilder().build();

    assertThatThrownBy(() -> base("https://h").httpClient(following).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    assertThat(base("https://h").httpClient(never).build().httpClient()).containsSame(never);
  }

  @Test
  void defaultHeaders_lookupIgnoresCase() {
    assertThat(base("https://h").putDefaultHeader("X-Databricks-Workspace-Id", "42").build().defaultHeaders())
        .containsEntry("x-databricks-workspace-id", "42");
  }
}
