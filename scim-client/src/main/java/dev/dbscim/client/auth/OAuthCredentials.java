package dev.dbscim.client.auth;

import dev.dbscim.client.internal.LoopbackHosts;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Returns OAuth access tokens for a Databricks service principal, obtained with the client-credentials grant
 * (OAuth machine-to-machine, RFC 6749 section 4.4) and cached until shortly before they expire.
 *
 * <pre>{@code
 * CredentialsProvider credentials = OAuthCredentials.builder()
 *     .tokenEndpoint(OAuthCredentials.accountTokenEndpoint(URI.create("https://accounts.cloud.databricks.com"), accountId))
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .build();
 * }</pre>
 *
 * <p>The token request is {@code POST <tokenEndpoint>} with {@code Authorization: Basic base64(id:secret)} (id and
 * secret form-encoded first, RFC 6749 section 2.3.1) and the form body
 * {@code grant_type=client_credentials&scope=all-apis}.
 *
 * <p><b>Caching and refresh.</b> A token is reused until {@code refreshMargin} before it expires (but never refreshed
 * earlier than half its lifetime). Then one thread fetches the next token while every other thread waits for that same
 * request, so concurrent callers cause one token request, not one each. Threads that arrive while the refresh runs
 * and whose cached token has not expired yet keep using it instead of waiting. If such an early refresh fails, the
 * still-valid token keeps being used (logged at WARN) and the refresh is tried again 10 seconds later; once the token
 * has expired, the failure is thrown. A response without {@code expires_in} is taken to last one hour, the lifetime of
 * Databricks OAuth tokens; a token that dies sooner is replaced after the service refuses it with 401 (see
 * {@link #invalidate(String)}).
 *
 * <p><b>Failures.</b> A failed token request throws {@link dev.dbscim.client.error.ScimClientException} (a
 * {@link dev.dbscim.client.error.ScimTimeoutException} when the endpoint did not answer in time). Its message names
 * the endpoint, the HTTP status and the OAuth {@code error} code with its description, never the client secret or a
 * token. The request is retried on connection failures and on 429, 502, 503 and 504 as the
 * {@link Builder#retryPolicy(RetryPolicy) retry policy} allows (by default 3 attempts, pausing through the
 * {@link Sleeper}; a {@code Retry-After} in seconds or as an HTTP date is honoured up to 10 seconds); other answers
 * such as 400 {@code invalid_client} or 401 fail at once.
 *
 * <p>Instances are thread-safe and meant to be shared; {@link #toString()} shows the client id and endpoint but never
 * the secret or a token.
 */
public final class OAuthCredentials implements CredentialsProvider {
  private static final System.Logger LOG = System.getLogger(OAuthCredentials.class.getName());

  /** The scope requested by default; it grants every Databricks REST API the principal is entitled to. */
  private static final String DEFAULT_SCOPE = "all-apis";

  private static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REFRESH_RETRY_DELAY = Duration.ofSeconds(10);
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._~-]+");

  private final String clientId;
  private final String scope;
  private final Clock clock;
  private final OAuthTokenClient tokenClient;

  private final Object lock = new Object();
  private volatile OAuthToken cached;
  /** The refresh in flight, or null; guarded by {@link #lock}. */
  private CompletableFuture<OAuthToken> refreshing;

  private OAuthCredentials(Builder builder, URI endpoint, HttpClient httpClient) {
    this.clientId = builder.clientId;
    this.scope = builder.scope;
    this.clock = builder.clock;
    this.tokenClient =
        new OAuthTokenClient(
            endpoint,
            builder.clientId,
            builder.clientSecret,
            builder.scope,
            httpClient,
            builder.requestTimeout,
            builder.clock,
            builder.sleeper,
            builder.retryPolicy,
            builder.refreshMargin);
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the defaults described on each option
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns credentials whose client id and secret come from the environment variables {@code DATABRICKS_CLIENT_ID}
   * and {@code DATABRICKS_CLIENT_SECRET} (the names the Databricks SDKs and CLI use), with every other option at its
   * default.
   *
   * @param tokenEndpoint the token endpoint, for example from {@link #accountTokenEndpoint(URI, String)}
   * @return the credentials
   * @throws IllegalStateException if a variable is not set or is blank (the message names the variable only)
   */
  public static OAuthCredentials fromEnvironment(URI tokenEndpoint) {
    return fromEnvironment(tokenEndpoint, System::getenv);
  }

  static OAuthCredentials fromEnvironment(URI tokenEndpoint, Function<String, String> environment) {
    return builder()
        .tokenEndpoint(tokenEndpoint)
        .clientId(requiredVariable(environment, "DATABRICKS_CLIENT_ID"))
        .clientSecret(requiredVariable(environment, "DATABRICKS_CLIENT_SECRET"))
        .build();
  }

  private static String requiredVariable(Function<String, String> environment, String name) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set or is blank");
    }
    return value.strip();
  }

  /**
   * Returns the token endpoint of a Databricks account: {@code {host}/oidc/accounts/{accountId}/v1/token}.
   *
   * @param host the account console host, such as {@code https://accounts.cloud.databricks.com} (a path, if any, is
   *     kept as a prefix; a trailing slash is dropped)
   * @param accountId the account id (a UUID)
   * @return the endpoint
   * @throws IllegalArgumentException if the host is not an absolute URI with a host, has a query or fragment, or the
   *     account id is not a plain path segment
   */
  public static URI accountTokenEndpoint(URI host, String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("accountId must be a plain path segment (letters, digits, '-', '_', '.', '~')");
    }
    return URI.create(base(host) + "/oidc/accounts/" + accountId + "/v1/token");
  }

  /**
   * Returns the usual token endpoint of a Databricks workspace: {@code {host}/oidc/v1/token}, the value a workspace
   * publishes at {@code {host}/oidc/.well-known/oauth-authorization-server}.
   *
   * @param host the workspace URL, such as {@code https://dbc-a1b2c3d4-e5f6.cloud.databricks.com} (a path, if any, is
   *     kept as a prefix; a trailing slash is dropped)
   * @return the endpoint
   * @throws IllegalArgumentException if the host is not an absolute URI with a host, or has a query or fragment
   */
  public static URI workspaceTokenEndpoint(URI host) {
    return URI.create(base(host) + "/oidc/v1/token");
  }

  private static String base(URI host) {
    Objects.requireNonNull(host, "host");
    if (!host.isAbsolute() || host.getHost() == null) {
      throw new IllegalArgumentException("host must be an absolute URI with a host, such as https://accounts.example.com");
    }
    if (host.getRawQuery() != null || host.getRawFragment() != null) {
      throw new IllegalArgumentException("host must not have a query or fragment");
    }
    String path = host.getRawPath() == null ? "" : host.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return host.getScheme() + "://" + host.getRawAuthority() + path;
  }

  /**
   * Returns a valid access token, from the cache or from a new token request.
   *
   * @return the access token, without the {@code Bearer } prefix
   * @throws dev.dbscim.client.error.ScimClientException if no token could be obtained; the message names the endpoint
   *     and the OAuth error, never the secret
   */
  @Override
  public String bearerToken() {
    OAuthToken current = cached;
    Instant now = clock.instant();
    if (current != null && !current.needsRefresh(now)) {
      return current.accessToken;
    }
    CompletableFuture<OAuthToken> refresh;
    boolean leader = false;
    synchronized (lock) {
      current = cached;
      if (current != null && !current.needsRefresh(now)) {
        return current.accessToken;
      }
      if (refreshing == null) {
        refreshing = new CompletableFuture<>();
        leader = true;
      }
      refresh = refreshing;
    }
    if (leader) {
      return refresh(refresh, current, now);
    }
    if (current != null && !current.expired(now)) {
      return current.accessToken;
    }
    return await(refresh).accessToken;
  }

  private String refresh(CompletableFuture<OAuthToken> refresh, OAuthToken previous, Instant now) {
    OAuthToken fresh;
    try {
      fresh = tokenClient.fetch();
    } catch (RuntimeException | Error e) {
      if (previous != null && !previous.expired(now) && !(e instanceof Error)) {
        OAuthToken kept = previous.refreshAgainAt(now.plus(REFRESH_RETRY_DELAY));
        synchronized (lock) {
          if (cached == previous) {
            cached = kept;
          }
          refreshing = null;
        }
        refresh.complete(kept);
        LOG.log(
            System.Logger.Level.WARNING,
            "OAuth token refresh failed; keeping the current token, valid until {0}: {1}",
            previous.expiresAt, e.getMessage());
        return previous.accessToken;
      }
      synchronized (lock) {
        refreshing = null;
      }
      refresh.completeExceptionally(e);
      throw e;
    }
    synchronized (lock) {
      cached = fresh;
      refreshing = null;
    }
    refresh.complete(fresh);
    return fresh.accessToken;
  }

  private OAuthToken await(CompletableFuture<OAuthToken> refresh) {
    try {
      return refresh.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CredentialFailures.interrupted(
          "interrupted while waiting for an OAuth token from " + tokenClient.endpointLabel(), e);
    } catch (ExecutionException e) {
      // The leader's own exception; it carries no secret and names the endpoint.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw (Error) cause;
    }
  }

  /**
   * Drops the cached token if it is still {@code refusedToken}, so the next call fetches a new one. A token that was
   * already replaced (another thread refreshed it meanwhile) stays cached.
   *
   * @param refusedToken the token the service refused with 401
   */
  @Override
  public void invalidate(String refusedToken) {
    synchronized (lock) {
      OAuthToken current = cached;
      if (current != null && current.accessToken.equals(refusedToken)) {
        cached = null;
      }
    }
  }

  /**
   * Returns the client id, endpoint and scope, for example
   * {@code OAuthCredentials[clientId=..., tokenEndpoint=https://.../oidc/v1/token, scope=all-apis, clientSecret=****]};
   * never the secret or a token.
   *
   * @return a redacted description
   */
  @Override
  public String toString() {
    return "OAuthCredentials[clientId=" + clientId + ", tokenEndpoint=" + tokenClient.endpointLabel() + ", scope="
        + scope + ", clientSecret=****]";
  }

  /**
   * Builds {@link OAuthCredentials}. Required: {@link #tokenEndpoint(URI)}, {@link #clientId(String)} and
   * {@link #clientSecret(String)}. Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private URI tokenEndpoint;
    private String scope = DEFAULT_SCOPE;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Sleeper sleeper = Sleeper.system();
    private RetryPolicy retryPolicy = OAuthTokenClient.DEFAULT_RETRY_POLICY;
    private boolean allowInsecureHttp;

    private Builder() {}

    /**
     * Sets the service principal's OAuth client id (its application id). Required.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * Sets the OAuth secret generated for the service principal. Required; never printed or put into a message.
     *
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Sets the token endpoint. Required; use {@link OAuthCredentials#accountTokenEndpoint(URI, String)} for account
     * SCIM and {@link OAuthCredentials#workspaceTokenEndpoint(URI)} for workspace SCIM.
     *
     * <p>It must be {@code https}; plain {@code http} is accepted only for a loopback address ({@code localhost},
     * {@code 127.0.0.1}, {@code ::1}, as used by tests and local fakes) unless {@link #allowInsecureHttp(boolean)}
     * is set.
     *
     * @param tokenEndpoint the absolute token endpoint URI
     * @return this builder
     */
    public Builder tokenEndpoint(URI tokenEndpoint) {
      this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
      return this;
    }

    /**
     * Sets the requested scope. Default {@code all-apis}, which Databricks requires for REST APIs such as SCIM; change
     * it only for a token endpoint with other scopes.
     *
     * @param scope one scope, or several separated by spaces
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets how long before expiry a token is replaced. Default 5 minutes, but never more than half the token's
     * lifetime. Raise it when requests can take long enough that a token might expire in flight; lower it to reduce
     * token requests.
     *
     * @param refreshMargin zero or more
     * @return this builder
     */
    public Builder refreshMargin(Duration refreshMargin) {
      Objects.requireNonNull(refreshMargin, "refreshMargin");
      if (refreshMargin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative");
      }
      this.refreshMargin = refreshMargin;
      return this;
    }

    /**
     * Sets the clock used to decide when a token expires. Default {@link Clock#systemUTC()}; tests inject their own.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the HTTP client for token requests. Default: a new client using HTTP/1.1, a 10 second connect timeout and no
     * redirects. Pass one to reuse a proxy, SSL context or executor; it is never closed by these credentials and
     * must use {@code Redirect.NEVER}: a followed redirect would resend the token request, which carries the client
     * secret, to another host, and take the token that host hands out; {@link #build()} refuses any other client.
     *
     * @param httpClient the HTTP client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets how long one token request may wait for the answer. Default 30 seconds; callers that need a token wait at
     * most about three times this, plus the pauses between attempts.
     *
     * @param requestTimeout more than zero
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      if (requestTimeout.isZero() || requestTimeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Sets how often and how long a failed token request is retried (connection failures, 429, 502, 503, 504).
     * Default: 3 attempts, 500 ms then 1 s apart without jitter, a {@code Retry-After} (seconds or an HTTP date)
     * honoured up to 10 s. Raise the attempts for batch jobs that would rather wait than fail; pass
     * {@link RetryPolicy#none()} when the caller retries itself.
     *
     * @param retryPolicy the policy; its {@code nonIdempotentRetry} is not used (a token request is always safe to
     *     repeat)
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets how the credentials wait between attempts of a failed token request. Default {@link Sleeper#system()};
     * tests pass {@link Sleeper#noWait()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Allows a plain {@code http} token endpoint on a non-loopback host. Default {@code false}: the request carries
     * the client secret and the answer a token, both readable by anyone on the network path. Turn it on only behind a
     * trusted TLS-terminating proxy. The name matches the {@code ClientConfig} option.
     *
     * @param allowInsecureHttp whether to accept plain http to any host
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Returns the credentials; no token is fetched until the first {@link OAuthCredentials#bearerToken()}.
     *
     * @return the credentials
     * @throws IllegalStateException if a required option is missing
     * @throws IllegalArgumentException if the client id, secret or scope is blank, the endpoint is not an absolute
     *     https URI (or http to loopback) without user info or fragment, or the caller's HTTP client follows redirects
     */
    public OAuthCredentials build() {
      if (tokenEndpoint == null) {
        throw new IllegalStateException("tokenEndpoint is required");
      }
      if (clientId == null) {
        throw new IllegalStateException("clientId is required");
      }
      if (clientSecret == null) {
        throw new IllegalStateException("clientSecret is required");
      }
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("clientId is blank");
      }
      if (clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientSecret is blank");
      }
      if (scope.isBlank()) {
        throw new IllegalArgumentException("scope is blank");
      }
      checkEndpoint(tokenEndpoint, allowInsecureHttp);
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("the caller's HttpClient must use Redirect.NEVER: a followed redirect would "
            + "send the token request with the client secret to another host");
      }
      HttpClient client = httpClient != null ? httpClient : defaultHttpClient();
      return new OAuthCredentials(this, tokenEndpoint, client);
    }

    private static HttpClient defaultHttpClient() {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
    }
  }

  private static void checkEndpoint(URI endpoint, boolean allowInsecureHttp) {
    if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
      throw new IllegalArgumentException("tokenEndpoint must be an absolute URI with a host");
    }
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException("tokenEndpoint must not contain user info");
    }
    if (endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException("tokenEndpoint must not have a fragment");
    }
    String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    if (!scheme.equals("http")) {
      throw new IllegalArgumentException("tokenEndpoint must use https");
    }
    if (!allowInsecureHttp && !LoopbackHosts.isLoopback(endpoint.getHost())) {
      throw new IllegalArgumentException(
          "tokenEndpoint uses plain http to a non-loopback host; use https (or allowInsecureHttp(true))");
    }
  }

}
