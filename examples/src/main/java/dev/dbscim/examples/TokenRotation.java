package dev.dbscim.examples;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Rotating the account SCIM token without restarting: the client reads its token with
 * {@link TokenCredentials#fromFile(Path)} (a mounted secret, re-read when the file changes); a token kept in a
 * secret store works the same way with {@code TokenCredentials.fromSupplier(store::currentToken)}.
 *
 * <p>With no {@code DATABRICKS_HOST} it plays a rotation on the embedded fake: the account token is regenerated
 * ({@code rotateAccountToken()}), the old one keeps working for 24 hours as on Databricks, the new one is written to
 * the file, and a day later (on the fake's clock) only the old token is refused. With {@code DATABRICKS_HOST},
 * {@code DATABRICKS_ACCOUNT_ID} and {@code DATABRICKS_TOKEN_FILE} set, it reads the token from that file and lists the
 * account's users once: replace the file's content after regenerating the token and the next request uses it.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.TokenRotation}.
 */
public final class TokenRotation {
  private TokenRotation() {}

  /**
   * Plays the rotation on the embedded fake, or reads a real account with a token file when configured.
   *
   * @param args ignored
   * @throws IOException when the token file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> environment = System.getenv();
    if (environment.containsKey("DATABRICKS_HOST")) {
      try (ScimAccountClient account = client(URI.create(environment.get("DATABRICKS_HOST")),
          environment.get("DATABRICKS_ACCOUNT_ID"), Paths.get(environment.get("DATABRICKS_TOKEN_FILE")))) {
        System.out.println("the account has " + account.users().list().stream().count() + " user(s)");
      }
      return;
    }
    FakeClock clock = FakeClock.atSystemTime();
    Path directory = Files.createTempDirectory("token-rotation");
    try (FakeScimServer fake = FakeScimServer.builder().clock(clock).build().start()) {
      run(fake, clock, directory.resolve("scim-token"), System.out);
    } finally {
      Files.deleteIfExists(directory.resolve("scim-token"));
      Files.delete(directory);
    }
  }

  /** Returns an account client that reads its token from {@code tokenFile} whenever the file changes. */
  static ScimAccountClient client(URI endpoint, String accountId, Path tokenFile) {
    return ScimAccountClient.builder()
        .endpoint(endpoint)
        .accountId(accountId)
        .credentials(TokenCredentials.fromFile(tokenFile))
        .build();
  }

  static void run(FakeScimServer fake, FakeClock clock, Path tokenFile, PrintStream out) {
    String oldToken = fake.accountToken();
    writeAtomically(tokenFile, oldToken);
    try (ScimAccountClient account = client(fake.url(), fake.accountId(), tokenFile)) {
      account.users().create(User.builder().userName("rotation@example.com").build());
      out.println("created a user with the first token");

      String newToken = fake.rotateAccountToken();
      out.println("rotated; the old token still works: " + account.users().list().stream().count() + " user(s)");

      writeAtomically(tokenFile, newToken);
      clock.advance(Duration.ofHours(25));
      out.println("a day later, with the new token from the file: "
          + account.users().list().stream().count() + " user(s)");
    }
    try (ScimAccountClient stale = EmbeddedFakeClients.account(fake).newBuilder()
        .credentials(TokenCredentials.of(oldToken)).build()) {
      stale.users().list().stream().count();
      out.println("the old token still works (unexpected)");
    } catch (ScimUnauthorizedException e) {
      out.println("the old token is refused: HTTP " + e.status());
    }
  }

  /** Replaces the file in one step, as a secret mount does, so a reader never sees it half written. */
  private static void writeAtomically(Path file, String token) {
    try {
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.write(next, (token + "\n").getBytes(StandardCharsets.UTF_8));
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
