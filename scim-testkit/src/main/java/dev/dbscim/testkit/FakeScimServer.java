package dev.dbscim.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.testkit.internal.FakeAdminApi;
import dev.dbscim.testkit.internal.FakeBuiltins;
import dev.dbscim.testkit.internal.FakeEngine;
import dev.dbscim.testkit.internal.FakeRateLimiter;
import dev.dbscim.testkit.internal.FakeRouter;
import dev.dbscim.testkit.internal.FakeSockets;
import dev.dbscim.testkit.internal.FakeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import mockwebserver3.MockWebServer;

/**
 * An in-memory fake of one Databricks account with its workspaces, speaking the real SCIM wire format over HTTP on
 * loopback. Each host is its own {@link MockWebServer}: the account host ({@link #url()}) serves account SCIM and
 * workspace assignments; each workspace host ({@link FakeWorkspace#url()}) serves workspace SCIM, {@code /Me}, the
 * account proxy {@code /api/2.0/account/scim/v2} and workspace permission assignments. Real Databricks workspaces
 * also live on hosts of their own, so a client configured with one host per workspace works unchanged.
 *
 * <pre>{@code
 * try (FakeScimServer scim = FakeScimServer.create().start()) {
 *   HttpRequest get = HttpRequest.newBuilder(scim.url().resolve(
 *           "/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users"))
 *       .header("Authorization", "Bearer " + scim.accountToken()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests, {@link FakeScim} on a field (or {@code @ExtendWith(FakeScimExtension.class)} on the class)
 * starts a fresh fake per test and closes it after; a {@code FakeScimServer} test parameter is a fresh started fake
 * too (see {@link FakeScimExtension}). The fake needs only scim-core, not the client: it hands out what a client
 * needs, its URLs, account id and tokens, and as one map, {@link #environment()} (per workspace
 * {@link FakeWorkspace#environment()}), the {@code DATABRICKS_*} variables the Databricks SDKs read. With scim-client
 * on the test class path, a client built from them, with instant retries ({@code Sleeper.noWait()}) and no
 * client-side pacing ({@code RateLimits.unlimited()}), looks like this:
 *
 * <pre>{@code
 * class OnboardingServiceTest {
 *   @FakeScim final FakeScimServer scim = FakeScimServer.create();
 *
 *   @Test
 *   void onboard_newHire_createsUser() {
 *     try (ScimAccountClient account = ScimAccountClient.builder()
 *         .environment(scim.environment())
 *         .sleeper(Sleeper.noWait())
 *         .rateLimits(RateLimits.unlimited())
 *         .build()) {
 *       new OnboardingService(account).onboard("ada@example.com");
 *     }
 *     assertThat(scim.state().userByName("ada@example.com")).isPresent();
 *   }
 * }
 *
 * @ExtendWith(FakeScimExtension.class)
 * class ProvisioningTest {
 *   @Test
 *   void provision_createsGroup(FakeScimServer scim) {
 *     try (ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment(scim.workspace(0).environment())) {
 *       workspace.groups().create(Group.builder().displayName("engineering").build());
 *     }
 *     assertThat(scim.state().groupByName("engineering")).isPresent();
 *   }
 * }
 * }</pre>
 *
 * <p><b>OAuth machine-to-machine.</b> Besides the account SCIM token and the workspace tokens, the fake issues OAuth
 * access tokens to service principals with the client-credentials grant, as Databricks does: {@code POST
 * {url}/oidc/accounts/{accountId}/v1/token} on the account host and {@code POST {workspaceUrl}/oidc/v1/token} on a
 * workspace host, form body {@code grant_type=client_credentials&scope=all-apis}, the client id (the service
 * principal's {@code applicationId}) and secret by HTTP Basic auth or as {@code client_id}/{@code client_secret} form
 * fields. The answer is {@code {"access_token":..,"token_type":"Bearer","expires_in":3600,"scope":"all-apis"}}; a
 * wrong secret, an unknown or inactive service principal, or one the workspace does not see answers 401
 * {@code {"error":"invalid_client",..}}. Secrets come from {@link FakeScimState#createOAuthSecret(String)} or from
 * {@code POST /api/2.0/accounts/{accountId}/servicePrincipals/{id}/credentials/secrets} (also {@code GET} to list and
 * {@code DELETE .../secrets/{secretId}}, as the official SDK's {@code servicePrincipalSecrets()} calls them).
 * {@code GET /oidc/.well-known/oauth-authorization-server} names the token endpoint on every host (on the account
 * host, the account's, since SDKs do not recognise a loopback host as an accounts host and ask there).
 *
 * <p>A token works on the host that issued it only, until it expires an hour later on the fake's {@link #clock()};
 * then it gets 401 like an unknown token. It acts as its service principal, decided anew on each request: on the
 * account host it is an account admin if the service principal has the account role {@code account_admin}
 * ({@code roles: [{"value":"account_admin"}]}), and otherwise every account API answers 403
 * {@code PERMISSION_DENIED}; on a workspace host it is a workspace admin if the service principal is a direct or
 * indirect member of the workspace's {@code admins} group (for example assigned with {@code ADMIN}), and otherwise a
 * plain user, with the same 403s as {@link FakeWorkspace#userToken()}. Deleting or deactivating the service principal
 * makes its tokens answer 401. Its {@code /Me} is the service principal in the User shape, with its application id as
 * {@code userName}.
 *
 * <pre>{@code
 * ServicePrincipal bot = scim.state().seed(ServicePrincipal.builder().displayName("provisioner")
 *     .addRoles(ComplexValue.of("account_admin")).build());
 * String clientId = bot.applicationId().orElseThrow();
 * ScimAccountClient account = ScimAccountClient.builder()
 *     .endpoint(scim.url())
 *     .accountId(scim.accountId())
 *     .credentials(OAuthCredentials.builder()
 *         .tokenEndpoint(OAuthCredentials.accountTokenEndpoint(scim.url(), scim.accountId()))
 *         .clientId(clientId)
 *         .clientSecret(scim.state().createOAuthSecret(clientId))
 *         .clock(scim.clock())
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>By default there is one identity-federated workspace with id {@code 1001}. Each workspace has two users behind
 * its tokens, an admin ({@code admin-<id>@example.com}) and a plain user ({@code user-<id>@example.com}); in a
 * federated workspace they are account users assigned to it, so account lists include them. Instances are
 * thread-safe; a closed fake cannot be restarted.
 */
