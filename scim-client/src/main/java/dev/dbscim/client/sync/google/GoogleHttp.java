package dev.dbscim.client.sync.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Sends the source's requests: GETs to the Directory API with a bearer token, and the token exchange for service
 * accounts. Retries 429, 500, 502, 503, 504, I/O failures and the 403 rate-limit and quota reasons with the retry
 * policy; repeats a request once with a fresh token after a 401. Thread-safe; the token cache is guarded by this
 * object.
 */
final class GoogleHttp {
  private static final System.Logger LOG = System.getLogger(GoogleHttp.class.getName());
  private static final ObjectMapper MAPPER = ScimJson.mapper();
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** A cached token is replaced this long before Google says it expires. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
  private static final int MAX_DETAIL_CHARS = 300;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Duration quotaRetryWindow;
  private final Sleeper sleeper;
  private final Clock clock;
  private final GoogleCredentials credentials;
  private final URI tokenUri;

  private String cachedToken;
  private Instant cachedUntil;

  GoogleHttp(HttpClient client, Duration requestTimeout, RetryPolicy retryPolicy, Duration quotaRetryWindow,
      Sleeper sleeper, Clock clock, GoogleCredentials credentials, URI tokenUriOverride) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.quotaRetryWindow = quotaRetryWindow;
    this.sleeper = sleeper;
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
    int maxAttempts = retryPolicy.maxAttempts();
    boolean refreshedAfter401 = false;
    int attempt = 0;
    Duration waited = Duration.ZERO;
    while (true) {
      attempt++;
      HttpRequest request = requests.get();
      long started = System.nanoTime();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        final int failedAttempt = attempt;
        LOG.log(System.Logger.Level.DEBUG, () -> "Google " + label + " -> " + e.getClass().getSimpleName()
            + " (" + millisSince(started) + " ms, attempt " + failedAttempt + "/" + maxAttempts + ")");
        if (attempt < maxAttempts) {
          Duration delay = retryPolicy.delayBeforeRetry(attempt, null);
          pause(label, delay, attempt);
          waited = waited.plus(delay);
          continue;
        }
        throw new GoogleDirectoryException("Google " + label + " failed: " + e.getClass().getSimpleName()
            + " [attempts=" + attempt + "]", e, 0, null, attempt, true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GoogleDirectoryException("Google " + label + " was interrupted [attempts=" + attempt + "]", e, 0,
            null, attempt, false);
      }
      int status = response.statusCode();
      JsonNode body = readBody(response);
      final int attemptNow = attempt;
      LOG.log(System.Logger.Level.DEBUG, () -> "Google " + label + " -> " + status + " (" + millisSince(started)
          + " ms, attempt " + attemptNow + "/" + maxAttempts + ")");
      if (status == 200) {
        if (body == null || !body.isObject()) {
          throw new GoogleDirectoryException("Google " + label + " -> 200 with a body that is not a JSON object"
              + " [attempts=" + attempt + "]", null, status, null, attempt, false);
        }
        return body;
      }
      String reason = tokenEndpoint ? tokenReason(body) : apiReason(body);
      String detail = tokenEndpoint ? tokenDetail(body) : apiDetail(body);
      if (status == 401 && !tokenEndpoint && !refreshedAfter401) {
        refreshedAfter401 = true;
        invalidate(bearer(request));
        attempt--;
        continue;
      }
      boolean retryable = retryable(status, reason);
      if (retryable) {
        Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock);
        Duration delay = null;
        if (throttled(status, reason)) {
          delay = throttledDelay(attempt, retryAfter);
          boolean inWindow = maxAttempts > 1 && waited.compareTo(quotaRetryWindow) < 0 && !delay.isZero();
          delay = attempt < maxAttempts || inWindow ? delay : null;
        } else if (attempt < maxAttempts) {
          delay = retryPolicy.delayBeforeRetry(attempt, retryAfter);
        }
        if (delay != null) {
          pause(label, delay, attempt);
          waited = waited.plus(delay);
          continue;
        }
      }
      throw new GoogleDirectoryException("Google " + label + " -> " + status
          + (reason == null ? "" : " " + reason) + (detail == null ? "" : ": " + detail)
          + " [attempts=" + attempt + "]", null, status, reason, attempt, retryable);
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

  private void pause(String label, Duration delay, int attempt) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GoogleDirectoryException("Google " + label + " was interrupted while waiting to retry [attempts="
          + attempt + "]", e, 0, null, attempt, false);
    }
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

  private static JsonNode readBody(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      return null;
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

  /** Parses {@code Retry-After}: delay seconds or an HTTP date; {@code null} when absent or malformed. */
  static Duration retryAfter(String header, Clock clock) {
    if (header == null || header.trim().isEmpty()) {
      return null;
    }
    String value = header.trim();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 9 ? Duration.ofSeconds(999_999_999L) : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Duration wait = Duration.between(clock.instant(),
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
