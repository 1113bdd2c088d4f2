package dev.dbscim.testkit;

import dev.dbscim.testkit.internal.FakeEngine;
import dev.dbscim.testkit.internal.FakeWorkspaceObjects;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One workspace of a {@link FakeScimServer}: its id, its own host and the tokens that work on it, and the seeding of
 * its objects (jobs, clusters, SQL warehouses, queries, alerts, dashboards, personal access tokens) and of their
 * permissions, which the workspace host serves with the real shapes (see {@code docs/testkit.md}, "Workspace objects
 * and permissions").
 *
 * <pre>{@code
 * FakeWorkspace workspace = scim.workspace(0);
 * long job = workspace.addJob("ann@example.com", "nightly", true);
 * workspace.grant("jobs", Long.toString(job), FakePrincipal.group("data-eng"), "CAN_MANAGE_RUN");
 * FakeToken token = workspace.addToken("ann@example.com", "ci");
 * // after ann is deactivated: token.value() gets 403 {"error_code":403,"message":"Invalid access token."}
 * }</pre>
 *
 * <p><b>What deleting or deactivating a user does to its objects.</b> Deleting a user (SCIM DELETE) deletes its
 * tokens, drops its grants ({@code IS_OWNER} included, so its jobs and warehouses have no owner), omits
 * {@code creator_user_name} on its jobs and clusters, terminates the clusters it created, shows
 * {@code owner_user_name} {@code "Unavailable"} on its alerts, and makes the jobs that run as it fail from their next
 * run ({@link #nextRunFails(long)}; {@code jobs/get} then omits {@code run_as_user_name}). Deactivating a user
 * ({@code active: false}) makes its tokens answer 403 {@code "Invalid access token."} and terminates the clusters it
 * created; everything else stays. A change at account level reaches every identity-federated workspace; a change
 * through a workspace host reaches that workspace only (for an account user, a DELETE there only unassigns it). Stopping
 * a deactivated user's clusters is INFERRED (Databricks documents it for deleted users only); queries, legacy dashboards and warehouses keep their owner or creator names, as no source says
 * otherwise.
 */
public final class FakeWorkspace {
  static final String HOST = "DATABRICKS_HOST";
  static final String TOKEN = "DATABRICKS_TOKEN";

  private final long id;
  private final boolean federated;
  private final URI url;
  private final String adminToken;
  private final String userToken;
  private final String adminUserId;
  private final String userId;
  private final FakeEngine engine;

  FakeWorkspace(long id, boolean federated, URI url, String adminToken, String userToken, String adminUserId,
      String userId, FakeEngine engine) {
    this.id = id;
    this.federated = federated;
    this.url = url;
    this.adminToken = adminToken;
    this.userToken = userToken;
    this.adminUserId = adminUserId;
    this.userId = userId;
    this.engine = engine;
  }

  /**
   * Returns the workspace id, such as {@code 1001}.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * Returns whether the workspace is enabled for identity federation: it then sees account principals through
   * workspace assignments, and users and service principals created in it are account principals.
   *
   * @return whether it is federated
   */
  public boolean federated() {
    return federated;
  }

  /**
   * Returns the base URI of the workspace host, such as {@code http://127.0.0.1:41234}; SCIM lives under
   * {@code /api/2.0/preview/scim/v2}.
   *
   * @return the URI
   */
  public URI url() {
    return url;
  }

  /**
   * Returns a personal access token of a workspace admin.
   *
   * @return the token
   */
  public String adminToken() {
    return adminToken;
  }

  /**
   * Returns a personal access token of a plain (non-admin) workspace user.
   *
   * @return the token
   */
  public String userToken() {
    return userToken;
  }

  /**
   * Returns the id of the user behind {@link #adminToken()}.
   *
   * @return the user id
   */
  public String adminUserId() {
    return adminUserId;
  }

  /**
   * Returns the id of the user behind {@link #userToken()}.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  private FakeWorkspaceObjects objects() {
    return engine.store().objects();
  }

  /**
   * Grants a permission level on an object of this workspace, as a {@code PATCH /api/2.0/permissions/{type}/{id}}
   * would, with its rules: the level must be one the type has, a group never holds {@code IS_OWNER}, and a new
   * {@code IS_OWNER} leaves the previous owner {@code CAN_MANAGE}. Types: {@code jobs}, {@code clusters},
   * {@code sql/warehouses}, {@code sql/queries}, {@code sql/alerts}, {@code dbsql-dashboards} (legacy),
   * {@code dashboards} (Lakeview), {@code notebooks} and {@code directories}; notebooks and directories need no seeding,
   * a grant creates them.
   *
   * @param type the object type as the permissions API names it, such as {@code jobs}
   * @param id the object id, such as {@code 7}
   * @param principal the principal, which the workspace must see
   * @param level the level, such as {@code CAN_MANAGE}
   * @throws IllegalArgumentException when the object, the principal or the level is unknown, or a rule refuses it
   */
  public void grant(String type, String id, FakePrincipal principal, String level) {
    objects().grant(this.id, Objects.requireNonNull(type, "type"), Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(principal, "principal"), Objects.requireNonNull(level, "level"));
  }

  /**
   * Returns the direct grants on an object of this workspace, by the principals' current names.
   *
   * @param type the object type, as for {@link #grant(String, String, FakePrincipal, String)}
   * @param id the object id
   * @return the permissions
   * @throws IllegalArgumentException when there is no such object
   */
  public FakeObjectPermissions permissions(String type, String id) {
    return new FakeObjectPermissions(type, id, objects().grants(this.id, type, id));
  }

  /**
   * Seeds a job created by a user, who holds {@code IS_OWNER} and is its run-as identity.
   *
   * @param creator the creator's user name; the workspace must see the user
   * @param name the job name
   * @param scheduled whether it has an unpaused cron {@code schedule}
   * @return the job id
   * @throws IllegalArgumentException when the workspace does not see the creator
   */
  public long addJob(String creator, String name, boolean scheduled) {
    return objects().addJob(id, creator, name, scheduled ? "schedule" : null, null);
  }

  /**
   * Seeds a job created by a user that runs as another identity ({@code settings.run_as}).
   *
   * @param creator the creator's user name, who holds {@code IS_OWNER}
   * @param name the job name
   * @param scheduled whether it has an unpaused cron {@code schedule}
   * @param runAs the run-as user name, or a service principal's application id
   * @return the job id
   * @throws IllegalArgumentException when the workspace does not see the creator or the run-as identity
   */
  public long addJob(String creator, String name, boolean scheduled, String runAs) {
    return objects().addJob(id, creator, name, scheduled ? "schedule" : null, Objects.requireNonNull(runAs, "runAs"));
  }

  /**
   * Seeds a continuous job ({@code settings.continuous}, unpaused) created by a user who runs it and owns it.
   *
   * @param creator the creator's user name
   * @param name the job name
   * @return the job id
   * @throws IllegalArgumentException when the workspace does not see the creator
   */
  public long addContinuousJob(String creator, String name) {
    return objects().addJob(id, creator, name, "continuous", null);
  }

  /**
   * Returns whether the next run of a job would fail, because the user it runs as was deleted.
   *
   * @param jobId the job id
   * @return whether it would fail
   * @throws IllegalArgumentException when there is no such job
   */
  public boolean nextRunFails(long jobId) {
    return objects().nextRunFails(id, jobId);
  }

  /**
   * Seeds a running {@code USER_ISOLATION} cluster; its creator holds {@code CAN_MANAGE}.
   *
   * @param creator the creator's user name
   * @param name the cluster name
   * @return the cluster id
   * @throws IllegalArgumentException when the workspace does not see the creator
   */
  public String addCluster(String creator, String name) {
    return objects().addCluster(id, creator, name, null);
  }

  /**
   * Seeds a running {@code SINGLE_USER} cluster with its {@code single_user_name}.
   *
   * @param creator the creator's user name
   * @param name the cluster name
   * @param singleUser the user the cluster is dedicated to
   * @return the cluster id
   * @throws IllegalArgumentException when the workspace does not see either user
   */
  public String addSingleUserCluster(String creator, String name, String singleUser) {
    return objects().addCluster(id, creator, name, Objects.requireNonNull(singleUser, "singleUser"));
  }

  /**
   * Returns a cluster's state: {@code RUNNING} as seeded, {@code TERMINATED} once its creator was deleted or
   * deactivated.
   *
   * @param clusterId the cluster id
   * @return the state
   * @throws IllegalArgumentException when there is no such cluster
   */
  public String clusterState(String clusterId) {
    return objects().clusterState(id, clusterId);
  }

  /**
   * Seeds a personal access token of a user that never expires ({@code expiry_time} -1). Its value authenticates as
   * the user on this workspace (any API, SCIM included; admin when the user is in the workspace's {@code admins}
   * group) while the user is active and the workspace sees it.
   *
   * @param owner the owner's user name
   * @param comment the comment
   * @return the token
   * @throws IllegalArgumentException when the workspace does not see the user
   */
  public FakeToken addToken(String owner, String comment) {
    String[] token = objects().addToken(id, owner, comment, null);
    return new FakeToken(token[0], token[1]);
  }

  /**
   * Seeds a personal access token that expires after {@code lifetime} on the fake's clock; it is then refused.
   *
   * @param owner the owner's user name
   * @param comment the comment
   * @param lifetime how long it is valid, positive
   * @return the token
   * @throws IllegalArgumentException when the workspace does not see the user or the lifetime is not positive
   */
  public FakeToken addToken(String owner, String comment, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    String[] token = objects().addToken(id, owner, comment, lifetime);
    return new FakeToken(token[0], token[1]);
  }

  /**
   * Seeds a running SQL warehouse; its creator holds {@code IS_OWNER} and is its {@code creator_name}.
   *
   * @param creator the creator's user name
   * @param name the warehouse name
   * @return the warehouse id
   * @throws IllegalArgumentException when the workspace does not see the creator
   */
  public String addWarehouse(String creator, String name) {
    return objects().addWarehouse(id, creator, name);
  }

  /**
   * Seeds a SQL query ({@code /api/2.0/sql/queries}); its owner holds {@code CAN_MANAGE}.
   *
   * @param owner the owner's user name ({@code owner_user_name})
   * @param name the display name
   * @param runAsOwner whether it runs with the owner's credentials ({@code run_as_mode} {@code OWNER}, else
   *     {@code VIEWER})
   * @return the query id
   * @throws IllegalArgumentException when the workspace does not see the owner
   */
  public String addQuery(String owner, String name, boolean runAsOwner) {
    return objects().addSqlObject(id, "sql/queries", owner, name, runAsOwner);
  }

  /**
   * Seeds a SQL alert ({@code /api/2.0/sql/alerts}); its owner holds {@code CAN_MANAGE}.
   *
   * @param owner the owner's user name ({@code owner_user_name})
   * @param name the display name
   * @return the alert id
   * @throws IllegalArgumentException when the workspace does not see the owner
   */
  public String addAlert(String owner, String name) {
    return objects().addSqlObject(id, "sql/alerts", owner, name, false);
  }

  /**
   * Seeds a legacy SQL dashboard ({@code /api/2.0/preview/sql/dashboards}, owner in {@code user}); its owner holds
   * {@code CAN_MANAGE} (permissions type {@code dbsql-dashboards}).
   *
   * @param owner the owner's user name
   * @param name the name
   * @return the dashboard id
   * @throws IllegalArgumentException when the workspace does not see the owner
   */
  public String addDashboard(String owner, String name) {
    return objects().addSqlObject(id, "dbsql-dashboards", owner, name, false);
  }

  /**
   * Seeds a Lakeview dashboard ({@code /api/2.0/lakeview/dashboards}), which has no owner field: its owner holds
   * {@code CAN_MANAGE} (permissions type {@code dashboards}) and its path is under {@code /Users/<owner>}.
   *
   * @param owner the owner's user name
   * @param name the display name
   * @param publishedWithOwnerCredentials whether it is published with {@code embed_credentials} true (its viewers
   *     then run its queries as the publisher); otherwise unpublished
   * @return the dashboard id
   * @throws IllegalArgumentException when the workspace does not see the owner
   */
  public String addLakeviewDashboard(String owner, String name, boolean publishedWithOwnerCredentials) {
    return objects().addSqlObject(id, "dashboards", owner, name, publishedWithOwnerCredentials);
  }

  /**
   * Returns the Databricks environment variables of this workspace as its admin, as the Databricks SDKs, the CLI and
   * {@code ScimWorkspaceClient.fromEnvironment(Map)} read them: {@code DATABRICKS_HOST} = {@link #url()} and
   * {@code DATABRICKS_TOKEN} = {@link #adminToken()}.
   *
   * <pre>{@code
   * ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
   *     .environment(scim.workspace(0).environment())
   *     .sleeper(Sleeper.noWait())
   *     .rateLimits(RateLimits.unlimited())
   *     .build();
   * }</pre>
   *
   * @return the variables, an unmodifiable map in that order
   */
  public Map<String, String> environment() {
    return environment(adminToken);
  }

  /**
   * Returns the Databricks environment variables of this workspace as its plain (non-admin) user: like
   * {@link #environment()} with {@code DATABRICKS_TOKEN} = {@link #userToken()}. Operations reserved to admins then
   * answer 403.
   *
   * @return the variables, an unmodifiable map in that order
   */
  public Map<String, String> userEnvironment() {
    return environment(userToken);
  }

  private Map<String, String> environment(String token) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(HOST, url.toString());
    environment.put(TOKEN, token);
    return Collections.unmodifiableMap(environment);
  }

  /**
   * Returns the id, URL and federation flag; never the tokens.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "FakeWorkspace[id=" + id + ", url=" + url + ", federated=" + federated + "]";
  }
}