public final class FakeScimServer implements AutoCloseable {
  private static final long FIRST_WORKSPACE_ID = 1001;
  private static final String ACCOUNT_ID = "DATABRICKS_ACCOUNT_ID";

  private final String accountId;
  private final Clock clock;
  private final int maxPrincipals;
  private final int maxGroups;
  private final List<Boolean> workspaceFlags;
  private final boolean adminApiEnabled;
  private final boolean unknownAttributesKept;
  private final int accountPort;
  private final FakeRateLimits rateLimits;
  private final FakeEngine engine;
  private final FakeScimState state;
  private final List<WorkspaceSetup> setups = new ArrayList<>();
  private final List<MockWebServer> servers = new ArrayList<>();
  private final List<FakeSockets> sockets = new ArrayList<>();
  private List<FakeWorkspace> workspaces = Collections.emptyList();
  private URI url;
  private boolean started;
  private boolean closed;

  private static final class WorkspaceSetup {
    final long id;
    final boolean federated;
    final String adminToken;
    final String userToken;
    final String adminUserId;
    final String userId;

    WorkspaceSetup(long id, boolean federated, String adminToken, String userToken, String adminUserId,
        String userId) {
      this.id = id;
      this.federated = federated;
      this.adminToken = adminToken;
      this.userToken = userToken;
      this.adminUserId = adminUserId;
      this.userId = userId;
    }
  }

  private FakeScimServer(Builder builder) {
    this.accountId = builder.accountId;
    this.clock = builder.clock;
    this.maxPrincipals = builder.maxPrincipals;
    this.maxGroups = builder.maxGroups;
    this.workspaceFlags = new ArrayList<>(builder.workspaces);
    this.adminApiEnabled = builder.adminApiEnabled;
    this.unknownAttributesKept = builder.unknownAttributesKept;
    this.accountPort = builder.accountPort;
    this.rateLimits = builder.rateLimits;
    FakeStore store = newStore();
    List<String[]> owners = populate(store);
    this.engine = new FakeEngine(store, accountId, clock, builder.fullRfcFilters,
        builder.accountGroupListIncludesMembers, builder.journalCapacity);
    this.state = new FakeScimState(engine, new HashSet<>(store.ids()));
    if (rateLimits.any()) {
      engine.rateLimiter(new FakeRateLimiter(rateLimits, clock));
    }
    engine.renameVisibilityDelay(builder.renameVisibilityDelay);
    engine.rotateAccountToken(newToken());
    long id = FIRST_WORKSPACE_ID;
    for (int i = 0; i < workspaceFlags.size(); i++, id++) {
      WorkspaceSetup setup = new WorkspaceSetup(id, workspaceFlags.get(i), newToken(), newToken(), owners.get(i)[0],
          owners.get(i)[1]);
      engine.addWorkspaceToken(setup.adminToken, new FakeEngine.Caller(id, setup.adminUserId, true));
      engine.addWorkspaceToken(setup.userToken, new FakeEngine.Caller(id, setup.userId, false));
      setups.add(setup);
    }
  }

