package dev.dbscim.client;

import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Clients pointed at a testkit {@link FakeScimServer}, for the client's own tests: built from the fake's environment,
 * with {@link RetryPolicy#standard() standard retries} that never wait ({@link Sleeper#noWait()}), no client-side
 * pacing ({@link RateLimits#unlimited()}; the fake's own limits still answer 429), the fake's clock for
 * {@code Retry-After} dates, and one shared HTTP client that no client closes. The account client reads the fake's
 * current token before every request, so it keeps working after {@link FakeScimServer#rotateAccountToken()}.
 */
public final class FakeClients {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private FakeClients() {}

  /** Returns an account client of the fake's account, as its account admin. */
  public static ScimAccountClient account(FakeScimServer fake) {
    return forTests(ScimAccountClient.builder().environment(fake.environment()), fake)
        .credentials(TokenCredentials.fromSupplier(fake::accountToken))
        .build();
  }

  /** Returns a workspace client of the fake's first workspace, as its admin. */
  public static ScimWorkspaceClient workspace(FakeScimServer fake) {
    return workspace(fake, fake.workspace(0).id());
  }

  /** Returns a workspace client of workspace {@code id}, as its admin. */
  public static ScimWorkspaceClient workspace(FakeScimServer fake, long id) {
    return workspace(fake, workspaceById(fake, id), false);
  }

  /** Returns a workspace client of workspace {@code id}, as its plain (non-admin) user. */
  public static ScimWorkspaceClient workspaceUser(FakeScimServer fake, long id) {
    return workspace(fake, workspaceById(fake, id), true);
  }

  private static ScimWorkspaceClient workspace(FakeScimServer fake, FakeWorkspace workspace, boolean plainUser) {
    return forTests(ScimWorkspaceClient.builder()
        .environment(plainUser ? workspace.userEnvironment() : workspace.environment()), fake)
        .build();
  }

  private static <B extends FacadeBuilder<B>> B forTests(B builder, FakeScimServer fake) {
    return builder.httpClient(HTTP)
        .sleeper(Sleeper.noWait())
        .clock(fake.clock())
        .retryPolicy(RetryPolicy.standard())
        .rateLimits(RateLimits.unlimited());
  }

  private static FakeWorkspace workspaceById(FakeScimServer fake, long id) {
    for (FakeWorkspace workspace : fake.workspaces()) {
      if (workspace.id() == id) {
        return workspace;
      }
    }
    throw new IllegalArgumentException("the fake has no workspace " + id);
  }
}
