package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests for every part of the client that talks HTTP (the SCIM transport, the OAuth token client and the
 * Google Directory source): the one retry loop, the one {@link RetryAfter} parser, the one response-size limit
 * ({@link LimitedBodySubscriber}) and the one whole-request deadline ({@link BodyDeadlineWatchdog}). Thread-safe.
 *
 * <p>What differs between callers is a {@link Call}: how each attempt's request is built (token, rate-limit permit),
 * how an answer or an I/O failure is judged (which statuses are retryable, which exception to throw), whether a refused
 * token repeats the request once, and how long to wait before a retry. The default wait is the caller's
 * {@link RetryPolicy}: up to {@link RetryPolicy#maxAttempts()} attempts, {@code Retry-After} (capped by
 * {@link RetryPolicy#maxRetryAfter()}) or the policy's jittered backoff. A caller with longer-lived limits (Google's
 * per-minute quota) overrides {@code Call.retryDelay} instead of looping itself.
 *
 * <p>Every attempt is logged as one DEBUG line, {@code <label> -> <status or problem> (<ms> ms, attempt a/n)}, and
 * every retry as one WARN line, on the caller's logger; the label is the caller's, already redacted with
 * {@link dev.dbscim.core.redaction.Redactor}.
 *
 * <p>Not public API; may change without notice.
 */
public final class HttpSender {
  /** Error bodies are only read for their detail, so longer ones are cut to this many bytes rather than refused. */
  public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  private final HttpClient client;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * Creates a sender.
   *
   * @param client the HTTP client
   * @param sleeper waits between attempts
   * @param clock the clock for {@code Retry-After} dates
   */
  public HttpSender(HttpClient client, Sleeper sleeper, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the HTTP client requests go through.
   *
   * @return the client
   */
  public HttpClient client() {
    return client;
  }

  /**
   * Sends the call, retrying as it allows, and returns the value of its successful outcome.
   *
   * @param call the call
   * @param <T> the value type
   * @return the value
   * @throws RuntimeException the failure of the last attempt, or the call's exception for an interrupt
   */
  public <T> T send(Call<T> call) {
    int maxAttempts = call.policy().maxAttempts();
    int attempt = 0;
    int retries = 0;
    boolean repeated = false;
    Duration waited = Duration.ZERO;
    while (true) {
      attempt++;
      HttpRequest request = call.request(attempt);
      Outcome<T> outcome = exchange(call, request, attempt, maxAttempts);
      if (outcome.failure == null) {
        return outcome.value;
      }
      if (!repeated && call.repeatOnce(outcome, request)) {
        repeated = true;
        continue;
      }
      Duration delay = outcome.retryable ? call.retryDelay(retries + 1, outcome, waited) : null;
      if (delay == null) {
        throw outcome.failure;
      }
      retries++;
      System.Logger log = call.logger();
      if (log.isLoggable(System.Logger.Level.WARNING)) {
        log.log(System.Logger.Level.WARNING, call.label() + " -> " + outcome.problem + ", retry " + retries + "/"
            + Math.max(retries, maxAttempts - 1) + " in " + delay.toMillis() + " ms");
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw call.interrupted(e, attempt, true);
      }
      waited = waited.plus(delay);
    }
  }

  private <T> Outcome<T> exchange(Call<T> call, HttpRequest request, int attempt, int maxAttempts) {
    long started = System.nanoTime();
    Duration timeout = request.timeout().orElse(null);
    BodyDeadlineWatchdog.Deadline deadline = BodyDeadlineWatchdog.SHARED.register(saturatedNanos(timeout));
    long successLimit = Math.min(call.maxResponseBytes(), Integer.MAX_VALUE - 8);
    HttpResponse.BodyHandler<ResponseBody> handler = info -> {
      boolean error = info.statusCode() < 200 || info.statusCode() > 299;
      long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
      LimitedBodySubscriber body =
          new LimitedBodySubscriber(error ? MAX_ERROR_BODY_BYTES : successLimit, error, declared);
      deadline.attach(body);
      return body;
    };
    Outcome<T> outcome;
    try {
      // send, not sendAsync: on JDK 17 sendAsync hands every completion to the common pool, which on small machines
      // starts a thread per request. The watchdog enforces the deadline on the body.
      HttpResponse<ResponseBody> response = client.send(request, handler);
      ResponseBody body = response.body() == null ? ResponseBody.EMPTY : response.body();
      Duration retryAfter = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), clock);
      outcome = call.answered(new Answer(request, response.statusCode(), response.headers(), body, retryAfter,
          attempt));
    } catch (InterruptedException e) {
      deadline.abortBody();
      Thread.currentThread().interrupt();
      throw call.interrupted(e, attempt, false);
    } catch (IOException e) {
      outcome = call.failed(e, deadline.expired(), attempt);
    } finally {
      deadline.close();
    }
    System.Logger log = call.logger();
    if (log.isLoggable(System.Logger.Level.DEBUG)) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      log.log(System.Logger.Level.DEBUG, call.label() + " -> " + outcome.problem + " (" + millis + " ms, attempt "
          + attempt + "/" + maxAttempts + (outcome.requestId == null ? "" : ", requestId=" + outcome.requestId)
          + ")");
    }
    return outcome;
  }

  /**
   * Returns whether an attempt's I/O failure is a successful body larger than the call's limit.
   *
   * @param failure what {@code Call.failed} received
   * @return whether the body was too large
   */
  public static boolean isBodyTooLarge(IOException failure) {
    Throwable cause = failure.getClass() == IOException.class && failure.getCause() != null ? failure.getCause()
        : failure;
    return cause instanceof LimitedBodySubscriber.BodyTooLargeException;
  }

  private static long saturatedNanos(Duration timeout) {
    if (timeout == null) {
      return Long.MAX_VALUE;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * What one caller's requests need from the sender: how to build, judge and repeat them.
   *
   * @param <T> the value a successful call returns
   */
  public abstract static class Call<T> {
    private final RetryPolicy policy;
    private final System.Logger logger;
    private final Object label;
    private final long maxResponseBytes;

    /**
     * Creates a call.
     *
     * @param policy the retry policy: attempts, backoff and the {@code Retry-After} cap
     * @param logger the logger the attempt and retry lines go to, the caller's own, so users keep configuring
     *     logging by the caller's class name
     * @param label the call's label for log lines, such as {@code SCIM GET /Users?access_token=****}; redacted, and
     *     turned into text only when a line is written
     * @param maxResponseBytes the largest successful body accepted; a larger one fails the attempt (see
     *     {@link HttpSender#isBodyTooLarge(IOException)})
     */
    protected Call(RetryPolicy policy, System.Logger logger, Object label, long maxResponseBytes) {
      this.policy = Objects.requireNonNull(policy, "policy");
      this.logger = Objects.requireNonNull(logger, "logger");
      this.label = Objects.requireNonNull(label, "label");
      this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Returns the retry policy.
     *
     * @return the policy
     */
    public final RetryPolicy policy() {
      return policy;
    }

    final System.Logger logger() {
      return logger;
    }

    /**
     * Returns the label for log lines.
     *
     * @return the label
     */
    public final Object label() {
      return label;
    }

    final long maxResponseBytes() {
      return maxResponseBytes;
    }

    /**
     * Returns the request for an attempt: waits for a rate-limit permit and asks for a token when needed.
     *
     * @param attempt the 1-based attempt
     * @return the request, with its timeout (which also bounds the body)
     */
    protected abstract HttpRequest request(int attempt);

    /**
     * Judges an answer.
     *
     * @param answer the answer
     * @return the success, or the failure with whether it may be retried
     */
    protected abstract Outcome<T> answered(Answer answer);

    /**
     * Judges an attempt that got no answer.
     *
     * @param failure what the HTTP client threw
     * @param timedOut whether the request's timeout ran out (while waiting for headers or body)
     * @param attempt the 1-based attempt
     * @return the failure, with whether it may be retried
     */
    protected abstract Outcome<T> failed(IOException failure, boolean timedOut, int attempt);

    /**
     * Returns the exception for an interrupt; the sender has restored the interrupt flag.
     *
     * @param cause the interrupt
     * @param attempt the attempts made
     * @param waitingToRetry whether the thread was waiting between attempts
     * @return the exception to throw
     */
    protected abstract RuntimeException interrupted(InterruptedException cause, int attempt,
        boolean waitingToRetry);

    /**
     * Tells whether a failure should be sent again at once, without counting as a retry; asked at most once per call
     * (a refused token that the credentials have replaced). Default never.
     *
     * @param failure the failure
     * @param request the request that failed
     * @return whether to repeat
     */
    protected boolean repeatOnce(Outcome<T> failure, HttpRequest request) {
      return false;
    }

    /**
     * Returns the wait before retry number {@code retry}, or {@code null} to give up. Asked only for retryable
     * failures. Default: the policy's {@link RetryPolicy#delayBeforeRetry(int, Duration)} while
     * {@code retry < maxAttempts}.
     *
     * @param retry the 1-based number of the retry about to happen
     * @param failure the failure
     * @param waited the total of the waits so far in this call
     * @return the wait, or {@code null}
     */
    protected Duration retryDelay(int retry, Outcome<T> failure, Duration waited) {
      return retry < policy.maxAttempts() ? policy.delayBeforeRetry(retry, failure.retryAfter) : null;
    }
  }

  /** An answer with its body read, for {@code Call.answered}. */
  public static final class Answer {
    private final HttpRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final ResponseBody body;
    private final Duration retryAfter;
    private final int attempt;

    Answer(HttpRequest request, int status, HttpHeaders headers, ResponseBody body, Duration retryAfter,
        int attempt) {
      this.request = request;
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.retryAfter = retryAfter;
      this.attempt = attempt;
    }

    /**
     * Returns the request answered.
     *
     * @return the request
     */
    public HttpRequest request() {
      return request;
    }

    /**
     * Returns the status code.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * Returns whether the status is 2xx.
     *
     * @return whether the answer is a success
     */
    public boolean success() {
      return status >= 200 && status <= 299;
    }

    /**
     * Returns the headers.
     *
     * @return the headers
     */
    public HttpHeaders headers() {
      return headers;
    }

    ResponseBody body() {
      return body;
    }

    /**
     * Returns the body's bytes (an error body at most {@link #MAX_ERROR_BODY_BYTES}).
     *
     * @return the bytes; do not change them
     */
    public byte[] bytes() {
      return body.bytes();
    }

    /**
     * Returns the body read by the reader, without joining its buffers.
     *
     * @param reader the reader
     * @param <T> the target type
     * @return the value
     * @throws IOException when the body is not JSON of that type
     */
    public <T> T read(ObjectReader reader) throws IOException {
      return body.read(reader);
    }

    /**
     * Returns the {@code Retry-After} wait, parsed by {@link RetryAfter}.
     *
     * @return the wait, or {@code null} when absent or malformed
     */
    public Duration retryAfter() {
      return retryAfter;
    }

    /**
     * Returns the 1-based attempt this answers.
     *
     * @return the attempt
     */
    public int attempt() {
      return attempt;
    }
  }

  /**
   * The judgement of one attempt: a value, or a failure with what the retry decision needs.
   *
   * @param <T> the value type
   */
  public static final class Outcome<T> {
    final T value;
    final RuntimeException failure;
    final int status;
    final String reason;
    final boolean retryable;
    final Duration retryAfter;
    final String problem;
    final String requestId;

    private Outcome(T value, RuntimeException failure, int status, String reason, boolean retryable,
        Duration retryAfter, String problem, String requestId) {
      this.value = value;
      this.failure = failure;
      this.status = status;
      this.reason = reason;
      this.retryable = retryable;
      this.retryAfter = retryAfter;
      this.problem = problem;
      this.requestId = requestId;
    }

    /**
     * Returns a success.
     *
     * @param value the value to return
     * @param status the status, for the log line
     * @param requestId the service's request id for the log line, or {@code null}
     * @param <T> the value type
     * @return the outcome
     */
    public static <T> Outcome<T> success(T value, int status, String requestId) {
      return new Outcome<>(value, null, status, null, false, null, Integer.toString(status), requestId);
    }

    /**
     * Returns a failed answer.
     *
     * @param failure the exception to throw if no retry follows
     * @param answer the answer
     * @param reason the service's reason code, or {@code null}
     * @param retryable whether a retry is allowed (the policy still decides whether one comes)
     * @param requestId the service's request id for the log line, or {@code null}
     * @param <T> the value type
     * @return the outcome
     */
    public static <T> Outcome<T> failure(RuntimeException failure, Answer answer, String reason, boolean retryable,
        String requestId) {
      return new Outcome<>(null, Objects.requireNonNull(failure, "failure"), answer.status, reason, retryable,
          answer.retryAfter, Integer.toString(answer.status), requestId);
    }

    /**
     * Returns an attempt that got no answer.
     *
     * @param failure the exception to throw if no retry follows
     * @param retryable whether a retry is allowed
     * @param problem what went wrong, for log lines, such as the exception's simple name
     * @param <T> the value type
     * @return the outcome
     */
    public static <T> Outcome<T> noAnswer(RuntimeException failure, boolean retryable, String problem) {
      return new Outcome<>(null, Objects.requireNonNull(failure, "failure"), 0, null, retryable, null, problem, null);
    }

    /**
     * Returns the status, 0 when no answer came.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * Returns the service's reason code given by the caller.
     *
     * @return the reason, or {@code null}
     */
    public String reason() {
      return reason;
    }

    /**
     * Returns the failure.
     *
     * @return the exception, or {@code null} for a success
     */
    public RuntimeException failure() {
      return failure;
    }

    /**
     * Returns the answer's {@code Retry-After} wait.
     *
     * @return the wait, or {@code null}
     */
    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
