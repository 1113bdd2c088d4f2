package dev.dbscim.client;

import dev.dbscim.client.api.GroupsApi;
import dev.dbscim.client.api.RawApi;
import dev.dbscim.client.api.ServicePrincipalsApi;
import dev.dbscim.client.api.UsersApi;
import dev.dbscim.client.api.WorkspaceAssignmentsApi;
import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.client.internal.FacadeCore;
import dev.dbscim.client.internal.FacadeEnvironment;
import dev.dbscim.client.internal.WorkspaceAssignmentsApiImpl;
import dev.dbscim.client.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The account-level SCIM API of Databricks ({@code {host}/api/2.0/accounts/{account_id}/scim/v2}): users, groups and
 * service principals of a whole account. Immutable and thread-safe; create one per account and credential, share it,
 * and close it on shutdown.
 *
 * <pre>{@code
 * try (ScimAccountClient account = ScimAccountClient.builder()
 *         .endpoint(URI.create("https://accounts.cloud.databricks.com"))
 *         .accountId("0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6")
 *         .credentials(TokenCredentials.fromEnvironment("SCIM_TOKEN"))
 *         .build()) {
 *
 *   User ada = account.users().create(User.builder()
 *       .userName("ada@example.com")
 *       .displayName("Ada Lovelace")
 *       .build());
 *
 *   Group eng = account.groups().create(Group.builder().displayName("engineering").build());
 *   account.groups().patch(eng.id().orElseThrow(), GroupPatch.builder().addMember(ada).build());
 *
 *   for (User u : account.users().list(q -> q.filter(Filter.attr("userName").sw("ada")))) {
 *     System.out.println(u.id().orElseThrow() + " " + u.userName());
 *   }
 * } catch (ScimConflictException e) {
 *   System.err.println("Already provisioned: " + e.getMessage());
 * }
 * }</pre>
 *
 * <p>Every call goes through the same pipeline: a bearer token from the {@link CredentialsProvider} (asked again once
 * after a 401), client-side rate limiting ({@link RateLimits#accountDefaults()} unless set), retries per the
 * {@link RetryPolicy}, and errors mapped to {@link dev.dbscim.client.error.ScimException}s. {@link #toString()} never
 * shows credentials.
 */
public final class ScimAccountClient implements AutoCloseable {
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._~-]+");

  private final FacadeCore core;
  private final String accountId;
  private final WorkspaceAssignmentsApi workspaceAssignments;

  private ScimAccountClient(FacadeCore core, String accountId) {
    this.core = core;
    this.accountId = accountId;
    this.workspaceAssignments = new WorkspaceAssignmentsApiImpl(core.transport(), accountId);
  }

  /**
   * Returns a new builder; {@link Builder#endpoint(URI)}, {@link Builder#accountId(String)} and
   * {@link Builder#credentials(CredentialsProvider)} are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment variables the Databricks SDKs and CLI use:
   * {@code DATABRICKS_HOST} (the account console, such as {@code https://accounts.cloud.databricks.com}; without a
   * scheme {@code https://} is assumed), {@code DATABRICKS_ACCOUNT_ID}, and either {@code DATABRICKS_TOKEN} (a SCIM
   * or access token) or {@code DATABRICKS_CLIENT_ID} and {@code DATABRICKS_CLIENT_SECRET} (OAuth machine-to-machine
   * against {@code {host}/oidc/accounts/{account_id}/v1/token}). A token wins when both are set. Every other option
   * has its default; derive a variant with {@link #newBuilder()}.
   *
   * @return the client
   * @throws IllegalStateException when a required variable is missing or blank; the message names it
   */
  public static ScimAccountClient fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Returns a client configured from the given variables, read like {@link #fromEnvironment()}; for configuration
   * held elsewhere than in the process environment, and for tests.
   *
   * @param environment the variables by name
   * @return the client
   * @throws IllegalStateException when a required variable is missing or blank; the message names it
   */
  public static ScimAccountClient fromEnvironment(Map<String, String> environment) {
    return builder().environment(environment).build();
  }

  /**
   * Returns a builder initialised with this client's settings that shares its HTTP client (and so its connection
   * pool), for a client with other credentials, timeouts or limits. The derived client has rate-limit buckets of
   * its own. It never closes the shared HTTP client; close it before this client, since closing this one releases
   * the HTTP client it created. A different {@link Builder#httpClient(HttpClient) Builder.httpClient(HttpClient)}
   * replaces the shared one, and {@link Builder#connectTimeout(Duration) Builder.connectTimeout(Duration)} has no
   * effect on a shared one.
   *
   * @return the builder
   */
  public Builder newBuilder() {
    Builder builder = new Builder().copyFrom(core);
    builder.accountId = accountId;
    return builder;
  }

  /**
   * Returns the account's users ({@code /Users}).
   *
   * @return the users API
   */
  public UsersApi users() {
    return core.users();
  }

  /**
   * Returns the account's groups ({@code /Groups}), with batched membership helpers.
   *
   * @return the groups API
   */
  public GroupsApi groups() {
    return core.groups();
  }

  /**
   * Returns the account's service principals ({@code /ServicePrincipals}).
   *
   * @return the service principals API
   */
  public ServicePrincipalsApi servicePrincipals() {
    return core.servicePrincipals();
  }

  /**
   * Returns the account's workspace assignments (identity federation,
   * {@code /api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments}): give a user, service
   * principal or group {@code USER} or {@code ADMIN} access to a workspace, list a workspace's assignments, remove one.
   *
   * @return the workspace assignments API
   */
  public WorkspaceAssignmentsApi workspaceAssignments() {
    return workspaceAssignments;
  }

  /**
   * Returns the escape hatch for endpoints the SDK does not model, with paths absolute on the endpoint (such as
   * {@code /api/2.0/accounts/{account_id}/workspaces}); calls still get authentication, retries, redaction and
   * error mapping.
   *
   * @return the raw API
   */
  public RawApi raw() {
    return core.raw();
  }

  /**
   * Returns the configuration this client was built with.
   *
   * @return the configuration
   */
  public ClientConfig config() {
    return core.config();
  }

  /**
   * Returns the account id.
   *
   * @return the account id in the base path
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Returns the client-side rate limits.
   *
   * @return the limits
   */
  public RateLimits rateLimits() {
    return core.rateLimits();
  }

  /**
   * Releases the HTTP client if this client created it (on Java 21 and later; older JDKs release it when unused).
   * An HTTP client passed to {@link Builder#httpClient(HttpClient) Builder.httpClient(HttpClient)}, or shared from a
   * parent client, is never closed.
   * Calling it again does nothing; do not use the client after closing it.
   */
  @Override
  public void close() {
    core.close();
  }

  /**
   * Returns a description with the endpoint and account id; never the credentials.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return core.describe("ScimAccountClient", ", accountId=" + accountId);
  }

  private static String checkAccountId(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("accountId must be a plain path segment (letters, digits, '-', '_', '.', "
          + "'~'), such as a UUID");
    }
    return accountId;
  }

  /** Builds {@link ScimAccountClient}s. Not thread-safe. */
  public static final class Builder extends FacadeBuilder<Builder> {
    private String accountId;

    private Builder() {
      super(RateLimits.accountDefaults());
    }

    /**
     * Sets the account console host, such as {@code https://accounts.cloud.databricks.com} (AWS),
     * {@code https://accounts.azuredatabricks.net} or {@code https://accounts.gcp.databricks.com}. Required. Plain
     * http is accepted for loopback hosts only, unless {@link #allowInsecureHttp(boolean)}.
     *
     * @param endpoint the absolute base URI, without query or fragment
     * @return this builder
     */
    @Override
    public Builder endpoint(URI endpoint) {
      return super.endpoint(endpoint);
    }

    /**
     * Sets the endpoint, account id and credentials from Databricks environment variables, read like
     * {@link ScimAccountClient#fromEnvironment()}: {@code DATABRICKS_HOST}, {@code DATABRICKS_ACCOUNT_ID}, and
     * {@code DATABRICKS_TOKEN} or {@code DATABRICKS_CLIENT_ID} with {@code DATABRICKS_CLIENT_SECRET}. Other options
     * keep their values, and later calls override these three, so a test can point a client at the testkit's fake
     * and still choose its own sleeper and limits:
     *
     * <pre>{@code
     * ScimAccountClient account = ScimAccountClient.builder()
     *     .environment(fake.environment())
     *     .sleeper(Sleeper.noWait())
     *     .rateLimits(RateLimits.unlimited())
     *     .build();
     * }</pre>
     *
     * @param environment the variables by name, such as {@code System.getenv()}
     * @return this builder
     * @throws IllegalStateException when a required variable is missing or blank; the message names it
     * @throws IllegalArgumentException when the host or account id is unusable
     */
    public Builder environment(Map<String, String> environment) {
      FacadeEnvironment variables = FacadeEnvironment.of(environment);
      URI host = variables.host();
      String id = checkAccountId(variables.accountId());
      CredentialsProvider credentials = variables.credentials(h -> OAuthCredentials.accountTokenEndpoint(h, id), false);
      return endpoint(host).accountId(id).credentials(credentials);
    }

    /**
     * Sets the account id (a UUID, shown in the account console). Required.
     *
     * @param accountId the account id
     * @return this builder
     * @throws IllegalArgumentException when it is not a plain path segment
     */
    public Builder accountId(String accountId) {
      this.accountId = checkAccountId(accountId);
      return this;
    }

    /**
     * Sets the source of bearer tokens, such as {@code TokenCredentials.fromEnvironment("SCIM_TOKEN")} or
     * {@code OAuthCredentials} for a service principal. Required.
     *
     * @param credentials the credentials
     * @return this builder
     */
    @Override
    public Builder credentials(CredentialsProvider credentials) {
      return super.credentials(credentials);
    }

    /**
     * Sets the client-side rate limits. Default {@link RateLimits#accountDefaults()} (GET 20/s, LIST 240/min, PATCH
     * 2/s, other writes 5/s); raise them if Databricks granted your account more, or use
     * {@link RateLimits#unlimited()} when several processes share one budget you limit elsewhere.
     *
     * @param rateLimits the limits
     * @return this builder
     */
    @Override
    public Builder rateLimits(RateLimits rateLimits) {
      return super.rateLimits(rateLimits);
    }

    /**
     * Returns the client after checking the settings.
     *
     * @return a new client
     * @throws IllegalStateException when the endpoint, account id or credentials are missing
     * @throws IllegalArgumentException when the endpoint is unusable (see {@link ClientConfig.Builder#build()})
     */
    public ScimAccountClient build() {
      if (accountId == null) {
        throw new IllegalStateException("accountId is required");
      }
      return new ScimAccountClient(buildCore("/api/2.0/accounts/" + accountId + "/scim/v2"), accountId);
    }
  }
}
