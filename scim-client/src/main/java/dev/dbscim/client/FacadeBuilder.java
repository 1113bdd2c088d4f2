package dev.dbscim.client;

import dev.dbscim.client.api.GroupsApi;
import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.internal.FacadeCore;
import dev.dbscim.client.internal.MembershipBatches;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings and setters both facade builders share; {@link ScimAccountClient.Builder} and
 * {@link ScimWorkspaceClient.Builder} add what differs (the account id, the defaults, the Javadoc of the
 * endpoint, credentials and rate limits). Package-private: its public methods appear as the builders' own.
 *
 * <p>The connection settings (endpoint, credentials, timeouts, retries, HTTP client, headers, limits on the answer)
 * form one {@link ClientConfig}, which a built client returns from {@code config()}. The setters here change one
 * setting of it; {@link #config(ClientConfig)} replaces all of them at once, so one configuration serves an account
 * and a workspace client alike. What is not a connection setting (account id, rate limits, member batch size) is set
 * only here.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class FacadeBuilder<B extends FacadeBuilder<B>> {
  private ClientConfig.Builder config = ClientConfig.builder();
  private RateLimits rateLimits;
  private int memberBatchSize = MembershipBatches.DEFAULT_BATCH_SIZE;
  private HttpClient sharedHttpClient;

  FacadeBuilder(RateLimits defaultRateLimits) {
    this.rateLimits = defaultRateLimits;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Copies a built client's settings and shares its HTTP client, for {@code newBuilder()}.
   *
   * @param core the client's core
   * @return this builder
   */
  final B copyFrom(FacadeCore core) {
    this.config = core.config().toBuilder();
    this.rateLimits = core.rateLimits();
    this.memberBatchSize = core.memberBatchSize();
    this.sharedHttpClient = core.httpClient();
    return self();
  }

  /**
   * Returns the core of a client on the given SCIM base path, after checking the settings.
   *
   * @param basePath the SCIM base path below the endpoint
   * @return the core
   */
  final FacadeCore buildCore(String basePath) {
    return FacadeCore.create(config.build(), rateLimits, memberBatchSize, sharedHttpClient, basePath);
  }

  /**
   * Replaces every connection setting with those of {@code config}: endpoint, credentials, timeouts, retry policy,
   * sleeper, clock, HTTP client, plain-http permission, {@code User-Agent} suffix, wire logging, response size limit
   * and default headers. Setters called afterwards change single settings of it. Default: the defaults of
   * {@link ClientConfig#builder()}; use it to give an account and a workspace client the same settings, such as
   * {@code ScimWorkspaceClient.builder().config(account.config()).endpoint(workspaceUrl)}.
   *
   * <p>The account id, rate limits and member batch size are not part of a {@link ClientConfig} and keep their
   * values.
   *
   * @param config the settings
   * @return this builder
   */
  public B config(ClientConfig config) {
    this.config = Objects.requireNonNull(config, "config").toBuilder();
    return self();
  }

  /**
   * Sets the host. Required; the facade builders document which host.
   *
   * @param endpoint the absolute base URI, without query or fragment
   * @return this builder
   */
  public B endpoint(URI endpoint) {
    config.endpoint(endpoint);
    return self();
  }

  /**
   * Sets the source of bearer tokens. Required; the facade builders give examples.
   *
   * @param credentials the credentials
   * @return this builder
   */
  public B credentials(CredentialsProvider credentials) {
    config.credentials(credentials);
    return self();
  }

  /**
   * Sets how long opening a connection may take. Default 10 s; lower it to fail fast when the host is unreachable.
   *
   * @param connectTimeout a positive duration
   * @return this builder
   */
  public B connectTimeout(Duration connectTimeout) {
    config.connectTimeout(connectTimeout);
    return self();
  }

  /**
   * Sets how long one attempt may take, to the last byte of the answer. Default 60 s; raise it for large pages on
   * a slow link, lower it for interactive callers.
   *
   * @param requestTimeout a positive duration
   * @return this builder
   */
  public B requestTimeout(Duration requestTimeout) {
    config.requestTimeout(requestTimeout);
    return self();
  }

  /**
   * Sets the retry policy. Default {@link RetryPolicy#standard()} (3 attempts, backoff with jitter, honouring
   * {@code Retry-After}); use {@link RetryPolicy#none()} when the caller retries itself.
   *
   * @param retryPolicy the policy
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    config.retryPolicy(retryPolicy);
    return self();
  }

  /**
   * Sets the client-side rate limits; the facade builders document the default.
   *
   * @param rateLimits the limits
   * @return this builder
   */
  public B rateLimits(RateLimits rateLimits) {
    this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
    return self();
  }

  /**
   * Sets an HTTP client to use, for a proxy, custom TLS or a shared pool. Default none: the client creates an
   * HTTP/1.1 client and closes it in the client's {@code close()}. A caller's client must not follow redirects and
   * is never closed.
   *
   * @param httpClient the caller's client
   * @return this builder
   */
  public B httpClient(HttpClient httpClient) {
    config.httpClient(httpClient);
    return self();
  }

  /**
   * Sets what waits between retries and for rate-limit permits. Default {@link Sleeper#system()}; tests pass
   * {@link Sleeper#noWait()}.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public B sleeper(Sleeper sleeper) {
    config.sleeper(sleeper);
    return self();
  }

  /**
   * Sets the clock for {@code Retry-After} dates. Default {@link Clock#systemUTC()}; tests pass a fixed clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    config.clock(clock);
    return self();
  }

  /**
   * Allows plain http to hosts other than loopback. Default false; enable only inside a trusted network, since the
   * token travels unencrypted.
   *
   * @param allowInsecureHttp whether to allow it
   * @return this builder
   */
  public B allowInsecureHttp(boolean allowInsecureHttp) {
    config.allowInsecureHttp(allowInsecureHttp);
    return self();
  }

  /**
   * Turns on TRACE logging of redacted request and response bodies. Default false; enable while debugging.
   *
   * @param wireLoggingEnabled whether to log bodies
   * @return this builder
   */
  public B wireLoggingEnabled(boolean wireLoggingEnabled) {
    config.wireLoggingEnabled(wireLoggingEnabled);
    return self();
  }

  /**
   * Sets how many member ids {@link GroupsApi#addMembers} and {@link GroupsApi#removeMembers} put in one PATCH.
   * Default 20, the chunk size databrickslabs/ucx uses in production; lower it if the service refuses large
   * PATCH bodies, raise it to send fewer requests under a tight PATCH rate limit.
   *
   * @param memberBatchSize 1 to 1000
   * @return this builder
   * @throws IllegalArgumentException when out of range
   */
  public B memberBatchSize(int memberBatchSize) {
    this.memberBatchSize = MembershipBatches.checkBatchSize(memberBatchSize);
    return self();
  }

  /**
   * Sets the largest response body the client reads; a larger one fails with a
   * {@link dev.dbscim.client.error.ScimClientException} instead of filling the heap. Default 64 MiB
   * ({@link ClientConfig#DEFAULT_MAX_RESPONSE_BYTES}), enough for a page of 10,000 users; lower it to bound memory
   * when many calls run in parallel.
   *
   * @param maxResponseBytes a positive number of bytes
   * @return this builder
   * @throws IllegalArgumentException when not positive
   */
  public B maxResponseBytes(long maxResponseBytes) {
    config.maxResponseBytes(maxResponseBytes);
    return self();
  }

  /**
   * Sets text appended to the {@code User-Agent} header, so the service's logs show which tool called. Default
   * none.
   *
   * @param userAgentSuffix printable ASCII, such as {@code "my-sync/1.4"}
   * @return this builder
   */
  public B userAgentSuffix(String userAgentSuffix) {
    config.userAgentSuffix(userAgentSuffix);
    return self();
  }

  /**
   * Adds a header sent with every request. Default none.
   *
   * @param name the header name; headers the client sets itself are refused
   * @param value the value, printable ASCII
   * @return this builder
   */
  public B putDefaultHeader(String name, String value) {
    config.putDefaultHeader(name, value);
    return self();
  }
}
