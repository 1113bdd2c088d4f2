package dev.dbscim.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RawResponse;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.auth.CredentialsProvider;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.client.error.ScimRateLimitedException;
import dev.dbscim.client.error.ScimServiceException;
import dev.dbscim.client.retry.NonIdempotentRetry;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.redaction.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends SCIM calls over {@code java.net.http.HttpClient}: authentication, retries, rate limiting, size and time limits,
 * logging with redaction, and mapping of error answers to the {@code client.error} exceptions. Thread-safe; one per
 * client, shared by all its resource APIs.
 *
 * <p>Per attempt it waits for the {@link RequestThrottle}, asks the credentials for a token, and sends
 * {@code Authorization: Bearer <token>}, {@code Accept: application/scim+json, application/json},
 * {@code User-Agent: dbscim/<version> java/<version> [suffix]}, the configured default headers, the call's extra
 * headers, and for a body {@code Content-Type: application/json} (what the official Databricks SDK sends; the service
 * also accepts {@code application/scim+json}). A 401 (or a workspace's 403 "Invalid access token.") makes it
 * {@link CredentialsProvider#invalidate(String) invalidate}
 * the token and, if the credentials then supply a different one, repeat the call once (even a POST: the service did
 * not act on it). Retries follow the call's {@link RetryPolicy}. Redirects are never followed, so the token never
 * reaches another host; a 3xx answer is an error.
 *
 * <p>Only 2xx answers are successes; an error envelope in a 2xx body is not looked for. Every attempt has the request
 * timeout, which covers the whole body too, and every body is read up to {@link ClientConfig#maxResponseBytes()}.
 *
 * <p>Not public API; may change without notice.
 */
public final class ScimTransport {
  private static final System.Logger LOG = System.getLogger(ScimTransport.class.getName());
  private static final String ACCEPT = "application/scim+json, application/json";
  private static final String CONTENT_TYPE = "application/json";
  private static final List<String> REQUEST_ID_HEADERS =
      List.of("x-request-id", "x-databricks-request-id", "request-id");

  private final ClientConfig config;
  private final RequestThrottle throttle;
  private final String basePath;
  private final HttpClient httpClient;
  private final ObjectMapper mapper;
  private final ObjectReader treeReader;
  private final ObjectReaderCache readers;
  private final HttpSender sender;
  private final String uriPrefix;
  private final String userAgent;
  private final boolean ownsHttpClient;
  /** The last URI built, reused while calls go to the same path and query (every create, for instance). */
  private volatile CachedUri lastUri;
  /** The last Authorization value built, reused while the token stays the same. */
  private volatile CachedAuthorization lastAuthorization;

  private ScimTransport(ClientConfig config, RequestThrottle throttle, String basePath, HttpClient httpClient,
      boolean ownsHttpClient, ObjectReaderCache readers) {
    this.config = config;
    this.ownsHttpClient = ownsHttpClient;
    this.throttle = throttle;
    this.basePath = basePath;
    this.httpClient = httpClient;
    this.mapper = readers.mapper();
    this.readers = readers;
    this.treeReader = mapper.reader();
    this.sender = new HttpSender(httpClient, config.sleeper(), config.clock());
    this.uriPrefix = endpointPrefix(config) + basePath;
    this.userAgent = userAgent(config);
  }

  /**
   * Returns a transport for the given configuration. It uses the caller's {@code HttpClient} when the configuration
   * has one, otherwise it creates an HTTP/1.1 client with {@code Redirect.NEVER}, the connect timeout and a
   * same-thread executor: the caller's thread waits for each answer anyway, and the body handler never blocks, so
   * handing completions to a pool thread would only add a thread switch per request.
   *
   * @param config the client configuration
   * @param throttle the client-side rate limiter ({@link RequestThrottle#none()} for none)
   * @param basePath the path prefix of every call below the endpoint's own path, such as
   *     {@code /api/2.0/accounts/a1b2/scim/v2}; empty for none
   * @return the transport
   */
  public static ScimTransport create(ClientConfig config, RequestThrottle throttle, String basePath) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(throttle, "throttle");
    boolean owns = !config.httpClient().isPresent();
    HttpClient httpClient = config.httpClient().orElseGet(() -> HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        .executor(Runnable::run)
        .build());
    return new ScimTransport(config, throttle, checkBasePath(basePath), httpClient, owns,
        new ObjectReaderCache(ScimJson.mapper()));
  }

  /**
   * Returns a transport for another path prefix that shares this one's HTTP client, mapper and settings; for raw calls
   * outside the SCIM root.
   *
   * @param basePath the new prefix; empty for none
   * @return the sibling transport
   */
  public ScimTransport withBasePath(String basePath) {
    return new ScimTransport(config, throttle, checkBasePath(basePath), httpClient, false, readers);
  }

  /**
   * Releases the HTTP client if this transport created it and the JDK can close it (Java 21 and later); a caller's
   * client, and the client of a {@link #withBasePath(String)} sibling, is never closed. Calls after closing fail.
   */
  public void close() {
    if (ownsHttpClient && httpClient instanceof AutoCloseable) {
      try {
        ((AutoCloseable) httpClient).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing the HTTP client failed: " + e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Returns the mapper this transport reads and writes bodies with, from {@link ScimJson#mapper()}.
   *
   * @return the mapper; do not reconfigure it
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Returns the configuration.
   *
   * @return the configuration
   */
  public ClientConfig config() {
    return config;
  }

  /**
   * Sends a call and returns its successful answer.
   *
   * @param method the HTTP method
   * @param path the encoded path relative to the base path
   * @param query the query parameters in order, unencoded
   * @param body the body (a {@code JsonNode}, a model, or JSON bytes), or {@code null} for none
   * @param operation the class of call for rate limiting
   * @param options the per-call options
   * @return the 2xx answer
   * @throws ScimServiceException for an error answer, after retries
   * @throws ScimClientException when no usable answer arrived
   */
  public ScimResponse send(String method, String path, List<Map.Entry<String, String>> query, Object body,
      OperationClass operation, RequestOptions options) {
    ScimRequest request = ScimRequest.of(method, path, operation).withOptions(options);
    for (Map.Entry<String, String> parameter : query) {
      request = request.withQuery(parameter.getKey(), parameter.getValue());
    }
    if (body != null) {
      request = request.withBody(body);
    }
    return send(request);
  }

  /**
   * Sends a call and returns the body of its successful answer read as the given type.
   *
   * @param request the call
   * @param type the target type
   * @param <T> the target type
   * @return the value
   * @throws ScimServiceException for an error answer, after retries
   * @throws ScimClientException when no usable answer arrived or the body does not fit the type
   */
  public <T> T sendForObject(ScimRequest request, JavaType type) {
    return send(request).read(type);
  }

  /**
   * Sends a call and returns the body of its successful answer read as the given class.
   *
   * @param request the call
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws ScimServiceException for an error answer, after retries
   * @throws ScimClientException when no usable answer arrived or the body does not fit the type
   */
  public <T> T sendForObject(ScimRequest request, Class<T> type) {
    return send(request).read(type);
  }

  /**
   * Sends a call for the raw escape hatch and returns its successful answer as a {@link RawResponse}.
   *
   * @param request the call
   * @return the answer
   * @throws ScimServiceException for an error answer, after retries
   * @throws ScimClientException when no usable answer arrived
   */
  public RawResponse sendRaw(ScimRequest request) {
    ScimResponse response = send(request);
    return RawResponse.of(response.status(), response.headers().map(),
        new String(response.bodyBytes(), StandardCharsets.UTF_8));
  }

  /**
   * Sends a call, retrying as its policy allows, and returns the successful answer.
   *
   * @param request the call
   * @return the 2xx answer
   * @throws ScimServiceException for an error answer, after retries
   * @throws ScimClientException when no usable answer arrived
   */
  public ScimResponse send(ScimRequest request) {
    return sender.send(new TransportCall(request));
  }

  /** One SCIM call as the {@link HttpSender} sees it: throttle, token, SCIM error mapping and retry rules. */
  private final class TransportCall extends HttpSender.Call<ScimResponse> {
    private final ScimRequest request;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final byte[] body;
    private final URI uri;
    private final LogTarget logTarget;
    private final CredentialsProvider credentials = config.credentials();
    private String token;

    TransportCall(ScimRequest request) {
      super(request.options().retryPolicy().orElse(config.retryPolicy()), LOG,
          new LogTarget(request.method(), request.pathAndQuery()), config.maxResponseBytes());
      this.request = request;
      this.policy = policy();
      this.timeout = request.options().timeout().orElse(config.requestTimeout());
      this.body = request.body().isPresent() ? serialize(request.body().get()) : null;
      this.logTarget = (LogTarget) label();
      this.uri = uri(logTarget.pathAndQuery);
    }

    @Override
    protected HttpRequest request(int attempt) {
      acquirePermit(request, attempt - 1);
      token = token(credentials, request, attempt - 1);
      HttpRequest httpRequest = buildRequest(request, uri, body, token, timeout);
      traceRequest(httpRequest, body, logTarget);
      return httpRequest;
    }

    @Override
    protected HttpSender.Outcome<ScimResponse> answered(HttpSender.Answer answer) {
      int status = answer.status();
      HttpHeaders headers = answer.headers();
      ResponseBody responseBody = answer.body();
      String requestId = requestId(headers);
      traceResponse(status, headers, responseBody, logTarget);
      if (answer.success()) {
        return HttpSender.Outcome.success(new ScimResponse(request.method(), request.path(), status, headers,
            responseBody, answer.attempt(), requestId, readers), status, requestId);
      }
      if (status == 429) {
        throttle.rateLimited(request.operation());
      }
      ErrorBody error = ErrorBody.parse(responseBody.bytes(), headers.firstValue("content-type").orElse(null),
          treeReader);
      ScimServiceException failure = errors().serviceException(request.method(), request.path(), status,
          error.rawScimType, error.detail, error.errorCode, requestId, answer.retryAfter(), answer.attempt());
      return HttpSender.Outcome.failure(failure, answer, null, shouldRetry(request.method(), failure, false, status,
          policy), requestId);
    }

    @Override
    protected HttpSender.Outcome<ScimResponse> failed(IOException failure, boolean timedOut, int attempt) {
      if (timedOut) {
        return noAnswer(errors().timeoutException(prefix(request) + " timed out after " + timeout.toMillis()
            + " ms [attempts=" + attempt + "]", null, attempt), false, "timeout");
      }
      return ioFailure(request, uri, failure, attempt, this);
    }

    HttpSender.Outcome<ScimResponse> noAnswer(ScimException failure, boolean notSent, String problem) {
      return HttpSender.Outcome.noAnswer(failure, shouldRetry(request.method(), failure, notSent, 0, policy),
          problem);
    }

    @Override
    protected RuntimeException interrupted(InterruptedException cause, int attempt, boolean waitingToRetry) {
      return errors().clientException(prefix(request) + " interrupted" + (waitingToRetry ? " while waiting to retry"
          : "") + " [attempts=" + attempt + "]", cause, attempt, false);
    }

    @Override
    protected boolean repeatOnce(HttpSender.Outcome<ScimResponse> failure, HttpRequest sent) {
      if (failure.status() != 401 && !isRefusedToken(failure.status(), failure.failure())) {
        return false;
      }
      credentials.invalidate(token);
      String fresh = token(credentials, request, 0);
      if (fresh.equals(token)) {
        return false;
      }
      LOG.log(System.Logger.Level.WARNING, logTarget + " -> " + failure.status()
          + ", the token was refused; repeating once with a refreshed token");
      return true;
    }
  }

  /**
   * Returns whether a 403 refuses the token itself rather than the caller's rights: a workspace answers an invalid or
   * expired token with {@code 403 {"error_code":403,"message":"Invalid access token."}} (databricks-sdk-go issues
   * #873, #795, #1046), where the account answers 401.
   */
  static boolean isRefusedToken(int status, RuntimeException failure) {
    return status == 403 && failure instanceof ScimServiceException
        && ((ScimServiceException) failure).detail()
            .map(detail -> detail.toLowerCase(java.util.Locale.ROOT).contains("invalid access token")).orElse(false);
  }

  static boolean shouldRetry(String method, ScimException failure, boolean notSent, int status, RetryPolicy policy) {
    if (!failure.retryable()) {
      return false;
    }
    boolean idempotent = method.equals("GET") || method.equals("PUT") || method.equals("DELETE");
    if (idempotent || policy.nonIdempotentRetry() == NonIdempotentRetry.DANGEROUS_ALWAYS) {
      return true;
    }
    return notSent || failure instanceof ScimRateLimitedException || status == 503;
  }

  private HttpSender.Outcome<ScimResponse> ioFailure(ScimRequest request, URI uri, IOException failure, int attempt,
      TransportCall call) {
    // HttpClient.send rethrows the known kinds (connect, timeout, TLS) as their own class and wraps the rest in a
    // plain IOException whose cause is the original failure.
    Throwable cause = failure.getClass() == IOException.class && failure.getCause() != null ? failure.getCause()
        : failure;
    String name = cause.getClass().getSimpleName();
    if (cause instanceof HttpConnectTimeoutException) {
      return call.noAnswer(errors().timeoutException(prefix(request) + " connect timed out [attempts=" + attempt
          + "]", cause, attempt), true, name);
    }
    if (cause instanceof HttpTimeoutException) {
      return call.noAnswer(errors().timeoutException(prefix(request) + " timed out [attempts=" + attempt + "]",
          cause, attempt), false, name);
    }
    if (cause instanceof LimitedBodySubscriber.BodyTooLargeException) {
      return call.noAnswer(errors().clientException(prefix(request) + " failed: " + cause.getMessage()
          + " [attempts=" + attempt + "]", null, attempt, false), false, name);
    }
    if (isUnresolvedHost(failure)) {
      // A host name that does not resolve will not resolve a few hundred milliseconds later either: fail at once,
      // with the host named (an UnknownHostException cause the caller can look for), instead of retrying.
      UnknownHostException unknown = new UnknownHostException(uri.getHost());
      unknown.initCause(cause);
      return call.noAnswer(errors().clientException(prefix(request) + " failed: cannot resolve the host "
          + uri.getHost() + " [attempts=" + attempt + "]", unknown, attempt, false), true, "UnknownHostException");
    }
    boolean notSent = cause instanceof ConnectException || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException;
    boolean retryable = cause instanceof IOException && !(cause instanceof SSLHandshakeException);
    if (!(cause instanceof IOException) && cause instanceof RuntimeException
        && !(cause instanceof CancellationException)) {
      throw (RuntimeException) cause;
    }
    // I/O messages name hosts and ports at most; they never hold request data.
    return call.noAnswer(errors().clientException(prefix(request) + " failed: " + name + " [attempts=" + attempt
        + "]", cause, attempt, retryable), notSent, name);
  }

  /** Returns whether the failure (or a cause) says the host name could not be resolved to an address. */
  static boolean isUnresolvedHost(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private HttpRequest buildRequest(ScimRequest request, URI uri, byte[] body, String token, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Accept", ACCEPT)
        .header("User-Agent", userAgent);
    Map<String, String> callHeaders = request.options().headers();
    if (!config.defaultHeaders().isEmpty()) {
      for (Map.Entry<String, String> header : config.defaultHeaders().entrySet()) {
        if (!callHeaders.containsKey(header.getKey())) {
          builder.header(header.getKey(), header.getValue());
        }
      }
    }
    if (!callHeaders.isEmpty()) {
      for (Map.Entry<String, String> header : callHeaders.entrySet()) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    builder.header("Authorization", authorization(token));
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private void acquirePermit(ScimRequest request, int attempts) {
    try {
      throttle.acquire(request.operation());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors().clientException(prefix(request) + " interrupted while waiting for a rate-limit permit [attempts="
          + attempts + "]", e, attempts, false);
    }
  }

  private static String token(CredentialsProvider credentials, ScimRequest request, int attempts) {
    String token = credentials.bearerToken();
    if (token == null || token.trim().isEmpty()) {
      throw errors().clientException(prefix(request) + ": the credentials supplied no token [attempts=" + attempts
          + "]", null, attempts, false);
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        // Never echo the token, not even in part.
        throw errors().clientException(prefix(request) + ": the credentials supplied a token with characters not "
            + "allowed in a header [attempts=" + attempts + "]", null, attempts, false);
      }
    }
    return token;
  }

  private byte[] serialize(Object body) {
    if (body instanceof byte[]) {
      return (byte[]) body;
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request body cannot be written as JSON: " + body.getClass().getName(), e);
    }
  }

  private static String requestId(HttpHeaders headers) {
    Map<String, List<String>> map = headers.map();
    if (map.isEmpty()) {
      return null;
    }
    for (String name : REQUEST_ID_HEADERS) {
      // The JDK's header map is case-insensitive.
      List<String> values = map.get(name);
      if (values != null && !values.isEmpty()) {
        String value = values.get(0).trim();
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    return null;
  }

  private URI uri(String pathAndQuery) {
    CachedUri cached = lastUri;
    if (cached != null && cached.pathAndQuery.equals(pathAndQuery)) {
      return cached.uri;
    }
    URI uri = URI.create(uriPrefix + pathAndQuery);
    lastUri = new CachedUri(pathAndQuery, uri);
    return uri;
  }

  private String authorization(String token) {
    CachedAuthorization cached = lastAuthorization;
    if (cached != null && cached.token.equals(token)) {
      return cached.value;
    }
    String value = "Bearer " + token;
    lastAuthorization = new CachedAuthorization(token, value);
    return value;
  }

  /** A URI and the path and query it was built from. */
  private static final class CachedUri {
    final String pathAndQuery;
    final URI uri;

    CachedUri(String pathAndQuery, URI uri) {
      this.pathAndQuery = pathAndQuery;
      this.uri = uri;
    }
  }

  /** An Authorization header value and its token; never printed. */
  private static final class CachedAuthorization {
    final String token;
    final String value;

    CachedAuthorization(String token, String value) {
      this.token = token;
      this.value = value;
    }

    @Override
    public String toString() {
      return "CachedAuthorization{****}";
    }
  }

  /** The call's "SCIM METHOD /redacted/path?query" for log lines, built only when a line is written. */
  private static final class LogTarget {
    private final String method;
    private final String pathAndQuery;
    private String text;

    LogTarget(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    /** Returns "METHOD /redacted/path?query". */
    String target() {
      if (text == null) {
        text = method + " " + Redactor.pathAndQuery(pathAndQuery);
      }
      return text;
    }

    @Override
    public String toString() {
      return "SCIM " + target();
    }
  }

  private void traceRequest(HttpRequest request, byte[] body, LogTarget logTarget) {
    if (config.wireLoggingEnabled() && LOG.isLoggable(System.Logger.Level.TRACE)) {
      LOG.log(System.Logger.Level.TRACE, "SCIM >> " + logTarget.target() + " headers=" + Redactor.headers(request.headers()
          .map()) + (body == null ? "" : " body=" + Redactor.body(body, mapper)));
    }
  }

  private void traceResponse(int status, HttpHeaders headers, ResponseBody body, LogTarget logTarget) {
    if (config.wireLoggingEnabled() && LOG.isLoggable(System.Logger.Level.TRACE)) {
      LOG.log(System.Logger.Level.TRACE, "SCIM << " + logTarget.target() + " " + status + " headers="
          + Redactor.headers(headers.map()) + " body=" + Redactor.body(body.bytes(), mapper));
    }
  }

  private static String endpointPrefix(ClientConfig config) {
    String endpoint = config.endpoint().toString();
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  private static String prefix(ScimRequest request) {
    return "SCIM " + request.method() + " " + request.path();
  }

  private static ScimErrorAccess errors() {
    return ScimErrorAccess.get();
  }

  private static String checkBasePath(String basePath) {
    Objects.requireNonNull(basePath, "basePath");
    if (basePath.isEmpty()) {
      return basePath;
    }
    if (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.indexOf('?') >= 0
        || basePath.indexOf('#') >= 0) {
      throw new IllegalArgumentException("basePath must start with / and not end with /: " + basePath);
    }
    return basePath;
  }

  private static String userAgent(ClientConfig config) {
    String version = ScimTransport.class.getPackage() == null ? null
        : ScimTransport.class.getPackage().getImplementationVersion();
    String agent = "dbscim/" + (version == null ? "dev" : version) + " java/" + Runtime.version().feature();
    return config.userAgentSuffix().map(suffix -> agent + " " + suffix).orElse(agent);
  }
}
