package dev.dbscim.testkit.google;

import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.internal.FakeSockets;
import dev.dbscim.testkit.internal.FaultSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import mockwebserver3.MockWebServer;

/**
 * An in-memory fake of the Google Admin SDK Directory API and Google's OAuth token endpoint, for testing
 * {@code GoogleDirectorySource} (and other Directory API readers) without Google. It runs its own MockWebServer on a
 * free loopback port and serves:
 * <ul>
 *   <li>{@code POST /token}: the service-account JWT bearer grant. It verifies the RS256 signature against the
 *       registered public key, {@code aud} ({@link #TOKEN_AUDIENCE}, Google's token URL, as Google requires whatever
 *       URL the JWT is posted to), {@code iat}/{@code exp} (at most one hour, five minutes of skew, by the fake's
 *       clock), that {@code sub} is a seeded user and that the requested scopes are delegated; it answers
 *       {@code {"access_token","expires_in","token_type"}} or Google's OAuth errors ({@code invalid_grant} 400,
 *       {@code unauthorized_client} 401, {@code unsupported_grant_type} 400).</li>
 *   <li>{@code GET /admin/directory/v1/users}, {@code /groups} and {@code /groups/{groupKey}/members} with
 *       {@code customer} ({@code my_customer} or the fake's customer id) or {@code domain}, {@code maxResults}
 *       (users 1-500, default 100; groups and members 1-200, default 200), opaque {@code pageToken}s and
 *       {@code nextPageToken}, {@code includeDerivedMembership}, and a subset of the users {@code query} with
 *       Google's semantics: {@code email} (the primary email and the {@linkplain FakeGoogleUser#aliases() aliases}),
 *       {@code givenName}, {@code familyName} and {@code name} (both joined by a space) with {@code =} (exact),
 *       {@code :} (contains) and {@code :PREFIX*} (starts with), all ignoring case; {@code isSuspended},
 *       {@code isArchived}, {@code isAdmin} and {@code orgUnitPath} (the unit and its sub-units) with {@code =}.
 *       Another field or operator answers 400 {@code invalid}.</li>
 * </ul>
 * Errors have Google's shape {@code {"error":{"code","message","errors":[{"message","domain","reason"}],"status"}}}:
 * 401 {@code authError} for a missing, unknown or expired token; 403 {@code forbidden} when the impersonated user is not
 * an admin or the customer is another one; 403 {@code insufficientPermissions} for a missing scope; 404
 * {@code notFound} for an unknown group; 400 {@code invalidParameter} or {@code invalid} for bad parameters. Empty pages
 * leave out the list, as Google does.
 *
 * <p>{@link #failNext(Fault)} injects the testkit's faults (status, {@code Retry-After}, latency, dropped connection,
 * times, method and path, probability); {@link #failNext(Fault, String)} also sets Google's error reason, such as
 * {@link #RATE_LIMIT_EXCEEDED} for the 403 quota error. {@link #recordedRequests()} is a bounded journal with tokens
 * and assertions redacted.
 *
 * <pre>{@code
 * try (FakeGoogleDirectory google = FakeGoogleDirectory.create()) {
 *   google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
 *   google.addUser(FakeGoogleUser.builder("ada@example.com").name("Ada", "Lovelace").build());
 *   google.addGroup("eng@example.com", "Engineering");
 *   google.addMember("eng@example.com", "ada@example.com");
 *   google.failNext(Fault.status(403).on("GET", "/users$"), FakeGoogleDirectory.RATE_LIMIT_EXCEEDED);
 *
 *   GoogleDirectorySource source = GoogleDirectorySource.builder()
 *       .credentials(GoogleCredentials.serviceAccountKeyJson(
 *           google.newServiceAccountKeyJson("sync@project.iam.gserviceaccount.com"), "admin@example.com"))
 *       .baseUrl(google.baseUrl())
 *       .sleeper(Sleeper.noWait())
 *       .build();
 *   Directory directory = source.load();
 * }
 * }</pre>
 */
public final class FakeGoogleDirectory implements AutoCloseable {
  /**
   * The {@code aud} the fake's token endpoint requires in a JWT, as Google's does: Google's token URL, whichever URL
   * the JWT is posted to.
   */
  public static final String TOKEN_AUDIENCE = GoogleFakeEngine.TOKEN_AUDIENCE;
  /** The reason of Google's per-project rate-limit error (403, or 429). */
  public static final String RATE_LIMIT_EXCEEDED = "rateLimitExceeded";
  /** The reason of Google's per-user rate-limit error (403). */
  public static final String USER_RATE_LIMIT_EXCEEDED = "userRateLimitExceeded";
  /** The three read-only Directory API scopes the fake delegates to a service account by default. */
  public static final List<String> DIRECTORY_READ_SCOPES = List.of(GoogleFakeEngine.SCOPE_USER,
      GoogleFakeEngine.SCOPE_GROUP, GoogleFakeEngine.SCOPE_MEMBER);

  private final MockWebServer server;
  private final FakeSockets sockets = new FakeSockets();
  private final GoogleFakeEngine engine;
  private final String domain;
  private final String customerId;

