package dev.dbscim.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.internal.HttpSender;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Sends the client-credentials token request (RFC 6749 section 4.4) and turns the answer into an {@link OAuthToken} or
 * a {@code ScimClientException}. Retries connection failures, 429, 502, 503 and 504 as the {@link RetryPolicy} allows
 * (attempts, backoff, {@code Retry-After} in seconds or as an HTTP date, capped by the policy), through the client's one
 * {@link HttpSender}; a token request has no side effect beyond issuing a token, so repeating it is safe.
 */
final class OAuthTokenClient {
  private static final System.Logger LOG = System.getLogger(OAuthTokenClient.class.getName());
  private static final ObjectMapper MAPPER = ScimJson.mapper();

  /**
   * The default retry policy: 3 attempts, 500 ms then 1 s between them (no jitter: one request serves every caller
   * waiting for the token), and a {@code Retry-After} honoured up to 10 s.
   */
  static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder().maxAttempts(3)
      .baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(10)).maxRetryAfter(Duration.ofSeconds(10))
      .jitter(() -> 1.0).build();
  /** Lifetime assumed when the response has no {@code expires_in}: Databricks tokens last one hour. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final int MAX_DETAIL_CHARS = 200;

  private final URI endpoint;
  private final String endpointLabel;
  private final String clientSecret;
  private final String authorization;
  private final String form;
  private final Object logLabel;
  private final HttpSender sender;
  private final RetryPolicy retryPolicy;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Duration refreshMargin;

  OAuthTokenClient(
      URI endpoint,
      String clientId,
      String clientSecret,
      String scope,
      HttpClient httpClient,
      Duration requestTimeout,
      Clock clock,
      Sleeper sleeper,
      RetryPolicy retryPolicy,
      Duration refreshMargin) {
    this.endpoint = endpoint;
    this.endpointLabel = label(endpoint);
    this.clientSecret = clientSecret;
    // RFC 6749 section 2.3.1: form-encode id and secret, then Basic.
    String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    this.form = "grant_type=client_credentials&scope=" + formEncode(scope);
    this.logLabel = "OAuth POST " + endpointLabel;
    this.sender = new HttpSender(httpClient, sleeper, clock);
    this.retryPolicy = retryPolicy;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
  }

  /** Returns {@code scheme://host[:port]/path}, the form used in messages and logs. */
  static String label(URI endpoint) {
    return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + Optional.ofNullable(endpoint.getRawPath()).orElse("");
  }

  String endpointLabel() {
    return endpointLabel;
  }

  /** Fetches a new token, retrying transient failures as the retry policy allows. */
  OAuthToken fetch() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    return sender.send(new TokenCall(request));
  }

  /** One token request as the {@link HttpSender} sees it. */
  private final class TokenCall extends HttpSender.Call<OAuthToken> {
    private final HttpRequest request;
    private Instant issuedAt;

    TokenCall(HttpRequest request) {
      super(retryPolicy, LOG, logLabel, MAX_RESPONSE_BYTES);
      this.request = request;
    }

    @Override
    protected HttpRequest request(int attempt) {
      issuedAt = clock.instant();
      return request;
    }

    @Override
    protected HttpSender.Outcome<OAuthToken> answered(HttpSender.Answer answer) {
      int status = answer.status();
      String body = new String(answer.bytes(), StandardCharsets.UTF_8);
      try {
        return HttpSender.Outcome.success(parse(status, body, issuedAt, answer.attempt()), status, null);
      } catch (ScimClientException e) {
        return HttpSender.Outcome.failure(e, answer, null, retryableStatus(status), null);
      }
    }

    @Override
    protected HttpSender.Outcome<OAuthToken> failed(IOException failure, boolean timedOut, int attempt) {
      if (HttpSender.isBodyTooLarge(failure)) {
        return HttpSender.Outcome.noAnswer(CredentialFailures.tokenRequestFailed(
            "OAuth token request to " + endpointLabel + " failed: response larger than " + MAX_RESPONSE_BYTES
                + " bytes [attempts=" + attempt + "]", attempt, false, null), false, "BodyTooLargeException");
      }
      IOException problem = failure;
      if (timedOut && !(failure instanceof HttpTimeoutException)) {
        // The body stalled past the request timeout: the same kind of failure as headers that never came.
        problem = new HttpTimeoutException("response not complete within the request timeout");
        problem.initCause(failure);
      }
      boolean retryable = retryable(problem);
      return HttpSender.Outcome.noAnswer(CredentialFailures.tokenRequestFailed(
          "OAuth token request to " + endpointLabel + " failed: " + describe(problem) + " [attempts=" + attempt + "]",
          attempt, retryable, problem), retryable, problem.getClass().getSimpleName());
    }

    @Override
    protected RuntimeException interrupted(InterruptedException cause, int attempt, boolean waitingToRetry) {
      return CredentialFailures.interrupted(waitingToRetry
          ? "interrupted while waiting to retry the OAuth token request to " + endpointLabel
          : "interrupted while requesting an OAuth token from " + endpointLabel, cause);
    }
  }

  private OAuthToken parse(int status, String body, Instant issuedAt, int attempts) {
    JsonNode json = readJson(body);
    String error = firstText(json, "error", "errorCode", "error_code");
    boolean success = status >= 200 && status < 300;
    if (!success || error != null) {
      String description = firstText(json, "error_description", "message");
      StringBuilder message = new StringBuilder("OAuth token request to ").append(endpointLabel).append(" failed: HTTP ");
      message.append(status);
      if (error != null) {
        message.append(' ').append(sanitize(error));
      }
      if (description != null) {
        message.append(": ").append(sanitize(description));
      }
      if (!success && json == null && !body.isEmpty()) {
        message.append(" (response is not JSON)");
      }
      message.append(" [attempts=").append(attempts).append(']');
      throw CredentialFailures.tokenRequestFailed(
          message.toString(), attempts, status == 429 || status >= 500, null);
    }
    if (json == null) {
      throw malformed(status, "response is not a JSON object", attempts);
    }
    JsonNode accessToken = json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
      throw malformed(status, "response has no access_token", attempts);
    }
    String tokenType = firstText(json, "token_type");
    if (tokenType != null && !tokenType.equalsIgnoreCase("bearer")) {
      throw malformed(status, "token_type is not Bearer", attempts);
    }
    String token;
    try {
      token = TokenCredentials.checkToken(accessToken.asText());
    } catch (IllegalArgumentException e) {
      throw malformed(status, "access_token contains a control character", attempts);
    }
    return OAuthToken.issued(token, issuedAt, lifetime(json.get("expires_in"), status, attempts), refreshMargin);
  }

  private Duration lifetime(JsonNode expiresIn, int status, int attempts) {
    if (expiresIn == null || expiresIn.isNull()) {
      return DEFAULT_LIFETIME;
    }
    long seconds;
    if (expiresIn.isIntegralNumber() && expiresIn.canConvertToLong()) {
      seconds = expiresIn.longValue();
    } else if (expiresIn.isNumber()) {
      seconds = (long) expiresIn.doubleValue();
    } else if (expiresIn.isTextual() && expiresIn.asText().trim().matches("[0-9]{1,12}")) {
      seconds = Long.parseLong(expiresIn.asText().trim());
    } else {
      throw malformed(status, "expires_in is not a number of seconds", attempts);
    }
    if (seconds <= 0 || seconds > Duration.ofDays(3650).getSeconds()) {
      throw malformed(status, "expires_in is out of range", attempts);
    }
    return Duration.ofSeconds(seconds);
  }

  private RuntimeException malformed(int status, String problem, int attempts) {
    return CredentialFailures.tokenRequestFailed(
        "OAuth token request to " + endpointLabel + " failed: HTTP " + status + ", " + problem + " [attempts="
            + attempts + "]",
        attempts, false, null);
  }

  private static JsonNode readJson(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String firstText(JsonNode json, String... names) {
    if (json == null) {
      return null;
    }
    for (String name : names) {
      JsonNode value = json.get(name);
      if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  /** Strips control characters, masks the client secret should the server echo it, and caps the length. */
  private String sanitize(String serverText) {
    String text = clientSecret.length() >= 4 ? serverText.replace(clientSecret, "****") : serverText;
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DETAIL_CHARS + 3));
    for (int i = 0; i < text.length() && out.length() < MAX_DETAIL_CHARS; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > MAX_DETAIL_CHARS) {
      out.append("...");
    }
    return out.toString();
  }

  private static boolean retryable(IOException e) {
    // A response timeout is not retried: the caller already waited requestTimeout, and followers wait with it.
    return !(e instanceof HttpTimeoutException) || e instanceof HttpConnectTimeoutException;
  }

  private static boolean retryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
