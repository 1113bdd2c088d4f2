package dev.dbscim.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.error.ScimClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCredentialsTest {
  private static final String SENTINEL = "dapi-SENTINEL-7f3c9a";

  @TempDir Path dir;

  @Test
  void of_validToken_returnsItOnEveryCall() {
    TokenCredentials credentials = TokenCredentials.of(SENTINEL);

    assertThat(credentials.bearerToken()).isEqualTo(SENTINEL);
    credentials.invalidate(SENTINEL);
    assertThat(credentials.bearerToken()).isEqualTo(SENTINEL);
  }

  @Test
  void of_surroundingWhitespace_isStripped() {
    assertThat(TokenCredentials.of("  " + SENTINEL + "\n").bearerToken()).isEqualTo(SENTINEL);
  }

  @Test
  void of_blankOrNull_isRejected() {
    assertThatThrownBy(() -> TokenCredentials.of(" \t")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenCredentials.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void of_tokenWithCrLf_isRejectedWithoutEchoingIt() {
    String injected = SENTINEL + "\r\nX-Injected: yes";

    assertThatThrownBy(() -> TokenCredentials.of(injected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control character")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL).doesNotContain("X-Injected"));
  }

  @Test
  void of_tokenWithOtherControlCharacter_isRejected() {
    assertThatThrownBy(() -> TokenCredentials.of("abc\u0000def")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenCredentials.of("abc\u007fdef")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromSupplier_rotatedToken_isReadOnNextCall() {
    AtomicReference<String> store = new AtomicReference<>("old-token");
    TokenCredentials credentials = TokenCredentials.fromSupplier(store::get);

    String first = credentials.bearerToken();
    store.set("new-token");
    String second = credentials.bearerToken();

    assertThat(first).isEqualTo("old-token");
    assertThat(second).isEqualTo("new-token");
  }

  @Test
  void fromSupplier_nullOrBlank_throwsClientExceptionWithClearMessage() {
    AtomicReference<String> store = new AtomicReference<>(null);
    TokenCredentials credentials = TokenCredentials.fromSupplier(store::get);

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("supplier returned no token");
    store.set("   ");
    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .satisfies(e -> assertThat(((ScimClientException) e).attempts()).isZero())
        .satisfies(e -> assertThat(((ScimClientException) e).retryable()).isFalse());
  }

  @Test
  void fromSupplier_tokenWithLineFeed_isRejectedWithoutEchoingIt() {
    TokenCredentials credentials = TokenCredentials.fromSupplier(() -> SENTINEL + "\nHost: evil");

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL));
  }

  @Test
  void fromEnvironment_setVariable_isReadOnEveryCall() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SCIM_TOKEN", SENTINEL + "\n");
    TokenCredentials credentials = TokenCredentials.fromEnvironment("SCIM_TOKEN", environment::get);

    String first = credentials.bearerToken();
    environment.put("SCIM_TOKEN", "rotated");

    assertThat(first).isEqualTo(SENTINEL);
    assertThat(credentials.bearerToken()).isEqualTo("rotated");
  }

  @Test
  void fromEnvironment_processVariableUnset_failsFastNamingTheVariable() {
    String name = "DBSCIM_SURELY_UNSET_TOKEN_7F3C9A";

    assertThatThrownBy(() -> TokenCredentials.fromEnvironment(name))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(name);
  }

  @Test
  void fromEnvironment_unsetVariable_failsFastNamingTheVariable() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SCIM_TOKEN", "  ");

    assertThatThrownBy(() -> TokenCredentials.fromEnvironment("SCIM_TOKEN", environment::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SCIM_TOKEN");
    assertThatThrownBy(() -> TokenCredentials.fromEnvironment("OTHER", environment::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OTHER");
  }

  @Test
  void fromEnvironment_variableRemovedLater_throwsClientException() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SCIM_TOKEN", SENTINEL);
    TokenCredentials credentials = TokenCredentials.fromEnvironment("SCIM_TOKEN", environment::get);
    environment.remove("SCIM_TOKEN");

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("SCIM_TOKEN");
  }

  @Test
  void fromFile_tokenWithTrailingNewline_returnsStrippedToken() throws IOException {
    Path file = write("token", SENTINEL + "\n");

    assertThat(TokenCredentials.fromFile(file).bearerToken()).isEqualTo(SENTINEL);
  }

  @Test
  void fromFile_rewrittenFile_returnsNewToken() throws IOException {
    Path file = write("token", "first-token\n");
    TokenCredentials credentials = TokenCredentials.fromFile(file);
    String first = credentials.bearerToken();

    write("token", "second-token-longer\n");

    assertThat(first).isEqualTo("first-token");
    assertThat(credentials.bearerToken()).isEqualTo("second-token-longer");
  }

  @Test
  void fromFile_unchangedAttributes_servesCachedTokenUntilInvalidated() throws IOException {
    Path file = write("token", "token-aaaa");
    FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
    Files.setLastModifiedTime(file, modified);
    TokenCredentials credentials = TokenCredentials.fromFile(file);
    String first = credentials.bearerToken();
    write("token", "token-bbbb");
    Files.setLastModifiedTime(file, modified);

    String cached = credentials.bearerToken();
    credentials.invalidate("some-other-token");
    String afterUnrelatedInvalidate = credentials.bearerToken();
    credentials.invalidate("token-aaaa");
    String afterInvalidate = credentials.bearerToken();

    assertThat(first).isEqualTo("token-aaaa");
    assertThat(cached).isEqualTo("token-aaaa");
    assertThat(afterUnrelatedInvalidate).isEqualTo("token-aaaa");
    assertThat(afterInvalidate).isEqualTo("token-bbbb");
  }

  @Test
  void fromFile_missingFile_throwsClientExceptionNamingThePath() {
    Path missing = dir.resolve("absent-token");
    TokenCredentials credentials = TokenCredentials.fromFile(missing);

    assertThatThrownBy(credentials::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("absent-token")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void fromFile_emptyFile_throwsClientException() throws IOException {
    Path file = write("token", "\n");

    assertThatThrownBy(TokenCredentials.fromFile(file)::bearerToken)
        .isInstanceOf(ScimClientException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void toString_anySource_neverShowsTheToken() throws IOException {
    Map<String, String> environment = new HashMap<>();
    environment.put("SCIM_TOKEN", SENTINEL);
    Path file = write("token", SENTINEL);
    TokenCredentials fromFile = TokenCredentials.fromFile(file);
    fromFile.bearerToken();

    assertThat(TokenCredentials.of(SENTINEL)).hasToString("TokenCredentials[fixed, ****]");
    assertThat(TokenCredentials.fromSupplier(() -> SENTINEL)).hasToString("TokenCredentials[supplier, ****]");
    assertThat(TokenCredentials.fromEnvironment("SCIM_TOKEN", environment::get))
        .hasToString("TokenCredentials[env SCIM_TOKEN, ****]");
    assertThat(fromFile.toString()).startsWith("TokenCredentials[file ").endsWith(", ****]").doesNotContain(SENTINEL);
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }
}
