package dev.dbscim.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * State shared by every host of one fake: the store, the credentials, the queued faults and the journal.
 * Thread-safe: MockWebServer dispatches from several threads.
 */
public final class FakeEngine {
  /** How long a replaced account token keeps working. */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  /** Who a token belongs to. */
  public static final class Caller {
    final long workspaceId;
    final String userId;
    final boolean admin;

    /**
     * Creates a caller.
     *
     * @param workspaceId the workspace the token works on, or {@link FakeStore#ACCOUNT} for the account token
     * @param userId the user behind the token, or {@code null} for the account SCIM token
     * @param admin whether the caller is an admin
     */
    public Caller(long workspaceId, String userId, boolean admin) {
      this.workspaceId = workspaceId;
      this.userId = userId;
      this.admin = admin;
    }
  }

  /** A queued fault, as {@code FakeScimServer} translates it. */
  public static final class FaultRule {
    final String method;
    final Pattern path;
    final int status;
    final Duration retryAfter;
    final Duration latency;
    final boolean disconnect;
    boolean serveBeforeDisconnect;
    final double probability;
    final Random random;
    int remaining;

    /**
     * Creates a rule.
     *
     * @param method the method to match, or {@code null} for any
     * @param path the pattern found in the path, or {@code null} for any
     * @param status the status to answer, or 0 to serve the request normally
     * @param retryAfter the Retry-After to send, or {@code null}
     * @param latency the delay before the response headers, or {@code null}
     * @param disconnect whether to drop the connection instead of answering
     * @param times how many requests the rule affects
     */
    public FaultRule(
        String method, Pattern path, int status, Duration retryAfter, Duration latency, boolean disconnect, int times) {
      this.method = method;
      this.path = path;
      this.status = status;
      this.retryAfter = retryAfter;
      this.latency = latency;
      this.disconnect = disconnect;
      this.remaining = times;
      this.probability = 1.0;
      this.random = null;
    }

    /**
     * Creates a rule that affects each matching request with a probability.
     *
     * @param method the method to match, or {@code null} for any
     * @param path the pattern found in the path, or {@code null} for any
     * @param status the status to answer, or 0 to serve the request normally
     * @param retryAfter the Retry-After to send, or {@code null}
     * @param latency the delay before the response headers, or {@code null}
     * @param disconnect whether to drop the connection instead of answering
     * @param times how many requests the rule affects ({@link Integer#MAX_VALUE} for no limit)
     * @param probability the chance that a matching request is affected, in (0, 1]
     * @param seed the seed of the random source, or {@code null} for a random seed
     */
    public FaultRule(String method, Pattern path, int status, Duration retryAfter, Duration latency,
        boolean disconnect, int times, double probability, Long seed) {
      this.method = method;
      this.path = path;
      this.status = status;
      this.retryAfter = retryAfter;
      this.latency = latency;
      this.disconnect = disconnect;
      this.remaining = times;
      this.probability = probability;
      this.random = probability >= 1 ? null : seed == null ? new Random() : new Random(seed);
    }

    /**
     * Makes a disconnect rule serve the request first, so that only the answer is lost.
     *
     * @return this rule
     */
    public FaultRule serveBeforeDisconnect() {
      this.serveBeforeDisconnect = true;
      return this;
    }

    boolean matches(String requestMethod, String requestPath) {
      return (method == null || method.equalsIgnoreCase(requestMethod))
          && (path == null || path.matcher(requestPath).find());
    }
  }

  /** One journal entry, redacted. */
  public static final class Exchange {
    /** The workspace id, or {@link FakeStore#ACCOUNT} for the account host. */
    public final long workspaceId;
    /** The method. */
    public final String method;
    /** The request target (path and query, as sent). */
    public final String target;
    /** The headers, Authorization redacted. */
    public final Map<String, List<String>> headers;
    /** The body, passwords redacted. */
    public final String body;
    /** The status answered, or 0 for a dropped connection. */
    public final int status;
    /** When it was served, on the fake's clock. */
    public final Instant time;

    Exchange(long workspaceId, String method, String target, Map<String, List<String>> headers, String body,
        int status, Instant time) {
      this.workspaceId = workspaceId;
      this.method = method;
      this.target = target;
      this.headers = headers;
      this.body = body;
      this.status = status;
      this.time = time;
    }
  }

  volatile FakeStore store;
  final Clock clock;
  final String accountId;
  final boolean fullRfcFilters;
  final boolean accountGroupListIncludesMembers;
  private final int journalCapacity;
  private final Map<String, Instant> accountTokens = new LinkedHashMap<>();
  private String currentAccountToken;
  private final Map<String, Caller> workspaceTokens = new HashMap<>();
  private final List<FaultRule> faults = new ArrayList<>();
  /** Whether {@link #faults} may be non-empty; lets the hot path skip the lock when no fault is queued. */
  private volatile boolean faultsQueued;
  private volatile FakeRateLimiter rateLimiter;
  private final Deque<Exchange> journal = new ArrayDeque<>();
  private final FakeOAuth oauth;
  private volatile Duration renameVisibilityDelay = Duration.ZERO;
  /** Workspace group renames not yet visible in lists: group id to {old name, visible-from instant}. */
  private final Map<String, Object[]> pendingRenames = new HashMap<>();

  /**
   * Creates an engine.
   *
   * @param store the store
   * @param accountId the account id
   * @param clock the clock
   * @param fullRfcFilters whether every RFC 7644 filter is accepted
   * @param accountGroupListIncludesMembers whether account group lists carry members (the pre-2025-08-22 behaviour)
   * @param journalCapacity how many exchanges the journal keeps
   */
  public FakeEngine(FakeStore store, String accountId, Clock clock, boolean fullRfcFilters,
      boolean accountGroupListIncludesMembers, int journalCapacity) {
    this.store = store;
    this.accountId = accountId;
    this.clock = clock;
    this.fullRfcFilters = fullRfcFilters;
    this.accountGroupListIncludesMembers = accountGroupListIncludesMembers;
    this.journalCapacity = journalCapacity;
    this.oauth = new FakeOAuth(clock);
  }

