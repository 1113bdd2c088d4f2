package dev.dbscim.testkit;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workspace of a {@link FakeScimServer}: its id, its own host and the tokens that work on it.
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

  FakeWorkspace(long id, boolean federated, URI url, String adminToken, String userToken, String adminUserId,
      String userId) {
    this.id = id;
    this.federated = federated;
    this.url = url;
    this.adminToken = adminToken;
    this.userToken = userToken;
    this.adminUserId = adminUserId;
    this.userId = userId;
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
