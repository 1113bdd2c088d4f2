package dev.dbscim.testkit.sdk;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.core.oauth.OAuthM2MServicePrincipalCredentialsProvider;
import com.databricks.sdk.core.utils.Environment;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;

/**
 * Builds official SDK clients pointed at a fake, per databricks-scim.md section 8. Every field that matters is set, and
 * the config is resolved against an EMPTY environment, so no {@code DATABRICKS_*} variable (such as
 * {@code DATABRICKS_WORKSPACE_ID}, which would add a header) leaks in from the machine running the tests.
 */
final class SdkConfigs {
  private SdkConfigs() {}

  static AccountClient account(FakeScimServer scim) {
    DatabricksConfig config = base(scim.url().toString(), scim.accountToken()).setAccountId(scim.accountId());
    return new AccountClient(isolated(config));
  }

  static WorkspaceClient workspace(FakeWorkspace workspace, String token) {
    return new WorkspaceClient(isolated(base(workspace.url().toString(), token)));
  }

  /** An account client authenticated by OAuth M2M as the service principal {@code clientId}. */
  static AccountClient accountM2M(FakeScimServer scim, String clientId, String secret) {
    return new AccountClient(isolated(m2m(scim.url().toString(), clientId, secret).setAccountId(scim.accountId())));
  }

  /** A workspace client authenticated by OAuth M2M as the service principal {@code clientId}. */
  static WorkspaceClient workspaceM2M(FakeWorkspace workspace, String clientId, String secret) {
    return new WorkspaceClient(isolated(m2m(workspace.url().toString(), clientId, secret)));
  }

  private static DatabricksConfig m2m(String host, String clientId, String secret) {
    return new DatabricksConfig()
        .setHost(host)
        .setClientId(clientId)
        .setClientSecret(secret)
        .setAuthType("oauth-m2m")
        .setCredentialsProvider(new OAuthM2MServicePrincipalCredentialsProvider())
        .setDisableAsyncTokenRefresh(true)
        .setHttpTimeoutSeconds(5)
        .setDisableRetries(true);
  }

  private static DatabricksConfig base(String host, String token) {
    return new DatabricksConfig()
        .setHost(host)
        .setToken(token)
        .setAuthType("pat")
        .setCredentialsProvider(new PatCredentialsProvider())
        .setHttpTimeoutSeconds(5)
        .setDisableRetries(true);
  }

  /** Resolves with an empty environment through the SDK's package-private {@code resolve(Environment)}. */
  private static DatabricksConfig isolated(DatabricksConfig config) {
    try {
      Method resolve = DatabricksConfig.class.getDeclaredMethod("resolve", Environment.class);
      resolve.setAccessible(true);
      resolve.invoke(config, new Environment(Collections.emptyMap(), Collections.emptyList(), "linux"));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("the SDK no longer has resolve(Environment)", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the SDK config did not resolve", e.getCause());
    }
    if (!config.getEnv().getEnv().isEmpty() || config.getWorkspaceId() != null) {
      throw new IllegalStateException("the environment leaked into the SDK config");
    }
    return config;
  }
}
