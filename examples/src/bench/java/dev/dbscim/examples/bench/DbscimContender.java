package dev.dbscim.examples.bench;

import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.User;
import java.net.URI;

/**
 * This project's {@link ScimAccountClient} with default settings except {@link RateLimits#unlimited()} (the default
 * account limits would pace the benchmark, not measure it) and an explicit {@link RetryPolicy#standard()}.
 *
 * <p>Listing uses {@code users().list(q -> q.pageSize(100))}, the lazy auto-paging iterable.
 */
final class DbscimContender implements Contender {
  private final ScimAccountClient account;
  private long sequence;

  DbscimContender(URI baseUri, String accountId, String token) {
    this.account = ScimAccountClient.builder()
        .endpoint(baseUri)
        .accountId(accountId)
        .credentials(TokenCredentials.of(token))
        .rateLimits(RateLimits.unlimited())
        .retryPolicy(RetryPolicy.standard())
        .build();
  }

  @Override
  public String name() {
    return "dbscim";
  }

  @Override
  public int listAll() {
    int seen = 0;
    for (User user : account.users().list(q -> q.pageSize(100))) {
      if (user.id().isPresent()) {
        seen++;
      }
    }
    return seen;
  }

  @Override
  public int create(int count) {
    int created = 0;
    for (int i = 0; i < count; i++) {
      long n = sequence++;
      User user = account.users().create(User.builder()
          .userName("dbscim." + n + "@example.com")
          .displayName("Dbscim User " + n)
          .name(Name.builder().givenName("Dbscim").familyName("User " + n).build())
          .active(true)
          .build());
      if (user.id().isPresent()) {
        created++;
      }
    }
    return created;
  }

  @Override
  public void close() {
    account.close();
  }
}