  private FakeStore newStore() {
    return new FakeStore(accountId, clock, maxPrincipals, maxGroups, unknownAttributesKept);
  }

  /**
   * Adds the workspaces, the built-in groups and the users behind the workspace tokens to an empty store, always in
   * the same order, so a fresh store gets the same ids.
   */
  private List<String[]> populate(FakeStore store) {
    long id = FIRST_WORKSPACE_ID;
    for (Boolean federated : workspaceFlags) {
      store.addWorkspace(id++, federated);
    }
    FakeBuiltins builtins = FakeBuiltins.install(store);
    List<String[]> owners = new ArrayList<>();
    id = FIRST_WORKSPACE_ID;
    for (Boolean federated : workspaceFlags) {
      String adminUserId = tokenOwner(store, id, "admin");
      String userId = tokenOwner(store, id, "user");
      if (federated) {
        store.assign(id, adminUserId, Collections.singletonList("ADMIN"));
      } else {
        builtins.grantAdmin(id, adminUserId);
      }
      owners.add(new String[] {adminUserId, userId});
      id++;
    }
    return owners;
  }

  private static String tokenOwner(FakeStore store, long workspaceId, String role) {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.put("userName", role + "-" + workspaceId + "@example.com");
    user.put("displayName", ("admin".equals(role) ? "Workspace Admin " : "Workspace User ") + workspaceId);
    return store.create(workspaceId, FakeStore.Kind.USER, user).get("id").asText();
  }

  /**
   * Empties the fake: every principal, group, membership and assignment goes, ids start again from the first one,
   * queued faults, OAuth client secrets and OAuth access tokens and the journal are dropped. What remains is what a new
   * fake has: the built-in groups and the users behind the workspace tokens, with the same ids. Every account and
   * workspace token keeps working, the account token included, and the clock is left as it is. The {@link Builder#rateLimits(FakeRateLimits) rate limits} stay in force, with the requests
   * counted so far in the current second forgotten.
   */
  public void reset() {
    FakeStore fresh = newStore();
    List<String[]> owners = populate(fresh);
    for (int i = 0; i < setups.size(); i++) {
      if (!setups.get(i).adminUserId.equals(owners.get(i)[0]) || !setups.get(i).userId.equals(owners.get(i)[1])) {
        throw new IllegalStateException("a reset store gave the token owners other ids");
      }
    }
    engine.replaceStore(fresh);
    state.builtInIds(new HashSet<>(fresh.ids()));
    engine.clearFaults();
    engine.clearJournal();
    engine.oauth().clear();
    engine.clearPendingRenames();
    if (rateLimits.any()) {
      engine.rateLimiter(new FakeRateLimiter(rateLimits, clock));
    }
  }

