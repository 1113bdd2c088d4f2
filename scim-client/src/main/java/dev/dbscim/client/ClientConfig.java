package dev.dbscim.client;

import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.internal.LoopbackHosts;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The connection settings a client runs with: where to connect, how to authenticate, timeouts, retries and limits on
 * the answer. Immutable and thread-safe. A facade's builder sets them one by one or takes them whole with
 * {@code config(ClientConfig)}, and the built client returns them from {@code config()}:
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder()
 *     .endpoint(URI.create("https://accounts.cloud.databricks.com"))
 *     .credentials(TokenCredentials.fromEnvironment("SCIM_TOKEN"))
 *     .requestTimeout(Duration.ofSeconds(30))
 *     .maxResponseBytes(16L * 1024 * 1024)
 *     .build();
 * ScimAccountClient account = ScimAccountClient.builder().config(config).accountId("a1b2c3").build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the credentials or header values.
 */
public final class ClientConfig {
  /** The default {@link #connectTimeout()}: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default {@link #requestTimeout()}: 60 seconds, the Go and Python SDKs' HTTP timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** The default {@link #maxResponseBytes()}: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  /** Headers the client sets itself, or that {@code java.net.http} does not allow callers to set. */
  private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "proxy-authorization", "host",
      "content-length", "connection", "expect", "upgrade", "content-type", "accept", "user-agent");

  private final URI endpoint;
  private final CredentialsProvider credentials;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final HttpClient httpClient;
  private final boolean allowInsecureHttp;
  private final String userAgentSuffix;
  private final boolean wireLoggingEnabled;
  private final long maxResponseBytes;
  private final Map<String, String> defaultHeaders;

  private ClientConfig(Builder builder) {
    this.endpoint = builder.endpoint;
    this.credentials = builder.credentials;
    this.connectTimeout = builder.connectTimeout;
    this.requestTimeout = builder.requestTimeout;
    this.retryPolicy = builder.retryPolicy;
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
    this.httpClient = builder.httpClient;
    this.allowInsecureHttp = builder.allowInsecureHttp;
    this.userAgentSuffix = builder.userAgentSuffix;
    this.wireLoggingEnabled = builder.wireLoggingEnabled;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.defaultHeaders = Collections.unmodifiableMap(copyIgnoringCase(builder.defaultHeaders));
  }

  /**
   * Returns a new builder with every default set; {@link Builder#endpoint(URI)} and
   * {@link Builder#credentials(CredentialsProvider)} are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this configuration, for deriving a variant.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.endpoint = endpoint;
    builder.credentials = credentials;
    builder.connectTimeout = connectTimeout;
    builder.requestTimeout = requestTimeout;
    builder.retryPolicy = retryPolicy;
    builder.sleeper = sleeper;
    builder.clock = clock;
    builder.httpClient = httpClient;
    builder.allowInsecureHttp = allowInsecureHttp;
    builder.userAgentSuffix = userAgentSuffix;
    builder.wireLoggingEnabled = wireLoggingEnabled;
    builder.maxResponseBytes = maxResponseBytes;
    builder.defaultHeaders.putAll(defaultHeaders);
    return builder;
  }

  /**
   * Returns the service's base URI, such as {@code https://accounts.cloud.databricks.com}.
   *
   * @return the endpoint; always https, or http to a loopback host, or http with {@link #allowInsecureHttp()}
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns the source of bearer tokens.
   *
   * @return the credentials
   */
  public CredentialsProvider credentials() {
    return credentials;
  }

  /**
   * Returns how long opening a connection may take.
   *
   * @return the connect timeout; {@link #DEFAULT_CONNECT_TIMEOUT} (10 s) by default
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns how long one attempt may take, from sending to the last byte of the response.
   *
   * @return the request timeout; {@link #DEFAULT_REQUEST_TIMEOUT} (60 s) by default
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Returns the retry policy for calls without a per-call override.
   *
   * @return the policy; {@link RetryPolicy#standard()} by default
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns what waits between attempts and for rate-limit permits.
   *
   * @return the sleeper; {@link Sleeper#system()} by default
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Returns the clock for {@code Retry-After} dates, token expiry and rate limits.
   *
   * @return the clock; {@link Clock#systemUTC()} by default
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the caller's HTTP client, if one was given; the client then never closes it and ignores
   * {@link #connectTimeout()} (the caller's client has its own).
   *
   * @return the caller's HTTP client, if any
   */
  public Optional<HttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /**
   * Returns whether plain {@code http} is allowed to a host that is not a loopback address.
   *
   * @return false by default
   */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Returns the text appended to the {@code User-Agent} header, such as {@code "my-sync/1.4"}.
   *
   * @return the suffix, if set
   */
  public Optional<String> userAgentSuffix() {
    return Optional.ofNullable(userAgentSuffix);
  }

  /**
   * Returns whether request and response bodies are logged at TRACE (always redacted first).
   *
   * @return false by default
   */
  public boolean wireLoggingEnabled() {
    return wireLoggingEnabled;
  }

  /**
   * Returns the largest response body the client reads; a larger one fails with a
   * {@link dev.dbscim.client.error.ScimClientException} instead of filling the heap.
   *
   * @return the limit in bytes; {@link #DEFAULT_MAX_RESPONSE_BYTES} (64 MiB) by default
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Returns the headers added to every request.
   *
   * @return the headers sorted by name, looked up ignoring case; empty by default
   */
  public Map<String, String> defaultHeaders() {
    return defaultHeaders;
  }

  /** Returns a sorted copy whose lookups ignore the case of header names. */
  static Map<String, String> copyIgnoringCase(Map<String, String> headers) {
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    return copy;
  }

  /**
   * Returns a description with the credentials masked as {@code ****} and only the names of the default headers.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "ClientConfig{endpoint=" + endpoint + ", credentials=****, connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", retryPolicy=" + retryPolicy + ", callerHttpClient="
        + (httpClient != null) + ", allowInsecureHttp=" + allowInsecureHttp + ", userAgentSuffix="
        + (userAgentSuffix == null ? "" : userAgentSuffix) + ", wireLoggingEnabled=" + wireLoggingEnabled
        + ", maxResponseBytes=" + maxResponseBytes + ", defaultHeaders=" + defaultHeaders.keySet() + "}";
  }

  /** Builds {@link ClientConfig} values. Not thread-safe. */
  public static final class Builder {
    private URI endpoint;
    private CredentialsProvider credentials;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.standard();
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private boolean allowInsecureHttp;
    private String userAgentSuffix;
    private boolean wireLoggingEnabled;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private final Map<String, String> defaultHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Builder() {}

    /**
     * Sets the service's base URI (scheme, host, optional port and path prefix). Required. It must use https; plain
     * http is accepted for loopback hosts (local fakes) and elsewhere only with {@link #allowInsecureHttp(boolean)},
     * because the bearer token would cross the network in clear text.
     *
     * @param endpoint the absolute base URI, without user info, query or fragment
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Sets the source of bearer tokens. Required.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets how long opening a connection may take. Default 10 s; lower it to fail fast when the host is unreachable.
     * Ignored when a caller's {@link #httpClient(HttpClient)} is used.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long one attempt may take, from sending the request to reading the last byte of the answer. Default
     * 60 s; raise it for very large list pages on a slow link, lower it for interactive callers. Retries get a fresh
     * timeout each.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Sets the retry policy. Default {@link RetryPolicy#standard()}; use {@link RetryPolicy#none()} when the caller
     * retries itself.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets what waits between attempts. Default {@link Sleeper#system()}; tests pass {@link Sleeper#noWait()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the clock. Default {@link Clock#systemUTC()}; tests pass a fixed clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets an HTTP client to use instead of one the SDK creates, for a proxy, custom TLS or a shared connection pool.
     * Default none: the SDK creates an HTTP/1.1 client that never follows redirects. A caller's client must use
     * {@code Redirect.NEVER} too, since a followed redirect would carry the token to another host; {@link #build()}
     * refuses any other setting. The SDK never closes it.
     *
     * @param httpClient the caller's client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Allows plain {@code http} to hosts other than loopback addresses. Default false; enable only inside a trusted
     * network (for example a test proxy), since the token travels unencrypted.
     *
     * @param allowInsecureHttp whether to allow it
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Sets text appended to the {@code User-Agent} header, so the service's logs show which tool called. Default none.
     *
     * @param userAgentSuffix printable ASCII, such as {@code "my-sync/1.4"}
     * @return this builder
     */
    public Builder userAgentSuffix(String userAgentSuffix) {
      Objects.requireNonNull(userAgentSuffix, "userAgentSuffix");
      requirePrintable(userAgentSuffix, "userAgentSuffix");
      this.userAgentSuffix = userAgentSuffix.trim().isEmpty() ? null : userAgentSuffix.trim();
      return this;
    }

    /**
     * Turns on TRACE logging of request and response bodies, redacted (passwords, secrets, tokens masked). Default
     * false; enable while debugging a mapping problem.
     *
     * @param wireLoggingEnabled whether to log bodies
     * @return this builder
     */
    public Builder wireLoggingEnabled(boolean wireLoggingEnabled) {
      this.wireLoggingEnabled = wireLoggingEnabled;
      return this;
    }

    /**
     * Sets the largest response body the client reads. Default 64 MiB, enough for a page of 10,000 users; lower it to
     * bound memory when many calls run in parallel.
     *
     * @param maxResponseBytes a positive number of bytes
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Adds a header sent with every request, replacing an earlier one of the same name (compared ignoring case).
     * Default none; use it for routing headers such as {@code X-Databricks-Workspace-Id}. Headers the client sets
     * itself ({@code Authorization}, {@code Accept}, {@code Content-Type}, {@code User-Agent}) and those
     * {@code java.net.http} forbids ({@code Host}, {@code Connection}, ...) are refused.
     *
     * @param name the header name
     * @param value the header value, printable ASCII
     * @return this builder
     */
    public Builder putDefaultHeader(String name, String value) {
      checkHeader(name, value);
      defaultHeaders.put(name, value);
      return this;
    }

    /**
     * Replaces all default headers; see {@link #putDefaultHeader(String, String)}.
     *
     * @param headers the headers by name
     * @return this builder
     */
    public Builder defaultHeaders(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers");
      defaultHeaders.clear();
      headers.forEach(this::putDefaultHeader);
      return this;
    }

    /**
     * Returns the configuration after checking it.
     *
     * @return a new immutable configuration
     * @throws IllegalStateException if the endpoint or the credentials are missing
     * @throws IllegalArgumentException if the endpoint is not absolute, has user info, a query or a fragment, uses a
     *     scheme other than http or https, or uses plain http to a host that is not loopback without
     *     {@link #allowInsecureHttp(boolean)}; or if a caller's HTTP client follows redirects
     */
    public ClientConfig build() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required");
      }
      if (credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      checkEndpoint(endpoint, allowInsecureHttp);
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("the caller's HttpClient must use Redirect.NEVER: a followed redirect "
            + "would send the token to another host");
      }
      return new ClientConfig(this);
    }

    static void checkEndpoint(URI endpoint, boolean allowInsecureHttp) {
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
      if (endpoint.getRawUserInfo() != null || endpoint.getRawAuthority() != null
          && endpoint.getRawAuthority().contains("@")) {
        throw new IllegalArgumentException("endpoint must not contain user info (credentials go in credentials())");
      }
      if (!endpoint.isAbsolute() || endpoint.isOpaque() || endpoint.getHost() == null) {
        throw new IllegalArgumentException("endpoint must be an absolute http(s) URI with a host");
      }
      if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
        throw new IllegalArgumentException("endpoint must not have a query or fragment: " + endpoint.getPath());
      }
      if (scheme.equals("https")) {
        return;
      }
      if (!scheme.equals("http")) {
        throw new IllegalArgumentException("endpoint scheme must be https (or http to loopback): " + scheme);
      }
      if (!allowInsecureHttp && !LoopbackHosts.isLoopback(endpoint.getHost())) {
        throw new IllegalArgumentException("plain http is only allowed to loopback hosts, since the token would "
            + "travel unencrypted; use https or set allowInsecureHttp(true): " + endpoint.getHost());
      }
    }

    static void checkHeader(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("not a valid header name: " + name);
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header is set by the client and cannot be overridden: " + name);
      }
      requirePrintable(value, "value of header " + name);
    }

    private static void requirePrintable(String text, String what) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\t' || c >= 0x7f) {
          throw new IllegalArgumentException(what + " must be printable ASCII");
        }
      }
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
