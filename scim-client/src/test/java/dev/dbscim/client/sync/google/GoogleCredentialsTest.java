package dev.dbscim.client.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleCredentialsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void sign_serviceAccountJwt_verifiesWithPublicKeyAndCarriesClaims() throws Exception {
    GoogleCredentials.ServiceAccountCredentials credentials = (GoogleCredentials.ServiceAccountCredentials)
        GoogleCredentials.serviceAccountKeyJson(TestKeys.keyJson("sync@p.iam.gserviceaccount.com",
            "https://oauth2.googleapis.com/token"), "admin@example.com");

    String jwt = JwtAssertion.sign(credentials.key.clientEmail(), credentials.key.privateKeyId(),
        credentials.key.privateKey(), credentials.subject, GoogleCredentials.DIRECTORY_READ_SCOPES, NOW);

    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(TestKeys.PAIR.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(header.get("kid").asText()).isEqualTo("kid-1");
    assertThat(claims.get("iss").asText()).isEqualTo("sync@p.iam.gserviceaccount.com");
    assertThat(claims.get("sub").asText()).isEqualTo("admin@example.com");
    assertThat(claims.get("aud").asText()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(claims.get("scope").asText()).isEqualTo(
        "https://www.googleapis.com/auth/admin.directory.user.readonly"
            + " https://www.googleapis.com/auth/admin.directory.group.readonly"
            + " https://www.googleapis.com/auth/admin.directory.group.member.readonly");
    assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 3600);
    assertThat(parts[0] + parts[1] + parts[2]).doesNotContain("=", "+", "/");
  }

  @Test
  void sign_tamperedClaims_failVerification() throws Exception {
    GoogleCredentials.ServiceAccountCredentials credentials = (GoogleCredentials.ServiceAccountCredentials)
        GoogleCredentials.serviceAccountKeyJson(TestKeys.keyJson("sync@p", "https://t.example/token"), "a@b.c");
    String jwt = JwtAssertion.sign("sync@p", null, credentials.key.privateKey(), "a@b.c",
        GoogleCredentials.DIRECTORY_READ_SCOPES, NOW);
    String[] parts = jwt.split("\\.");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("a@b.c", "x@b.c").getBytes(StandardCharsets.UTF_8));

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(TestKeys.PAIR.getPublic());
    verifier.update((parts[0] + "." + forged).getBytes(StandardCharsets.US_ASCII));

    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    assertThat(decode(parts[0]).has("kid")).isFalse();
  }

  @Test
  void serviceAccountKeyJson_brokenKeys_failWithoutEchoingTheKey() {
    String valid = TestKeys.keyJson("sync@p", "https://oauth2.googleapis.com/token");
    String secretPart = TestKeys.pem().substring(40, 80);

    assertThatThrownBy(() -> GoogleCredentials.serviceAccountKeyJson(valid.substring(0, 200), "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON")
        .hasMessageNotContaining(secretPart.substring(0, 20));
    assertThatThrownBy(() -> GoogleCredentials.serviceAccountKeyJson(valid.replace(secretPart, "AAAA"), "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable RSA key");
    assertThatThrownBy(() -> GoogleCredentials.serviceAccountKeyJson(
        valid.replace("\"client_email\"", "\"other\""), "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no client_email");
    assertThatThrownBy(() -> GoogleCredentials.serviceAccountKeyJson(
        valid.replace("service_account", "authorized_user"), "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorized_user");
    assertThatThrownBy(() -> GoogleCredentials.serviceAccountKeyJson(valid, "not-an-email"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
  }

  @Test
  void toString_anyCredentials_hidesKeyAndToken() {
    GoogleCredentials account = GoogleCredentials.serviceAccountKeyJson(TestKeys.keyJson("sync@p", "https://t/x"),
        "admin@example.com");
    GoogleCredentials token = GoogleCredentials.accessToken("ya29.secret-token");

    assertThat(account.toString()).contains("sync@p", "admin@example.com", "****")
        .doesNotContain(TestKeys.pem().substring(40, 80));
    assertThat(token.toString()).doesNotContain("ya29").contains("****");
    assertThat(GoogleDirectorySource.builder().credentials(token).build().toString())
        .doesNotContain("ya29").contains("customer=my_customer");
  }

  @Test
  void fromEnvironment_keyFileVariable_readsTheFileOrExplainsWhatIsMissing(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("key.json");
    Files.write(key, TestKeys.keyJson("env@p", "https://oauth2.googleapis.com/token")
        .getBytes(StandardCharsets.UTF_8));

    GoogleCredentials credentials = GoogleCredentials.fromEnvironment("admin@example.com",
        Map.of(GoogleCredentials.KEY_FILE_VARIABLE, key.toString())::get);

    assertThat(credentials.toString()).contains("env@p");
    assertThatThrownBy(() -> GoogleCredentials.fromEnvironment("admin@example.com", name -> null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
  }

  private static JsonNode decode(String part) throws Exception {
    return MAPPER.readTree(Base64.getUrlDecoder().decode(part));
  }
}