  /**
   * Returns the OAuth client secrets and issued access tokens.
   *
   * @return the OAuth state
   */
  public FakeOAuth oauth() {
    return oauth;
  }

  /**
   * Makes {@code token} the account SCIM token; the previous one keeps working for {@link #ROTATION_GRACE}.
   *
   * @param token the new token
   */
  public synchronized void rotateAccountToken(String token) {
    if (currentAccountToken != null) {
      accountTokens.put(currentAccountToken, clock.instant().plus(ROTATION_GRACE));
    }
    currentAccountToken = token;
    accountTokens.put(token, Instant.MAX);
  }

  /**
   * Returns the current account token.
   *
   * @return the token
   */
  public synchronized String accountToken() {
    return currentAccountToken;
  }

  /**
   * Registers a workspace token.
   *
   * @param token the token
   * @param caller who it belongs to
   */
  public synchronized void addWorkspaceToken(String token, Caller caller) {
    workspaceTokens.put(token, caller);
  }

  synchronized boolean accountTokenValid(String token) {
    Instant expiry = accountTokens.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  synchronized Optional<Caller> workspaceCaller(String token, long workspaceId) {
    Caller caller = workspaceTokens.get(token);
    return caller != null && caller.workspaceId == workspaceId ? Optional.of(caller) : Optional.empty();
  }

  /**
   * Queues a fault.
   *
   * @param rule the rule
   */
  public synchronized void addFault(FaultRule rule) {
    faults.add(rule);
    faultsQueued = true;
  }

  /** Removes every queued fault. */
  public synchronized void clearFaults() {
    faults.clear();
    faultsQueued = false;
  }

  Optional<FaultRule> takeFault(String method, String path) {
    if (!faultsQueued) {
      return Optional.empty();
    }
    synchronized (this) {
      for (Iterator<FaultRule> it = faults.iterator(); it.hasNext(); ) {
        FaultRule rule = it.next();
        if (rule.matches(method, path) && (rule.random == null || rule.random.nextDouble() < rule.probability)) {
          if (rule.remaining != Integer.MAX_VALUE && --rule.remaining <= 0) {
            it.remove();
          }
          faultsQueued = !faults.isEmpty();
          return Optional.of(rule);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Sets the rate limits; {@code null} turns them off.
   *
   * @param limiter the limiter, or {@code null}
   */
  public void rateLimiter(FakeRateLimiter limiter) {
    this.rateLimiter = limiter;
  }

  /**
   * Returns the rate limiter.
   *
   * @return the limiter, or {@code null} when requests are not limited
   */
  FakeRateLimiter rateLimiter() {
    return rateLimiter;
  }

  synchronized void record(long workspaceId, String method, String target, Map<String, List<String>> headers,
      String body, int status) {
    if (journal.size() >= journalCapacity) {
      journal.removeFirst();
    }
    journal.addLast(new Exchange(workspaceId, method, target, headers, body, status, clock.instant()));
  }

  /**
   * Returns the journal, oldest first.
   *
   * @return a copy of the journal
   */
  public synchronized List<Exchange> journal() {
    return new ArrayList<>(journal);
  }

  /** Empties the journal. */
  public synchronized void clearJournal() {
    journal.clear();
  }

  /**
   * Sets how long a rename of a workspace group stays invisible in workspace group lists (eventual consistency, as
   * databrickslabs/ucx sees after renames); zero, the default, makes renames visible at once.
   *
   * @param delay the delay
   */
  public void renameVisibilityDelay(Duration delay) {
    this.renameVisibilityDelay = delay;
  }

  /**
   * Returns the rename visibility delay.
   *
   * @return the delay, zero when renames are visible at once
   */
  Duration renameVisibilityDelay() {
    return renameVisibilityDelay;
  }

  /**
   * Records a rename whose new name workspace group lists show only after the rename visibility delay.
   *
   * @param groupId the group id
   * @param oldName the name lists keep showing until then
   */
  synchronized void renamed(String groupId, String oldName) {
    Object[] pending = pendingRenames.get(groupId);
    String shown = pending != null && clock.instant().isBefore((Instant) pending[1]) ? (String) pending[0] : oldName;
    pendingRenames.put(groupId, new Object[] {shown, clock.instant().plus(renameVisibilityDelay)});
  }

  /**
   * Returns the name a workspace group list still shows for a group renamed less than the delay ago.
   *
   * @param groupId the group id
   * @return the stale name, or empty when the list shows the current one
   */
  synchronized Optional<String> staleName(String groupId) {
    Object[] pending = pendingRenames.get(groupId);
    if (pending == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore((Instant) pending[1])) {
      pendingRenames.remove(groupId);
      return Optional.empty();
    }
    return Optional.of((String) pending[0]);
  }

  /**
   * Returns whether some rename may still be invisible.
   *
   * @return whether renames are pending
   */
  synchronized boolean renamesPending() {
    return !pendingRenames.isEmpty();
  }

  /** Forgets pending renames (a reset). */
  public synchronized void clearPendingRenames() {
    pendingRenames.clear();
  }

  /**
   * Returns the store.
   *
   * @return the store
   */
  public FakeStore store() {
    return store;
  }

  /**
   * Swaps in another store (a reset); requests already running finish on the old one.
   *
   * @param fresh the new store
   */
  public void replaceStore(FakeStore fresh) {
    this.store = fresh;
  }
}