  private FakeGoogleDirectory(Builder builder) {
    this.domain = builder.domain;
    this.customerId = builder.customerId;
    this.engine = new GoogleFakeEngine(builder.clock, builder.domain, builder.customerId, builder.tokenLifetime,
        builder.journalCapacity);
    this.server = new MockWebServer();
    server.setServerSocketFactory(sockets);
    server.setDispatcher(engine);
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the fake Google directory", e);
    }
    engine.attach(server);
  }

  /**
   * Returns a started fake with the defaults: domain {@code example.com}, customer id {@code C0fake00}, tokens valid
   * for one hour by the system clock.
   *
   * @return the fake; close it after the test
   */
  public static FakeGoogleDirectory create() {
    return builder().build();
  }

  /**
   * Returns a builder for a fake.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the URL to use as the Directory API host ({@code GoogleDirectorySource.Builder.baseUrl}).
   *
   * @return the base URL, such as {@code http://127.0.0.1:41234/}
   */
  public URI baseUrl() {
    return server.url("/").uri();
  }

  /**
   * Returns the token endpoint URL, the {@code token_uri} of the key files it makes. The {@code aud} of assertions
   * posted there must still be {@link #TOKEN_AUDIENCE}, as at Google.
   *
   * @return the token URL
   */
  public URI tokenUrl() {
    return server.url(GoogleFakeEngine.TOKEN_PATH).uri();
  }

  /**
   * Returns the fake's primary domain.
   *
   * @return the domain
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the fake's customer id.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  // --------------------------------------------------------------------------------------------------------- accounts

  /**
   * Registers a service account whose JWTs are verified with {@code publicKey}, with domain-wide delegation of the
   * three {@link #DIRECTORY_READ_SCOPES}.
   *
   * @param clientEmail the service account's email, the JWT's {@code iss}
   * @param publicKey its RSA public key
   */
  public void registerServiceAccount(String clientEmail, PublicKey publicKey) {
    registerServiceAccount(clientEmail, publicKey, DIRECTORY_READ_SCOPES);
  }

  /**
   * Registers a service account with domain-wide delegation of the given scopes only, such as fewer scopes to test a
   * refused token request.
   *
   * @param clientEmail the service account's email, the JWT's {@code iss}
   * @param publicKey its RSA public key
   * @param delegatedScopes the scopes it may request
   */
  public void registerServiceAccount(String clientEmail, PublicKey publicKey, Collection<String> delegatedScopes) {
    Objects.requireNonNull(clientEmail, "clientEmail");
    Objects.requireNonNull(publicKey, "publicKey");
    Set<String> scopes = new LinkedHashSet<>(Objects.requireNonNull(delegatedScopes, "delegatedScopes"));
    engine.registerServiceAccount(clientEmail, publicKey, scopes);
  }

  /**
   * Makes a new RSA key pair, registers the service account with the {@link #DIRECTORY_READ_SCOPES} and returns a
   * service-account key file's JSON ({@code type}, {@code client_email}, {@code private_key}, {@code private_key_id},
   * {@code token_uri} = {@link #tokenUrl()}).
   *
   * @param clientEmail the service account's email
   * @return the key JSON, as the Cloud console would download it
   */
  public String newServiceAccountKeyJson(String clientEmail) {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
    registerServiceAccount(clientEmail, pair.getPublic());
    String pem = ("-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n");
    return "{\"type\":\"service_account\",\"project_id\":\"fake-project\",\"private_key_id\":\"fake-key-"
        + Integer.toHexString(clientEmail.hashCode()) + "\",\"private_key\":\"" + pem + "\",\"client_email\":\""
        + clientEmail + "\",\"client_id\":\"1\",\"token_uri\":\"" + tokenUrl() + "\"}";
  }

  /**
   * Issues an access token directly, as if {@code subject} had consented to the {@link #DIRECTORY_READ_SCOPES}; for
   * tests of readers that take a ready token.
   *
   * @param subject the email of the user the token acts for (an admin to read the directory)
   * @return the token, valid for the configured lifetime from now by the fake's clock
   */
  public String issueAccessToken(String subject) {
    return engine.issueToken(Objects.requireNonNull(subject, "subject"), new LinkedHashSet<>(DIRECTORY_READ_SCOPES));
  }

  /**
   * Revokes every access token issued so far, as an admin resetting the service account's sign-in would; the next
   * Directory API request with one of them answers 401 {@code authError}.
   */
  public void revokeAccessTokens() {
    engine.revokeTokens();
  }

  /**
   * Returns how many access tokens the fake has issued, through the token endpoint or {@link #issueAccessToken}.
   *
   * @return the count
   */
  public int accessTokensIssued() {
    return engine.tokensIssued();
  }

  // ------------------------------------------------------------------------------------------------------------ state

  /**
   * Adds a user.
   *
   * @param user the user
   * @return the Google id assigned to it
   * @throws IllegalArgumentException when a user or group with that email exists
   */
  public String addUser(FakeGoogleUser user) {
    return engine.addUser(Objects.requireNonNull(user, "user"));
  }

  /**
   * Adds a group without members.
   *
   * @param email the group's email
   * @param name the group's name
   * @return the Google id assigned to it
   * @throws IllegalArgumentException when a user or group with that email exists
   */
  public String addGroup(String email, String name) {
    return engine.addGroup(Objects.requireNonNull(email, "email"), Objects.requireNonNull(name, "name"));
  }

  /**
   * Adds a member to a group: a seeded group's email makes a {@code GROUP} member (a nested group), a seeded user's
   * email a {@code USER} member, and any other address an {@code EXTERNAL} member.
   *
   * @param groupEmail the group
   * @param memberEmail the member's email
   * @throws IllegalArgumentException when the group does not exist or already has the member
   */
  public void addMember(String groupEmail, String memberEmail) {
    engine.addMember(Objects.requireNonNull(groupEmail, "groupEmail"), Objects.requireNonNull(memberEmail, "member"));
  }

  /**
   * Adds every member at once: each email in turn, as {@link #addMember(String, String)}.
   *
   * @param groupEmail the group
   * @param memberEmails the members' emails
   */
  public void addMembers(String groupEmail, String... memberEmails) {
    for (String member : Arrays.asList(memberEmails)) {
      addMember(groupEmail, member);
    }
  }

  /**
   * Adds the {@code CUSTOMER} member ("all users in the organization") to a group; it has no email.
   *
   * @param groupEmail the group
   */
  public void addCustomerMember(String groupEmail) {
    engine.addCustomerMember(Objects.requireNonNull(groupEmail, "groupEmail"));
  }

  // ----------------------------------------------------------------------------------------------------------- faults

  /**
   * Queues a fault for the next matching requests, with the default Google reason for its status ({@code badRequest},
   * {@code authError}, {@code forbidden}, {@code notFound}, {@code rateLimitExceeded} for 429, {@code backendError}
   * for 5xx). On the token endpoint the body is an OAuth error instead.
   *
   * @param fault the fault; its path pattern is searched in the request path, such as {@code /users$}
   */
  public void failNext(Fault fault) {
    engine.addFault(FaultSpec.of(fault), null);
  }

  /**
   * Queues a fault answering with Google's error {@code reason}, such as {@code Fault.status(403)} with
   * {@link #RATE_LIMIT_EXCEEDED} for the quota error Google sends as a 403. On the token endpoint the reason is the
   * OAuth {@code error}.
   *
   * @param fault the fault
   * @param reason the {@code error.errors[0].reason}; {@code usageLimits} is the domain of rate-limit and quota reasons
   */
  public void failNext(Fault fault, String reason) {
    engine.addFault(FaultSpec.of(fault), Objects.requireNonNull(reason, "reason"));
  }

  /** Removes every queued fault. */
  public void clearFaults() {
    engine.clearFaults();
  }

  // ---------------------------------------------------------------------------------------------------------- journal

  /**
   * Returns the requests served so far, oldest first, redacted; the journal keeps the latest
   * {@link Builder#journalCapacity(int)}.
   *
   * @return a snapshot of the journal
   */
  public List<RecordedGoogleRequest> recordedRequests() {
    return engine.journal();
  }

  /** Empties the journal. */
  public void clearRecordedRequests() {
    engine.clearJournal();
  }

  /** Stops the server. */
  @Override
  public void close() {
    sockets.closeServerSockets();
    server.close();
  }

  @Override
  public String toString() {
    return "FakeGoogleDirectory{" + server.url("/") + ", domain=" + domain + "}";
  }

  /** Builds a {@link FakeGoogleDirectory}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String domain = "example.com";
    private String customerId = "C0fake00";
    private Duration tokenLifetime = Duration.ofHours(1);
    private int journalCapacity = 10_000;

    private Builder() {}

    /**
     * Sets the clock for token expiry, JWT time checks and journal times. Default the system clock; share a
     * {@code FakeClock} with the code under test to expire tokens without waiting.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the primary domain accepted in {@code domain=}. Default {@code example.com}.
     *
     * @param domain the domain
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /**
     * Sets the customer id accepted in {@code customer=} besides {@code my_customer}. Default {@code C0fake00}.
     *
     * @param customerId the customer id
     * @return this builder
     */
    public Builder customerId(String customerId) {
      this.customerId = Objects.requireNonNull(customerId, "customerId");
      return this;
    }

    /**
     * Sets how long issued access tokens are valid. Default one hour, as Google's.
     *
     * @param tokenLifetime the lifetime, at least two seconds
     * @return this builder
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      if (tokenLifetime.getSeconds() < 2) {
        throw new IllegalArgumentException("tokenLifetime must be at least two seconds");
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /**
     * Sets how many requests the journal keeps (the oldest are dropped). Default 10,000.
     *
     * @param capacity the capacity, at least 1
     * @return this builder
     */
    public Builder journalCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1");
      }
      this.journalCapacity = capacity;
      return this;
    }

    /**
     * Starts the fake.
     *
     * @return the started fake; close it after the test
     */
    public FakeGoogleDirectory build() {
      return new FakeGoogleDirectory(this);
    }
  }
}
