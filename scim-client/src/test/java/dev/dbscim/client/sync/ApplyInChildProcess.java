package dev.dbscim.client.sync;

import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncTarget;
import java.net.URI;
import java.nio.file.Paths;

/**
 * The child JVM of {@link KilledApplyTest}: applies a directory to the fake named by its arguments (the token comes
 * from the environment variable {@code FAKE_ACCOUNT_TOKEN}) and prints one line per finished step, so the parent can
 * kill it half way.
 */
public final class ApplyInChildProcess {
  private ApplyInChildProcess() {}

  /**
   * Applies the directory.
   *
   * @param args the fake's URL, the account id and the directory file
   */
  public static void main(String[] args) {
    try (ScimAccountClient client = ScimAccountClient.builder().endpoint(URI.create(args[0])).accountId(args[1])
        .credentials(TokenCredentials.fromEnvironment("FAKE_ACCOUNT_TOKEN")).rateLimits(RateLimits.unlimited()).build()) {
      SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).concurrency(2)
          .progressListener((result, progress) -> {
            System.out.println("done " + progress.done() + " of " + progress.total());
            System.out.flush();
          })
          .build();
      SyncPlan plan = engine.plan(DirectoryJson.read(Paths.get(args[2])));
      System.out.println("planned " + plan.operations().size());
      System.out.flush();
      engine.apply(plan);
      System.out.println("finished");
    }
  }
}
