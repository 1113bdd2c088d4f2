package dev.dbscim.examples.bench;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.service.iam.ListAccountUsersRequest;
import com.databricks.sdk.service.iam.Name;
import com.databricks.sdk.service.iam.User;
import com.databricks.sdk.service.iam.UserSchema;
import java.net.URI;
import java.util.Collections;

/**
 * The official Databricks Java SDK ({@code com.databricks:databricks-sdk-java}, Apache HttpClient 4 with blocking I/O on
 * the caller's thread), configured as /work/shared/databricks-scim.md section 8 describes: {@code authType=pat} with an
 * explicit {@link PatCredentialsProvider}, so the only extra call it makes is the one
 * {@code GET /.well-known/databricks-config} (404) during construction, which happens before any measurement.
 *
 * <p>{@code users().list(new ListAccountUsersRequest())} forces {@code startIndex=1&count=10000} and pages by the size
 * of {@code Resources} until a page has none: 101 requests for 10,000 users when the server caps pages at 100.
 */
final class OfficialSdkContender implements Contender {
  private final AccountClient account;
  private long sequence;

  OfficialSdkContender(URI baseUri, String accountId, String token) {
    this.account = new AccountClient(new DatabricksConfig()
        .setHost(baseUri.toString())
        .setAccountId(accountId)
        .setToken(token)
        .setAuthType("pat")
        .setCredentialsProvider(new PatCredentialsProvider()));
  }

  @Override
  public String name() {
    return "official-sdk";
  }

  @Override
  public int listAll() {
    int seen = 0;
    for (User user : account.users().list(new ListAccountUsersRequest())) {
      if (user.getId() != null) {
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
      User user = account.users().create(new User()
          .setSchemas(Collections.singletonList(UserSchema.URN_IETF_PARAMS_SCIM_SCHEMAS_CORE_2_0_USER))
          .setUserName("sdk." + n + "@example.com")
          .setDisplayName("Sdk User " + n)
          .setName(new Name().setGivenName("Sdk").setFamilyName("User " + n))
          .setActive(true));
      if (user.getId() != null) {
        created++;
      }
    }
    return created;
  }

  @Override
  public void close() {
    // The SDK's AccountClient holds no closeable resources in its public API.
  }
}
