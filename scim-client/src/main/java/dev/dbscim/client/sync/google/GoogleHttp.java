package dev.dbscim.client.sync.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbscim.client.internal.HttpSender;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Sends the source's requests: GETs to the Directory API with a bearer token, and the token exchange for service
 * accounts, through the client's one {@link HttpSender} (its retry loop, {@code Retry-After} parser and body limit).
 * Retries 429, 500, 502, 503, 504, I/O failures and the 403 rate-limit and quota reasons with the retry policy, the
 * throttled ones for as long as the quota window; repeats a request once with a fresh token after a 401. Thread-safe; the token cache is guarded by this
 * object.
 */
final class GoogleHttp {
  private static final System.Logger LOG = System.getLogger(GoogleHttp.class.getName());
  private static final ObjectReader TREE_READER = ScimJson.mapper().readerFor(JsonNode.class);
  /** The largest successful answer read; a Directory page of 500 users is a few megabytes. */
  static final long MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** A cached token is replaced this long before Google says it expires. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
  private static final int MAX_DETAIL_CHARS = 300;

  private final HttpSender sender;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Duration quotaRetryWindow;
  private final Clock clock;
  private final GoogleCredentials credentials;
  private final URI tokenUri;

  private String cachedToken;
  private Instant cachedUntil;

  GoogleHttp(HttpClient client, Duration requestTimeout, RetryPolicy retryPolicy, Duration quotaRetryWindow,
      Sleeper sleeper, Clock clock, GoogleCredentials credentials, URI tokenUriOverride) {
    this.sender = new HttpSender(client, sleeper, clock);
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.quotaRetryWindow = quotaRetryWindow;
    this.clock = clock;
    this.credentials = credentials;
    if (tokenUriOverride != null) {
      this.tokenUri = tokenUriOverride;
    } else if (credentials instanceof GoogleCredentials.ServiceAccountCredentials) {
      this.tokenUri = ((GoogleCredentials.ServiceAccountCredentials) credentials).key.tokenUri();
    } else {
      this.tokenUri = ServiceAccountKey.DEFAULT_TOKEN_URI;
    }
  }

  URI tokenUri() {
    return tokenUri;
  }

