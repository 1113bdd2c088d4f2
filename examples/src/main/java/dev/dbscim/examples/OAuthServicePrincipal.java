package dev.dbscim.examples;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.testkit.FakeScimServer;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/**
 * OAuth machine-to-machine: a service principal reads the account with an OAuth client id and secret instead of a
 * SCIM token. {@link OAuthCredentials} fetches an access token from the account's token endpoint, caches it and
 * fetches the next one shortly before it expires.
 *
 * <p>With no {@code DATABRICKS_HOST} it starts the embedded fake, seeds a service principal with the
 * {@code account_admin} role and an OAuth secret, and talks to that; with {@code DATABRICKS_HOST} (the account
 * console), {@code DATABRICKS_ACCOUNT_ID}, {@code DATABRICKS_CLIENT_ID} and {@code DATABRICKS_CLIENT_SECRET} set, it
 * reads that account (read-only).
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.OAuthServicePrincipal}.
 */
public final class OAuthServicePrincipal {
  private OAuthServicePrincipal() {}

  /**
   * Runs against the embedded fake, or against a real account when configured.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    if (environment.containsKey("DATABRICKS_HOST")) {
      URI host = URI.create(environment.get("DATABRICKS_HOST"));
      String accountId = environment.get("DATABRICKS_ACCOUNT_ID");
      OAuthCredentials credentials = OAuthCredentials.fromEnvironment(
          OAuthCredentials.accountTokenEndpoint(host, accountId));
      run(host, accountId, credentials, environment.get("DATABRICKS_CLIENT_ID"), System.out);
      return;
    }
    try (FakeScimServer fake = FakeScimServer.create().start()) {
      ServicePrincipal bot = fake.state().seed(ServicePrincipal.builder()
          .displayName("provisioning-bot")
          .addRoles(ComplexValue.of("account_admin"))
          .build());
      String clientId = bot.applicationId().orElseThrow();
      OAuthCredentials credentials = OAuthCredentials.builder()
          .tokenEndpoint(OAuthCredentials.accountTokenEndpoint(fake.url(), fake.accountId()))
          .clientId(clientId)
          .clientSecret(fake.state().createOAuthSecret(clientId))
          .build();
      run(fake.url(), fake.accountId(), credentials, clientId, System.out);
    }
  }

  static void run(URI host, String accountId, OAuthCredentials credentials, String clientId, PrintStream out) {
    try (ScimAccountClient account = ScimAccountClient.builder()
        .endpoint(host)
        .accountId(accountId)
        .credentials(credentials)
        .build()) {
      ServicePrincipal self = account.servicePrincipals()
          .list(q -> q.filter(Filter.attr("applicationId").eq(clientId)))
          .stream().findFirst().orElseThrow();
      out.println("authenticated as " + self.displayName().orElse(clientId) + " (" + clientId + ")");
      long users = account.users().list(q -> q.pageSize(100)).stream().count();
      out.println("the account has " + users + " user(s)");
    }
  }
}