  private static String newToken() {
    return "dapi" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Returns a fake with the default settings (see {@link Builder}); call {@link #start()} (or let
   * {@code @FakeScim} do it) before sending requests.
   *
   * @return a new, unstarted fake
   */
  public static FakeScimServer create() {
    return builder().build();
  }

  /**
   * Returns a builder with the default settings.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the account host and every workspace host on loopback, each on a free port. Calling it again does nothing.
   *
   * @return this fake
   * @throws UncheckedIOException when a port cannot be bound
   * @throws IllegalStateException when the fake was closed
   */
  public synchronized FakeScimServer start() {
    if (closed) {
      throw new IllegalStateException("a closed FakeScimServer cannot be restarted");
    }
    if (started) {
      return this;
    }
    try {
      url = bind(FakeStore.ACCOUNT);
      List<FakeWorkspace> bound = new ArrayList<>();
      for (WorkspaceSetup setup : setups) {
        bound.add(new FakeWorkspace(setup.id, setup.federated, bind(setup.id), setup.adminToken, setup.userToken,
            setup.adminUserId, setup.userId, engine));
      }
      workspaces = Collections.unmodifiableList(bound);
    } catch (IOException e) {
      closeServers();
      throw new UncheckedIOException("cannot bind the fake on loopback", e);
    }
    started = true;
    return this;
  }

  private URI bind(long host) throws IOException {
    MockWebServer server = new MockWebServer();
    FakeRouter router = new FakeRouter(engine, host);
    router.attach(server);
    if (adminApiEnabled) {
      router.adminApi(new FakeAdminApi(engine, clock, this::failNext, this::recordedRequests, this::reset));
    }
    server.setDispatcher(router);
    FakeSockets factory = new FakeSockets();
    sockets.add(factory);
    server.setServerSocketFactory(factory);
    servers.add(server);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server.start(loopback, host == FakeStore.ACCOUNT ? accountPort : 0);
    String address = loopback.getHostAddress().contains(":") ? "[" + loopback.getHostAddress() + "]"
        : loopback.getHostAddress();
    return URI.create("http://" + address + ":" + server.getPort());
  }

  /**
   * Stops every host; clients pointed at it fail to connect from then on. The state stays readable.
   */
  @Override
  public synchronized void close() {
    closed = true;
    closeServers();
  }

  private void closeServers() {
    // Wake every accept thread at once; each MockWebServer.close() then waits for its own thread only briefly.
    for (FakeSockets factory : sockets) {
      factory.closeServerSockets();
    }
    sockets.clear();
    for (MockWebServer server : servers) {
      server.close();
    }
    servers.clear();
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("the FakeScimServer is not started");
    }
  }

  /**
   * Returns the base URI of the account host, such as {@code http://127.0.0.1:41233}; account SCIM lives under
   * {@code /api/2.0/accounts/{accountId}/scim/v2}.
   *
   * @return the URI
   * @throws IllegalStateException before {@link #start()}
   */
  public synchronized URI url() {
    requireStarted();
    return url;
  }

  /**
   * Returns the account id.
   *
   * @return the account id
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Returns the current account SCIM token (an account admin credential).
   *
   * @return the token
   */
  public String accountToken() {
    return engine.accountToken();
  }

  /**
   * Regenerates the account SCIM token. The previous token keeps working for 24 hours of the fake's clock, then gets
   * 401.
   *
   * @return the new token
   */
  public String rotateAccountToken() {
    String token = newToken();
    engine.rotateAccountToken(token);
    return token;
  }

  /**
   * Returns a workspace by position.
   *
   * @param index the position, from 0
   * @return the workspace
   * @throws IllegalStateException before {@link #start()}
   * @throws IndexOutOfBoundsException when there is no such workspace
   */
  public synchronized FakeWorkspace workspace(int index) {
    requireStarted();
    return workspaces.get(index);
  }

  /**
   * Returns every workspace, in id order.
   *
   * @return the workspaces
   * @throws IllegalStateException before {@link #start()}
   */
  public synchronized List<FakeWorkspace> workspaces() {
    requireStarted();
    return workspaces;
  }

  /**
   * Returns the clock the fake reads for token expiry and journal times.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the API to seed and inspect identities without HTTP.
   *
   * @return the state API
   */
  public FakeScimState state() {
    return state;
  }

  /**
   * Queues a fault for the next matching requests, on every host. Faults are matched in the order they were queued.
   *
   * @param fault the fault
   */
  public void failNext(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    FakeEngine.FaultRule rule = new FakeEngine.FaultRule(fault.methodValue(), fault.pathValue(), fault.statusCode(),
        fault.retryAfterValue(), fault.latencyValue(), fault.disconnects(), fault.count(), fault.probabilityValue(),
        fault.seedValue());
    engine.addFault(fault.losesResponse() ? rule.serveBeforeDisconnect() : rule);
  }

  /** Removes every queued fault, including faults with a probability that would otherwise stay queued. */
  public void clearFaults() {
    engine.clearFaults();
  }

  /**
   * Returns the requests served so far on every host, oldest first, with credentials redacted. The journal keeps the
   * latest {@link Builder#journalCapacity(int)} requests.
   *
   * @return a snapshot of the journal
   */
  public List<RecordedCall> recordedRequests() {
    List<RecordedCall> calls = new ArrayList<>();
    for (FakeEngine.Exchange exchange : engine.journal()) {
      calls.add(new RecordedCall(
          exchange.workspaceId == FakeStore.ACCOUNT ? OptionalLong.empty() : OptionalLong.of(exchange.workspaceId),
          exchange.method, exchange.target, exchange.headers, exchange.body, exchange.status, exchange.time));
    }
    return Collections.unmodifiableList(calls);
  }