  /**
   * Returns the JSON answer of a GET to the Directory API.
   *
   * @param uri the full URI with query
   */
  JsonNode get(URI uri) {
    String label = "GET " + uri.getRawPath();
    return send(label, false, () -> HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token())
        .GET()
        .build());
  }

  // ------------------------------------------------------------------------------------------------------------ tokens

  private String token() {
    if (credentials instanceof GoogleCredentials.AccessTokenCredentials) {
      String token = ((GoogleCredentials.AccessTokenCredentials) credentials).tokens.get();
      if (token == null || token.trim().isEmpty()) {
        throw new GoogleDirectoryException("Google access token supplier returned no token", null, 0, null, 0,
            false);
      }
      return token;
    }
    synchronized (this) {
      Instant now = clock.instant();
      if (cachedToken == null || !now.isBefore(cachedUntil)) {
        fetchToken(now);
      }
      return cachedToken;
    }
  }

  private synchronized void invalidate(String refusedToken) {
    if (refusedToken != null && refusedToken.equals(cachedToken)) {
      cachedToken = null;
    }
  }

  private void fetchToken(Instant now) {
    GoogleCredentials.ServiceAccountCredentials account = (GoogleCredentials.ServiceAccountCredentials) credentials;
    String assertion = JwtAssertion.sign(account.key.clientEmail(), account.key.privateKeyId(),
        account.key.privateKey(), account.subject, GoogleCredentials.DIRECTORY_READ_SCOPES, now);
    String form = "grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8)
        + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
    JsonNode answer = send("POST " + tokenUri.getRawPath(), true, () -> HttpRequest.newBuilder(tokenUri)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build());
    JsonNode token = answer.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isEmpty()) {
      throw new GoogleDirectoryException("Google POST " + tokenUri.getRawPath() + " -> 200 without an access_token",
          null, 200, null, 1, false);
    }
    JsonNode expiresIn = answer.get("expires_in");
    long seconds = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
        ? expiresIn.asLong() : JwtAssertion.LIFETIME.getSeconds();
    Duration lifetime = Duration.ofSeconds(seconds);
    Duration margin = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
    cachedToken = token.asText();
    cachedUntil = now.plus(lifetime).minus(margin);
  }

  // ----------------------------------------------------------------------------------------------------------- sending

  private JsonNode send(String label, boolean tokenEndpoint, Supplier<HttpRequest> requests) {
    return sender.send(new GoogleCall("Google " + label, tokenEndpoint, requests));
  }

  /**
   * One Directory API or token request as the {@link HttpSender} sees it: Google's error shapes, its retryable
   * answers, the refresh after a 401, and the quota window for throttled answers.
   */
  private final class GoogleCall extends HttpSender.Call<JsonNode> {
    private final String label;
    private final boolean tokenEndpoint;
    private final Supplier<HttpRequest> requests;

    GoogleCall(String label, boolean tokenEndpoint, Supplier<HttpRequest> requests) {
      super(retryPolicy, LOG, label, MAX_RESPONSE_BYTES);
      this.label = label;
      this.tokenEndpoint = tokenEndpoint;
      this.requests = requests;
    }

    @Override
    protected HttpRequest request(int attempt) {
      return requests.get();
    }

    @Override
    protected HttpSender.Outcome<JsonNode> answered(HttpSender.Answer answer) {
      int status = answer.status();
      int attempt = answer.attempt();
      JsonNode body = readBody(answer);
      if (status == 200) {
        if (body == null || !body.isObject()) {
          return HttpSender.Outcome.failure(new GoogleDirectoryException(label + " -> 200 with a body that is not a"
              + " JSON object [attempts=" + attempt + "]", null, status, null, attempt, false), answer, null, false,
              null);
        }
        return HttpSender.Outcome.success(body, status, null);
      }
      String reason = tokenEndpoint ? tokenReason(body) : apiReason(body);
      String detail = tokenEndpoint ? tokenDetail(body) : apiDetail(body);
      boolean retryable = retryable(status, reason);
      return HttpSender.Outcome.failure(new GoogleDirectoryException(label + " -> " + status
          + (reason == null ? "" : " " + reason) + (detail == null ? "" : ": " + detail)
          + " [attempts=" + attempt + "]", null, status, reason, attempt, retryable), answer, reason, retryable, null);
    }

    @Override
    protected HttpSender.Outcome<JsonNode> failed(IOException failure, boolean timedOut, int attempt) {
      if (HttpSender.isBodyTooLarge(failure)) {
        return HttpSender.Outcome.noAnswer(new GoogleDirectoryException(label + " failed: response larger than "
            + MAX_RESPONSE_BYTES + " bytes [attempts=" + attempt + "]", null, 0, null, attempt, false), false,
            "BodyTooLargeException");
      }
      String problem = timedOut ? "timeout" : failure.getClass().getSimpleName();
      return HttpSender.Outcome.noAnswer(new GoogleDirectoryException(label + " failed: " + problem + " [attempts="
          + attempt + "]", failure, 0, null, attempt, true), true, problem);
    }

    @Override
    protected RuntimeException interrupted(InterruptedException cause, int attempt, boolean waitingToRetry) {
      return new GoogleDirectoryException(label + " was interrupted" + (waitingToRetry ? " while waiting to retry"
          : "") + " [attempts=" + attempt + "]", cause, 0, null, attempt, false);
    }

    @Override
    protected boolean repeatOnce(HttpSender.Outcome<JsonNode> failure, HttpRequest request) {
      if (failure.status() != 401 || tokenEndpoint) {
        return false;
      }
      invalidate(bearer(request));
      return true;
    }

    /**
     * Returns the policy's wait, except for throttled answers: those wait {@link #throttledDelay(int, Duration)} and
     * go on past the policy's attempts while the waits so far stay under the quota window.
     */
    @Override
    protected Duration retryDelay(int retry, HttpSender.Outcome<JsonNode> failure, Duration waited) {
      if (!throttled(failure.status(), failure.reason())) {
        return super.retryDelay(retry, failure, waited);
      }
      int maxAttempts = retryPolicy.maxAttempts();
      Duration delay = throttledDelay(retry, failure.retryAfter());
      boolean inWindow = maxAttempts > 1 && waited.compareTo(quotaRetryWindow) < 0 && !delay.isZero();
      return retry < maxAttempts || inWindow ? delay : null;
    }
  }

  /**
   * Returns the wait before retrying a throttled request: the {@code Retry-After} (capped by the policy) when Google
   * sent one, otherwise the policy's exponential backoff with equal jitter, between half and all of
   * {@code min(maxDelay, baseDelay * 2^(attempt-1))}, so that successive waits grow and add up to the quota window.
   */
  private Duration throttledDelay(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryPolicy.delayBeforeRetry(attempt, retryAfter);
    }
    long cap = retryPolicy.maxDelay().toMillis();
    long ceiling = retryPolicy.baseDelay().toMillis();
    for (int i = 1; i < attempt && ceiling < cap; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(cap, ceiling);
    long jittered = retryPolicy.delayBeforeRetry(attempt, null).toMillis();
    return Duration.ofMillis(ceiling / 2 + Math.min(ceiling, jittered) / 2);
  }

  private static String bearer(HttpRequest request) {
    String header = request.headers().firstValue("Authorization").orElse("");
    return header.startsWith("Bearer ") ? header.substring(7) : null;
  }

  static boolean retryable(int status, String reason) {
    switch (status) {
      case 429:
      case 500:
      case 502:
      case 503:
      case 504:
        return true;
      case 403:
        return throttled(403, reason);
      default:
        return false;
    }
  }

  /**
   * Tells whether an answer says Google throttled the request: 429, or 403 with one of the quota reasons Google's
   * Directory API "Limits and quotas" page says to retry with exponential backoff ({@code rateLimitExceeded},
   * {@code userRateLimitExceeded}, {@code quotaExceeded}). Other 403 reasons, such as {@code forbidden} or
   * {@code insufficientPermissions}, are not.
   */
  static boolean throttled(int status, String reason) {
    if (status == 429) {
      return true;
    }
    return status == 403 && ("rateLimitExceeded".equals(reason) || "userRateLimitExceeded".equals(reason)
        || "quotaExceeded".equals(reason));
  }

  private static JsonNode readBody(HttpSender.Answer answer) {
    try {
      return answer.read(TREE_READER);
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns {@code error.errors[0].reason} of a Directory API error body. */
  private static String apiReason(JsonNode body) {
    JsonNode error = body == null ? null : body.get("error");
    if (error == null || !error.isObject()) {
      return null;
    }
    JsonNode errors = error.get("errors");
    if (errors != null && errors.isArray() && errors.size() > 0 && errors.get(0).path("reason").isTextual()) {
      return errors.get(0).get("reason").asText();
    }
    JsonNode status = error.get("status");
    return status != null && status.isTextual() ? status.asText() : null;
  }

  private static String apiDetail(JsonNode body) {
    JsonNode error = body == null ? null : body.get("error");
    return error == null ? null : shorten(error.path("message"));
  }

  private static String tokenReason(JsonNode body) {
    JsonNode error = body == null ? null : body.get("error");
    return error != null && error.isTextual() ? error.asText() : null;
  }

  private static String tokenDetail(JsonNode body) {
    return body == null ? null : shorten(body.path("error_description"));
  }

  private static String shorten(JsonNode node) {
    if (!node.isTextual() || node.asText().isEmpty()) {
      return null;
    }
    String text = node.asText();
    return text.length() > MAX_DETAIL_CHARS ? text.substring(0, MAX_DETAIL_CHARS) + "..." : text;
  }
}
