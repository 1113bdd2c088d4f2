package dev.dbscim.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.AccountIdentitiesApi;
import dev.dbscim.client.api.GroupsApi;
import dev.dbscim.client.api.PermissionAssignmentsApi;
import dev.dbscim.client.api.RawApi;
import dev.dbscim.client.api.ServicePrincipalsApi;
import dev.dbscim.client.api.UsersApi;
import dev.dbscim.client.api.WorkspaceObjectsApi;
import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.auth.OAuthCredentials;
import dev.dbscim.client.internal.FacadeAccountIdentities;
import dev.dbscim.client.internal.FacadeCore;
import dev.dbscim.client.internal.FacadeEnvironment;
import dev.dbscim.client.internal.PermissionAssignmentsApiImpl;
import dev.dbscim.client.internal.ScimRequest;
import dev.dbscim.client.internal.ScimResponse;
import dev.dbscim.client.internal.ScimTransport;
import dev.dbscim.client.internal.WorkspaceObjectsApiImpl;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.core.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The workspace-level SCIM API of Databricks ({@code {workspace-host}/api/2.0/preview/scim/v2}): the workspace's
 * users, groups (workspace-local ones are created here) and service principals, the calling user ({@link #me()}), and
 * the account's identities as the workspace sees them ({@link #accountIdentities()}). Immutable and thread-safe;
 * create one per workspace and credential, share it, and close it on shutdown.
 *
 * <pre>{@code
 * try (ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
 *         .endpoint(URI.create("https://dbc-a1b2c3d4-e5f6.cloud.databricks.com"))
 *         .credentials(TokenCredentials.fromEnvironment("DATABRICKS_TOKEN"))
 *         .build()) {
 *
 *   User me = workspace.me();
 *   System.out.println("Signed in as " + me.userName());
 *
 *   Group analysts = workspace.groups().create(Group.builder().displayName("analysts").build());
 *   workspace.groups().addMembers(analysts.id().orElseThrow(), List.of(me.id().orElseThrow()));
 *
 *   for (Group g : workspace.accountIdentities().groups().list(q -> q.attributes("displayName"))) {
 *     System.out.println("account group " + g.displayName());
 *   }
 * } catch (ScimConflictException e) {
 *   System.err.println("Already exists: " + e.getMessage());
 * }
 * }</pre>
 *
 * <p>Every call goes through the same pipeline: a bearer token from the {@link CredentialsProvider} (asked again once
 * after a 401), client-side rate limiting ({@link RateLimits#workspaceDefaults()} unless set), retries per the
 * {@link RetryPolicy}, and errors mapped to {@link dev.dbscim.client.error.ScimException}s. {@link #toString()} never
 * shows credentials.
 */
public final class ScimWorkspaceClient implements AutoCloseable {
  private static final String BASE_PATH = "/api/2.0/preview/scim/v2";

  private final FacadeCore core;
  private final AccountIdentitiesApi accountIdentities;
  private final PermissionAssignmentsApi permissionAssignments;
  private final WorkspaceObjectsApi objects;
  private final ScimTransport api20;

  private ScimWorkspaceClient(FacadeCore core) {
    this.core = core;
    this.accountIdentities =
        new FacadeAccountIdentities(core.transport().withBasePath(FacadeAccountIdentities.BASE_PATH));
    this.permissionAssignments = new PermissionAssignmentsApiImpl(core.transport());
    this.objects = new WorkspaceObjectsApiImpl(core.transport());
    this.api20 = core.transport().withBasePath("/api/2.0");
  }

  /**
   * Returns a new builder; {@link Builder#endpoint(URI)} and {@link Builder#credentials(CredentialsProvider)} are
   * required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment variables the Databricks SDKs and CLI use:
   * {@code DATABRICKS_HOST} (the workspace URL; without a scheme {@code https://} is assumed), and either
   * {@code DATABRICKS_TOKEN} (a personal access token) or {@code DATABRICKS_CLIENT_ID} and
   * {@code DATABRICKS_CLIENT_SECRET} (OAuth machine-to-machine against {@code {host}/oidc/v1/token}). A token wins
   * when both are set. Every other option has its default; derive a variant with {@link #newBuilder()}.
   *
   * @return the client
   * @throws IllegalStateException when a required variable is missing or blank; the message names it
   */
  public static ScimWorkspaceClient fromEnvironment() {
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
  public static ScimWorkspaceClient fromEnvironment(Map<String, String> environment) {
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
    return new Builder().copyFrom(core);
  }

  /**
   * Returns the workspace's users ({@code /Users}).
   *
   * @return the users API
   */
  public UsersApi users() {
    return core.users();
  }

  /**
   * Returns the workspace's groups ({@code /Groups}): workspace-local groups and the account groups assigned to the
   * workspace, with batched membership helpers.
   *
   * @return the groups API
   */
  public GroupsApi groups() {
    return core.groups();
  }

  /**
   * Returns the workspace's service principals ({@code /ServicePrincipals}).
   *
   * @return the service principals API
   */
  public ServicePrincipalsApi servicePrincipals() {
    return core.servicePrincipals();
  }

  /**
   * Returns the account's identities through this workspace's domain ({@code /api/2.0/account/scim/v2}): users and
   * service principals in full, groups read-only, which is what a workspace admin may do there.
   *
   * @return the account identities view
   */
  public AccountIdentitiesApi accountIdentities() {
    return accountIdentities;
  }

  /**
   * Returns the workspace's permission assignments ({@code /api/2.0/preview/permissionassignments}): give an account
   * user, service principal or group {@code USER} or {@code ADMIN} access to this workspace, by id or by name, list
   * the assignments, remove one.
   *
   * @return the permission assignments API
   */
  public PermissionAssignmentsApi permissionAssignments() {
    return permissionAssignments;
  }

  /**
   * Returns the reads of what principals own or run in the workspace: personal access tokens, jobs, clusters, SQL
   * warehouses, queries, alerts, legacy and Lakeview dashboards, each kind listed to its last page, and the per-object
   * details the lists leave out (a job's run-as user, a Lakeview dashboard's managers). Listing every token needs a
   * workspace admin's credentials.
   *
   * @return the workspace objects API
   */
  public WorkspaceObjectsApi objects() {
    return objects;
  }

  /**
   * Moves up to {@code size} permissions from a workspace-local group to an account group, with the permission
   * migration API the Databricks SDKs expose ({@code w.permissionMigration().migratePermissions(...)}, used by
   * databrickslabs/ucx): {@code POST /api/2.0/permissionmigration} with
   * {@code {"workspace_id":..., "from_workspace_group_name":..., "to_account_group_name":..., "size":...}}, answered
   * {@code {"permissions_migrated": n}} (an absent field is read as 0, as the SDKs and ucx do; any other answer, such
   * as an empty body or a count that is not a whole number, throws instead of reading as 0). The grants are moved, not copied. Call it
   * until it answers 0 to move every permission; a repeated call continues where the last stopped. Databricks
   * requires the local group to be renamed away from the account group's name first and the account group to be
   * assigned to the workspace, and answers 400 when the account group already holds permissions at the first call.
   *
   * <p>The request is paced as {@link OperationClass#CREATE} (a POST; no limit is published for this endpoint) and,
   * being a POST, retried only when it was not sent, on 429 and on 503.
   *
   * @param workspaceId the id of this workspace
   * @param fromWorkspaceGroup the workspace-local group's current name
   * @param toAccountGroup the account group's name
   * @param size the most permissions to move in this call, at least 1 (ucx uses 1000)
   * @return the number of permissions moved, 0 when none was left
   * @throws IllegalArgumentException when an id or size is not positive or a name is blank
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived, or the answer carries no
   *     usable count
   */
  public long migratePermissions(long workspaceId, String fromWorkspaceGroup, String toAccountGroup, int size) {
    return migratePermissions(workspaceId, fromWorkspaceGroup, toAccountGroup, size, RequestOptions.defaults());
  }

  /**
   * Moves permissions from a workspace-local group to an account group with per-call options; see
   * {@link #migratePermissions(long, String, String, int)}.
   *
   * @param workspaceId the id of this workspace
   * @param fromWorkspaceGroup the workspace-local group's current name
   * @param toAccountGroup the account group's name
   * @param size the most permissions to move in this call, at least 1
   * @param options the per-call options
   * @return the number of permissions moved, 0 when none was left
   * @throws IllegalArgumentException when an id or size is not positive or a name is blank
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  public long migratePermissions(long workspaceId, String fromWorkspaceGroup, String toAccountGroup, int size,
      RequestOptions options) {
    Objects.requireNonNull(options, "options");
    if (workspaceId < 1) {
      throw new IllegalArgumentException("workspaceId must be positive: " + workspaceId);
    }
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1: " + size);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("workspace_id", workspaceId)
        .put("from_workspace_group_name", notBlank(fromWorkspaceGroup, "fromWorkspaceGroup"))
        .put("to_account_group_name", notBlank(toAccountGroup, "toAccountGroup"))
        .put("size", size);
    ScimResponse response = api20.send(ScimRequest.of("POST", "/permissionmigration", OperationClass.CREATE)
        .withBody(body).withOptions(options));
    return response.count("permissions_migrated");
  }

  private static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Returns the user (or service principal, as a user) the credentials belong to ({@code GET /Me}).
   *
   * @return the calling user
   * @throws dev.dbscim.client.error.ScimUnauthorizedException when the token is refused (401)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  public User me() {
    return me(RequestOptions.defaults());
  }

  /**
   * Returns the calling user with per-call options; see {@link #me()}.
   *
   * @param options the per-call options
   * @return the calling user
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  public User me(RequestOptions options) {
    Objects.requireNonNull(options, "options");
    return core.transport().sendForObject(ScimRequest.of("GET", "/Me", OperationClass.GET).withOptions(options),
        User.class);
  }

  /**
   * Returns the escape hatch for endpoints the SDK does not model, with paths absolute on the endpoint (such as
   * {@code /api/2.0/preview/permissionassignments}); calls still get authentication, retries, redaction and error
   * mapping.
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
   * Returns the client-side rate limits.
   *
   * @return the limits; {@link RateLimits#workspaceDefaults()} unless set
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
   * Returns a description with the endpoint; never the credentials.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return core.describe("ScimWorkspaceClient", "");
  }

  /** Builds {@link ScimWorkspaceClient}s. Not thread-safe. */
  public static final class Builder extends FacadeBuilder<Builder> {
    private Builder() {
      super(RateLimits.workspaceDefaults());
    }

    /**
     * Sets the workspace URL, such as {@code https://dbc-a1b2c3d4-e5f6.cloud.databricks.com} or
     * {@code https://adb-1234567890123456.7.azuredatabricks.net}. Required. Plain http is accepted for loopback hosts
     * only, unless {@link #allowInsecureHttp(boolean)}.
     *
     * @param endpoint the absolute base URI, without query or fragment
     * @return this builder
     */
    @Override
    public Builder endpoint(URI endpoint) {
      return super.endpoint(endpoint);
    }

    /**
     * Sets the endpoint and credentials from Databricks environment variables, read like
     * {@link ScimWorkspaceClient#fromEnvironment()}: {@code DATABRICKS_HOST}, and {@code DATABRICKS_TOKEN} or
     * {@code DATABRICKS_CLIENT_ID} with {@code DATABRICKS_CLIENT_SECRET}. Other options keep their values, and later
     * calls override these two, so a test can point a client at a workspace of the testkit's fake and still choose
     * its own sleeper and limits:
     *
     * <pre>{@code
     * ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
     *     .environment(fake.workspace(0).environment())
     *     .sleeper(Sleeper.noWait())
     *     .rateLimits(RateLimits.unlimited())
     *     .build();
     * }</pre>
     *
     * @param environment the variables by name, such as {@code System.getenv()}
     * @return this builder
     * @throws IllegalStateException when a required variable is missing or blank; the message names it
     * @throws IllegalArgumentException when the host is unusable
     */
    public Builder environment(Map<String, String> environment) {
      FacadeEnvironment variables = FacadeEnvironment.of(environment);
      URI host = variables.host();
      return endpoint(host).credentials(variables.credentials(OAuthCredentials::workspaceTokenEndpoint, false));
    }

    /**
     * Sets the source of bearer tokens, such as {@code TokenCredentials.fromEnvironment("DATABRICKS_TOKEN")} or
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
     * Sets the client-side rate limits. Default {@link RateLimits#workspaceDefaults()} (GET and LIST 255/min,
     * CREATE/REPLACE 5/s, PATCH 2/s, DELETE 35/min); raise them if Databricks granted your workspace more,
     * or use {@link RateLimits#unlimited()} when several processes share one budget you limit elsewhere.
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
     * @throws IllegalStateException when the endpoint or credentials are missing
     * @throws IllegalArgumentException when the endpoint is unusable (see {@link ClientConfig.Builder#build()})
     */
    public ScimWorkspaceClient build() {
      return new ScimWorkspaceClient(buildCore(BASE_PATH));
    }
  }
}