  /** Empties the journal. */
  public void clearRecordedRequests() {
    engine.clearJournal();
  }

  /**
   * Returns the Databricks environment variables of the account host, as the Databricks SDKs, the CLI and
   * {@code ScimAccountClient.fromEnvironment(Map)} read them: {@code DATABRICKS_HOST} = {@link #url()},
   * {@code DATABRICKS_ACCOUNT_ID} = {@link #accountId()} and {@code DATABRICKS_TOKEN} = the current
   * {@link #accountToken()} (so call it again after {@link #rotateAccountToken()}). A test that wants instant retries
   * and no client-side pacing sets them on the builder:
   *
   * <pre>{@code
   * ScimAccountClient account = ScimAccountClient.builder()
   *     .environment(scim.environment())
   *     .sleeper(Sleeper.noWait())
   *     .rateLimits(RateLimits.unlimited())
   *     .build();
   * }</pre>
   *
   * @return the variables, an unmodifiable map in that order
   * @throws IllegalStateException before {@link #start()}
   */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(FakeWorkspace.HOST, url().toString());
    environment.put(ACCOUNT_ID, accountId);
    environment.put(FakeWorkspace.TOKEN, accountToken());
    return Collections.unmodifiableMap(environment);
  }

  /**
   * Returns the account id, the account URL and the workspaces; never a token.
   *
   * @return the description
   */
  @Override
  public synchronized String toString() {
    return "FakeScimServer[account=" + accountId + (started ? ", url=" + url : "") + ", workspaces=" + setups.size()
        + "]";
  }

  /** Settings of a {@link FakeScimServer}. */
  public static final class Builder {
    private String accountId = UUID.randomUUID().toString();
    private final List<Boolean> workspaces = new ArrayList<>();
    private Clock clock;
    private int maxPrincipals = 10_000;
    private int maxGroups = 5_000;
    private boolean fullRfcFilters;
    private boolean accountGroupListIncludesMembers;
    private int journalCapacity = 10_000;
    private boolean adminApiEnabled;
    private boolean unknownAttributesKept;
    private int accountPort;
    private FakeRateLimits rateLimits = FakeRateLimits.none();
    private Duration renameVisibilityDelay = Duration.ZERO;

    private Builder() {}

    /**
     * Sets the loopback port of the account host; 0 (the default) picks a free one. Workspace hosts always get free
     * ports.
     *
     * @param port the port, from 0 to 65535
     * @return this builder
     */
    public Builder accountPort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be from 0 to 65535");
      }
      this.accountPort = port;
      return this;
    }

    /**
     * Serves the test-control API under {@code /_fake/} on every host: {@code GET /_fake/state},
     * {@code GET /_fake/requests}, {@code POST /_fake/faults}, {@code POST /_fake/clock} and
     * {@code POST /_fake/reset} (see {@link FakeScimLauncher}). It takes <strong>no token</strong>: anyone who can
     * reach the loopback port can read the state and the (redacted) journal and change the fake. Off by default, so
     * {@code /_fake/} paths answer 404 like the real service; {@link FakeScimLauncher} turns it on.
     *
     * @param enabled whether to serve the admin API
     * @return this builder
     */
    public Builder adminApiEnabled(boolean enabled) {
      this.adminApiEnabled = enabled;
      return this;
    }

    /**
     * Sets per-second request limits, answered with 429 like the service; {@link FakeRateLimits#none()} by default.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder rateLimits(FakeRateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the account id; by default a random UUID, like real account ids.
     *
     * @param accountId the account id
     * @return this builder
     */
    public Builder accountId(String accountId) {
      Objects.requireNonNull(accountId, "accountId");
      if (accountId.isEmpty() || accountId.contains("/")) {
        throw new IllegalArgumentException("accountId must be a non-empty path segment");
      }
      this.accountId = accountId;
      return this;
    }

    /**
     * Adds {@code count} identity-federated workspaces. Workspace ids are given in order from {@code 1001}. Without
     * any call to this method or {@link #nonFederatedWorkspaces(int)}, the fake has one federated workspace.
     *
     * @param count how many
     * @return this builder
     */
    public Builder workspaces(int count) {
      return addWorkspaces(count, true);
    }

    /**
     * Adds {@code count} workspaces without identity federation: they see only workspace-local principals.
     *
     * @param count how many
     * @return this builder
     */
    public Builder nonFederatedWorkspaces(int count) {
      return addWorkspaces(count, false);
    }

    private Builder addWorkspaces(int count, boolean federated) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      for (int i = 0; i < count; i++) {
        workspaces.add(federated);
      }
      return this;
    }

    /**
     * Sets the clock; by default a {@link FakeClock} at the current system time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the limit of users plus service principals, per account and per workspace; 10,000 by default, as
     * documented by Databricks. The built-in users behind the workspace tokens count toward it (see
     * {@link FakeScimState#userCountIncludingBuiltIns()}).
     *
     * @param limit the limit
     * @return this builder
     */
    public Builder maxPrincipals(int limit) {
      this.maxPrincipals = positive(limit);
      return this;
    }

    /**
     * Sets the limit of groups, per account and per workspace; 5,000 by default, as documented by Databricks. The
     * built-in system groups count toward it (see {@link FakeScimState#groupCountIncludingBuiltIns()}).
     *
     * @param limit the limit
     * @return this builder
     */
    public Builder maxGroups(int limit) {
      this.maxGroups = positive(limit);
      return this;
    }

    /**
     * Accepts every RFC 7644 filter ({@code gt}, {@code pr}, {@code not}, value paths, any attribute) instead of
     * answering 400 {@code InvalidFilter} for what Databricks does not support. Off by default.
     *
     * @param enabled whether to accept full RFC filters
     * @return this builder
     */
    public Builder fullRfcFilters(boolean enabled) {
      this.fullRfcFilters = enabled;
      return this;
    }

    /**
     * Makes account group lists carry {@code members}, as accounts created before 2025-08-22 still do. Off by
     * default: account group lists omit members and only get-by-id returns them.
     *
     * @param enabled whether account group lists include members
     * @return this builder
     */
    public Builder accountGroupListIncludesMembers(boolean enabled) {
      this.accountGroupListIncludesMembers = enabled;
      return this;
    }

    /**
     * Sets how many requests the journal keeps (the oldest are dropped); 10,000 by default.
     *
     * @param capacity the capacity
     * @return this builder
     */
    public Builder journalCapacity(int capacity) {
      this.journalCapacity = positive(capacity);
      return this;
    }

    /**
     * Makes renames of workspace groups eventually consistent: for this long after a PATCH or PUT changes a workspace
     * group's {@code displayName}, workspace group lists (and their filters) still show the old name, while a GET by
     * id shows the new one at once. Databricks behaves like this for up to about a minute (databrickslabs/ucx polls
     * after each rename). Zero by default: renames are visible at once. Measured on the fake's {@link #clock(Clock)
     * clock}.
     *
     * @param delay the delay, zero or positive
     * @return this builder
     */
    public Builder renameVisibilityDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      this.renameVisibilityDelay = delay;
      return this;
    }

    /**
     * Keeps and returns every attribute a client sends, as the fake did before it modelled Databricks' fixed
     * attribute sets. Off by default: on {@code POST}, {@code PUT} and {@code PATCH} of Users, Groups and
     * ServicePrincipals the fake keeps only the attributes Databricks documents for that resource and drops the rest
     * without an error, as Databricks is taken to do (see {@code docs/testkit.md} for the evidence; no
     * Databricks source states it, so it is inferred). Kept are, for a User, {@code userName}, {@code displayName},
     * {@code name} ({@code givenName}, {@code familyName}), {@code emails} ({@code value}, {@code type},
     * {@code primary}, {@code display}, {@code $ref}), {@code active} and {@code externalId}; for a Group,
     * {@code displayName} and {@code externalId}; for a ServicePrincipal, {@code applicationId},
     * {@code displayName}, {@code active} and {@code externalId}; for all three, {@code members} (groups),
     * {@code entitlements} and {@code roles} as before. Misspelt keys, {@code addresses}, {@code phoneNumbers},
     * extension objects such as the enterprise User extension, and unknown sub-attributes of {@code name} and
     * {@code emails} are dropped. Turn this on for tests written against the old echo, or to check that a client
     * round-trips attributes it does not model.
     *
     * @param enabled whether to keep unknown attributes
     * @return this builder
     */
    public Builder unknownAttributesKept(boolean enabled) {
      this.unknownAttributesKept = enabled;
      return this;
    }

    private static int positive(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("value must be at least 1");
      }
      return value;
    }

    /**
     * Returns an unstarted fake with these settings.
     *
     * @return the fake
     */
    public FakeScimServer build() {
      if (workspaces.isEmpty()) {
        workspaces.add(Boolean.TRUE);
      }
      if (clock == null) {
        clock = FakeClock.atSystemTime();
      }
      return new FakeScimServer(this);
    }
  }
}
