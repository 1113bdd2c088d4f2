package dev.dbscim.examples;

import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.net.http.HttpClient;

/**
 * Clients of an embedded {@link FakeScimServer}, for the demos that run without a real account and for the examples'
 * tests: built from the fake's environment, with standard retries that never wait, no client-side pacing, the fake's
 * clock, and one HTTP client shared by all of them. The account client reads the fake's current token before every
 * request, so it keeps working after {@link FakeScimServer#rotateAccountToken()}.
 */
public final class EmbeddedFakeClients {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private EmbeddedFakeClients() {}

  /**
   * Returns a client of the fake's account, as its account admin.
   *
   * @param fake a started fake
   * @return the client
   */
  public static ScimAccountClient account(FakeScimServer fake) {
    return ScimAccountClient.builder()
        .environment(fake.environment())
        .credentials(TokenCredentials.fromSupplier(fake::accountToken))
        .httpClient(HTTP)
        .sleeper(Sleeper.noWait())
        .clock(fake.clock())
        .retryPolicy(RetryPolicy.standard())
        .rateLimits(RateLimits.unlimited())
        .build();
  }

  /**
   * Returns a client of a workspace of the fake, as its admin.
   *
   * @param fake a started fake
   * @param workspaceId the workspace id, such as {@code 1001}
   * @return the client
   * @throws IllegalArgumentException when the fake has no such workspace
   */
  public static ScimWorkspaceClient workspace(FakeScimServer fake, long workspaceId) {
    for (FakeWorkspace workspace : fake.workspaces()) {
      if (workspace.id() == workspaceId) {
        return ScimWorkspaceClient.builder()
            .environment(workspace.environment())
            .httpClient(HTTP)
            .sleeper(Sleeper.noWait())
            .clock(fake.clock())
            .retryPolicy(RetryPolicy.standard())
            .rateLimits(RateLimits.unlimited())
            .build();
      }
    }
    throw new IllegalArgumentException("the fake has no workspace " + workspaceId);
  }
}
