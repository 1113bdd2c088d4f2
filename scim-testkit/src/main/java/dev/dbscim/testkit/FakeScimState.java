package dev.dbscim.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.internal.FakeEngine;
import dev.dbscim.testkit.internal.FakeFailure;
import dev.dbscim.testkit.internal.FakeStore;
import dev.dbscim.testkit.internal.FakeStore.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Seeds and inspects a {@link FakeScimServer}'s identities without HTTP. Seeding follows the same rules as the
 * matching POST (lower-cased {@code userName}, server-filled {@code emails}, generated ids and {@code applicationId},
 * uniqueness and limits) and throws {@link IllegalArgumentException} where the POST would answer an error.
 *
 * <pre>{@code
 * Group eng = scim.state().seed(Group.builder().displayName("engineering").build());
 * User ada = scim.state().seed(User.builder().userName("ada@example.com").build());
 * scim.state().addMember(eng.id().orElseThrow(), ada.id().orElseThrow());
 * }</pre>
 *
 * <p>Resources returned here are account principals as the account API shows them, or workspace-local ones as their
 * workspace shows them. Thread-safe.
 *
 * <p>A new fake is not empty: it has <em>built-in</em> principals, as a Databricks account does. They are the users
 * behind the workspace tokens ({@link FakeWorkspace#adminUserId()} and {@link FakeWorkspace#userId()}; account users
 * in a federated workspace, workspace-local ones otherwise) and the system groups {@code account users} (account) and
 * {@code users} and {@code admins} (workspace-local, in every workspace). There is no built-in service principal.
 * The lists ({@link #users()}, {@link #groups()}, {@link #servicePrincipals()}) and the plain counts
 * ({@link #userCount()}, ...) leave the built-ins out, so a fresh fake lists and counts nothing; the counts named
 * {@code ...IncludingBuiltIns} count them too. {@link FakeScimServer#reset()} brings back the built-ins with the same
 * ids.
 */
public final class FakeScimState {
  private final FakeEngine engine;
  private volatile Set<String> builtInIds;

  FakeScimState(FakeEngine engine, Set<String> builtInIds) {
    this.engine = engine;
    this.builtInIds = Set.copyOf(builtInIds);
  }

  /** Replaces the ids of the built-in principals, after a reset. */
  void builtInIds(Set<String> ids) {
    this.builtInIds = Set.copyOf(ids);
  }

  private FakeStore store() {
    return engine.store();
  }

  /**
   * Creates an account user, as {@code POST /api/2.0/accounts/{a}/scim/v2/Users} does.
   *
   * @param user the user; its id is ignored
   * @return the stored user, with its id
   */
  public User seed(User user) {
    return ScimJson.fromTree(create(FakeStore.ACCOUNT, Kind.USER, user), User.class);
  }

  /**
   * Creates an account group, as the account POST does. Members are referenced by id and must be account principals.
   *
   * @param group the group
   * @return the stored group, with its id
   */
  public Group seed(Group group) {
    return ScimJson.fromTree(create(FakeStore.ACCOUNT, Kind.GROUP, group), Group.class);
  }

  /**
   * Creates an account service principal, as the account POST does; an absent {@code applicationId} is generated.
   *
   * @param servicePrincipal the service principal
   * @return the stored service principal, with its id and application id
   */
  public ServicePrincipal seed(ServicePrincipal servicePrincipal) {
    return ScimJson.fromTree(create(FakeStore.ACCOUNT, Kind.SERVICE_PRINCIPAL, servicePrincipal),
        ServicePrincipal.class);
  }

  /**
   * Creates a user as a workspace POST does: workspace-local in a workspace without identity federation, else an
   * account user assigned to the workspace.
   *
   * @param workspaceId the workspace id
   * @param user the user
   * @return the user as the workspace shows it
   */
  public User seed(long workspaceId, User user) {
    return ScimJson.fromTree(create(workspaceId, Kind.USER, user), User.class);
  }

  /**
   * Creates a workspace-local group, as a workspace POST does.
   *
   * @param workspaceId the workspace id
   * @param group the group
   * @return the group as the workspace shows it ({@code meta.resourceType} {@code WorkspaceGroup})
   */
  public Group seed(long workspaceId, Group group) {
    return ScimJson.fromTree(create(workspaceId, Kind.GROUP, group), Group.class);
  }

  /**
   * Creates a service principal as a workspace POST does.
   *
   * @param workspaceId the workspace id
   * @param servicePrincipal the service principal
   * @return the service principal as the workspace shows it
   */
  public ServicePrincipal seed(long workspaceId, ServicePrincipal servicePrincipal) {
    return ScimJson.fromTree(create(workspaceId, Kind.SERVICE_PRINCIPAL, servicePrincipal), ServicePrincipal.class);
  }

  private ObjectNode create(long scope, Kind kind, Object resource) {
    try {
      return store().create(scope, kind, ScimJson.toTree(resource));
    } catch (FakeFailure failure) {
      throw new IllegalArgumentException(failure.status() + ": " + failure.getMessage());
    }
  }

  /**
   * Returns an account user, or else a workspace-local user, by {@code userName} (any case).
   *
   * @param userName the user name
   * @return the user, or empty
   */
  public Optional<User> userByName(String userName) {
    return byName(Kind.USER, userName).map(node -> ScimJson.fromTree(node, User.class));
  }

  /**
   * Returns an account group, or else a workspace-local group, by display name.
   *
   * @param displayName the display name
   * @return the group, or empty
   */
  public Optional<Group> groupByName(String displayName) {
    return byName(Kind.GROUP, displayName).map(node -> ScimJson.fromTree(node, Group.class));
  }

  /**
   * Returns a service principal by application id.
   *
   * @param applicationId the application id
   * @return the service principal, or empty
   */
  public Optional<ServicePrincipal> servicePrincipalByApplicationId(String applicationId) {
    return byName(Kind.SERVICE_PRINCIPAL, applicationId)
        .map(node -> ScimJson.fromTree(node, ServicePrincipal.class));
  }

  private Optional<ObjectNode> byName(Kind kind, String name) {
    Optional<String> id = store().idByName(FakeStore.ACCOUNT, kind, name);
    for (long workspaceId : store().workspaceIds()) {
      if (id.isPresent()) {
        break;
      }
      id = store().idByName(workspaceId, kind, name);
    }
    return id.flatMap(store()::renderHome);
  }

  /**
   * Returns a user by id.
   *
   * @param id the id
   * @return the user, or empty
   */
  public Optional<User> user(String id) {
    return find(id, Kind.USER).map(node -> ScimJson.fromTree(node, User.class));
  }

  /**
   * Returns a service principal by id.
   *
   * @param id the id
   * @return the service principal, or empty
   */
  public Optional<ServicePrincipal> servicePrincipal(String id) {
    return find(id, Kind.SERVICE_PRINCIPAL).map(node -> ScimJson.fromTree(node, ServicePrincipal.class));
  }

  /**
   * Returns a group by id, with its members.
   *
   * @param id the id
   * @return the group, or empty
   */
  public Optional<Group> group(String id) {
    return find(id, Kind.GROUP).map(node -> ScimJson.fromTree(node, Group.class));
  }

  private Optional<ObjectNode> find(String id, Kind kind) {
    return store().kindOf(id).filter(kind::equals).flatMap(found -> store().renderHome(id));
  }

  /**
   * Returns the ids of a group's direct members.
   *
   * @param groupId the group id
   * @return the member ids, in the order they were added
   * @throws IllegalArgumentException when there is no such group
   */
  public List<String> members(String groupId) {
    return store().members(groupId);
  }

  /**
   * Adds a principal or group to a group, with the checks a PATCH makes.
   *
   * @param groupId the group id
   * @param memberId the member id
   * @throws IllegalArgumentException when either is missing, the member is not allowed in the group, or it would
   *     create a cycle
   */
  public void addMember(String groupId, String memberId) {
    try {
      store().addMember(groupId, memberId);
    } catch (FakeFailure failure) {
      throw new IllegalArgumentException(failure.status() + ": " + failure.getMessage());
    }
  }

  /**
   * Assigns an account principal (user, service principal or group) to an identity-federated workspace.
   *
   * @param workspaceId the workspace id
   * @param principalId the principal id
   * @param permissions {@code USER} and/or {@code ADMIN}; none removes the assignment
   * @throws IllegalArgumentException when the workspace is not federated or the principal is not an account one
   */
  public void assign(long workspaceId, String principalId, String... permissions) {
    try {
      store().assign(workspaceId, principalId, Arrays.asList(permissions));
    } catch (FakeFailure failure) {
      throw new IllegalArgumentException(failure.status() + ": " + failure.getMessage());
    }
  }

  /**
   * Creates an OAuth client secret for a service principal, as {@code POST
   * /api/2.0/accounts/{accountId}/servicePrincipals/{id}/credentials/secrets} does, and returns it. With its
   * application id as client id, the secret obtains access tokens through OAuth machine-to-machine (the
   * client-credentials grant) from the account's token endpoint {@code {url}/oidc/accounts/{accountId}/v1/token} and
   * from {@code {workspaceUrl}/oidc/v1/token} of each workspace the service principal belongs to (see
   * {@link FakeScimServer} for what such a token may do). Earlier secrets stay valid.
   *
   * <pre>{@code
   * ServicePrincipal bot = scim.state().seed(ServicePrincipal.builder().displayName("provisioner")
   *     .addRoles(ComplexValue.of("account_admin")).build());
   * String secret = scim.state().createOAuthSecret(bot.applicationId().orElseThrow());
   * CredentialsProvider credentials = OAuthCredentials.builder()
   *     .tokenEndpoint(OAuthCredentials.accountTokenEndpoint(scim.url(), scim.accountId()))
   *     .clientId(bot.applicationId().orElseThrow())
   *     .clientSecret(secret)
   *     .clock(scim.clock())
   *     .build();
   * }</pre>
   *
   * @param applicationId the application id of an account service principal or a workspace-local one
   * @return the secret, the only time it is shown
   * @throws IllegalArgumentException when no service principal has this application id
   */
  public String createOAuthSecret(String applicationId) {
    Objects.requireNonNull(applicationId, "applicationId");
    if (!byName(Kind.SERVICE_PRINCIPAL, applicationId).isPresent()) {
      throw new IllegalArgumentException("no service principal has this application id");
    }
    return engine.oauth().createSecret(applicationId).value;
  }

  /**
   * Returns the account users, oldest first, without the built-in ones (see the class description); workspace-local
   * users are not included.
   *
   * @return an immutable snapshot
   */
  public List<User> users() {
    return list(Kind.USER, User.class);
  }

  /**
   * Returns the account groups with their members, oldest first, without the built-in {@code account users};
   * workspace-local groups are not included.
   *
   * @return an immutable snapshot
   */
  public List<Group> groups() {
    return list(Kind.GROUP, Group.class);
  }

  /**
   * Returns the account service principals, oldest first; workspace-local ones are not included.
   *
   * @return an immutable snapshot
   */
  public List<ServicePrincipal> servicePrincipals() {
    return list(Kind.SERVICE_PRINCIPAL, ServicePrincipal.class);
  }

  private <T> List<T> list(Kind kind, Class<T> type) {
    List<T> resources = new ArrayList<>();
    for (String id : created(FakeStore.ACCOUNT, kind)) {
      store().renderHome(id).ifPresent(node -> resources.add(ScimJson.fromTree(node, type)));
    }
    return Collections.unmodifiableList(resources);
  }

  private List<String> created(long home, Kind kind) {
    Set<String> builtIns = builtInIds;
    List<String> ids = store().ids(home, kind);
    ids.removeIf(builtIns::contains);
    return ids;
  }

  /**
   * Returns how many account users exist, without the built-in ones: 0 in a fresh fake, as {@link #users()} lists.
   *
   * @return the count
   */
  public int userCount() {
    return created(FakeStore.ACCOUNT, Kind.USER).size();
  }

  /**
   * Returns how many account users exist, the built-in ones included (the users behind the tokens of federated
   * workspaces).
   *
   * @return the count
   */
  public int userCountIncludingBuiltIns() {
    return store().count(FakeStore.ACCOUNT, Kind.USER);
  }

  /**
   * Returns how many account groups exist, without the built-in {@code account users}: 0 in a fresh fake.
   *
   * @return the count
   */
  public int groupCount() {
    return created(FakeStore.ACCOUNT, Kind.GROUP).size();
  }

  /**
   * Returns how many account groups exist, the built-in {@code account users} included.
   *
   * @return the count
   */
  public int groupCountIncludingBuiltIns() {
    return store().count(FakeStore.ACCOUNT, Kind.GROUP);
  }

  /**
   * Returns how many account service principals exist; none is built in.
   *
   * @return the count
   */
  public int servicePrincipalCount() {
    return store().count(FakeStore.ACCOUNT, Kind.SERVICE_PRINCIPAL);
  }

  /**
   * Returns how many workspace-local users a workspace has, without the built-in ones (the users behind the tokens
   * of a workspace without identity federation); always 0 in a federated workspace, whose users are account users.
   *
   * @param workspaceId the workspace id
   * @return the count
   */
  public int localUserCount(long workspaceId) {
    return created(workspaceId, Kind.USER).size();
  }

  /**
   * Returns how many workspace-local users a workspace has, the built-in ones included.
   *
   * @param workspaceId the workspace id
   * @return the count
   */
  public int localUserCountIncludingBuiltIns(long workspaceId) {
    return store().count(workspaceId, Kind.USER);
  }

  /**
   * Returns how many workspace-local groups a workspace has, without the built-in {@code users} and {@code admins}.
   *
   * @param workspaceId the workspace id
   * @return the count
   */
  public int localGroupCount(long workspaceId) {
    return created(workspaceId, Kind.GROUP).size();
  }

  /**
   * Returns how many workspace-local groups a workspace has, the built-in {@code users} and {@code admins} included.
   *
   * @param workspaceId the workspace id
   * @return the count
   */
  public int localGroupCountIncludingBuiltIns(long workspaceId) {
    return store().count(workspaceId, Kind.GROUP);
  }
}
