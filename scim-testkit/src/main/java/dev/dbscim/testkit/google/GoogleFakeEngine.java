package dev.dbscim.testkit.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.testkit.internal.FaultSpec;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The fake's state and its request handling; every public method of the fake delegates here. Thread-safe. */
final class GoogleFakeEngine extends Dispatcher {
  static final String TOKEN_PATH = "/token";
  static final String API = "/admin/directory/v1";
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
  static final String SCOPE_USER = "https://www.googleapis.com/auth/admin.directory.user.readonly";
  static final String SCOPE_GROUP = "https://www.googleapis.com/auth/admin.directory.group.readonly";
  static final String SCOPE_MEMBER = "https://www.googleapis.com/auth/admin.directory.group.member.readonly";
  private static final ObjectMapper MAPPER = ScimJson.mapper();
  private static final Duration MAX_JWT_LIFETIME = Duration.ofHours(1);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Clock clock;
  private final String domain;
  private final String customerId;
  private final Duration tokenLifetime;
  private final int journalCapacity;
  private final SecureRandom random = new SecureRandom();
  private volatile MockWebServer server;

  private final Map<String, UserRecord> usersByEmail = new LinkedHashMap<>();
  private final Map<String, GroupRecord> groupsByEmail = new LinkedHashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final List<Rule> faults = new ArrayList<>();
  private final Deque<RecordedGoogleRequest> journal = new ArrayDeque<>();
  private long nextId = 100_000_000_000_000_000L;
  private int tokensIssued;

  GoogleFakeEngine(Clock clock, String domain, String customerId, Duration tokenLifetime, int journalCapacity) {
    this.clock = clock;
    this.domain = domain;
    this.customerId = customerId;
    this.tokenLifetime = tokenLifetime;
    this.journalCapacity = journalCapacity;
  }

  void attach(MockWebServer server) {
    this.server = server;
  }

  // ------------------------------------------------------------------------------------------------------------ state

  static final class UserRecord {
    final String id;
    final FakeGoogleUser user;

    UserRecord(String id, FakeGoogleUser user) {
      this.id = id;
      this.user = user;
    }
  }

  static final class GroupRecord {
    final String id;
    final String email;
    final String name;
    final List<MemberRecord> members = new ArrayList<>();

    GroupRecord(String id, String email, String name) {
      this.id = id;
      this.email = email;
      this.name = name;
    }
  }

  static final class MemberRecord {
    final String id;
    final String email;
    final String type;

    MemberRecord(String id, String email, String type) {
      this.id = id;
      this.email = email;
      this.type = type;
    }
  }

  private static final class Account {
    final PublicKey key;
    final Set<String> scopes;

    Account(PublicKey key, Set<String> scopes) {
      this.key = key;
      this.scopes = scopes;
    }
  }

  private static final class Token {
    final String subject;
    final Set<String> scopes;
    final Instant expiresAt;

    Token(String subject, Set<String> scopes, Instant expiresAt) {
      this.subject = subject;
      this.scopes = scopes;
      this.expiresAt = expiresAt;
    }
  }

  private static final class Rule {
    final FaultSpec spec;
    final String reason;
    final Random random;
    int remaining;

    Rule(FaultSpec spec, String reason) {
      this.spec = spec;
      this.reason = reason;
      this.remaining = spec.times;
      this.random = spec.probability >= 1 ? null : spec.seed == null ? new Random() : new Random(spec.seed);
    }
  }

  private String newId() {
    return Long.toString(nextId++);
  }

  synchronized String addUser(FakeGoogleUser user) {
    String key = lower(user.primaryEmail());
    if (usersByEmail.containsKey(key) || groupsByEmail.containsKey(key)) {
      throw new IllegalArgumentException("Entity already exists: " + user.primaryEmail());
    }
    String id = newId();
    usersByEmail.put(key, new UserRecord(id, user));
    return id;
  }

  synchronized String addGroup(String email, String name) {
    String key = lower(email);
    if (usersByEmail.containsKey(key) || groupsByEmail.containsKey(key)) {
      throw new IllegalArgumentException("Entity already exists: " + email);
    }
    String id = "0" + Long.toHexString(nextId++);
    groupsByEmail.put(key, new GroupRecord(id, email, name));
    return id;
  }

  synchronized void addMember(String groupEmail, String memberEmail) {
    GroupRecord group = group(groupEmail);
    String key = lower(memberEmail);
    MemberRecord member;
    if (usersByEmail.containsKey(key)) {
      member = new MemberRecord(usersByEmail.get(key).id, usersByEmail.get(key).user.primaryEmail(), "USER");
    } else if (groupsByEmail.containsKey(key)) {
      member = new MemberRecord(groupsByEmail.get(key).id, groupsByEmail.get(key).email, "GROUP");
    } else {
      member = new MemberRecord(newId(), memberEmail, "EXTERNAL");
    }
    for (MemberRecord existing : group.members) {
      if (existing.id.equals(member.id)) {
        throw new IllegalArgumentException("Member already exists: " + memberEmail);
      }
    }
    group.members.add(member);
  }

  synchronized void addCustomerMember(String groupEmail) {
    group(groupEmail).members.add(new MemberRecord(customerId, null, "CUSTOMER"));
  }

  private GroupRecord group(String email) {
    GroupRecord group = groupsByEmail.get(lower(email));
    if (group == null) {
      throw new IllegalArgumentException("No group " + email);
    }
    return group;
  }

  synchronized void registerServiceAccount(String clientEmail, PublicKey key, Set<String> scopes) {
    accounts.put(clientEmail, new Account(key, new LinkedHashSet<>(scopes)));
  }

  synchronized String issueToken(String subject, Set<String> scopes) {
    String token = "ya29.fake-" + (++tokensIssued) + "-" + Long.toHexString(random.nextLong());
    tokens.put(token, new Token(subject, scopes, clock.instant().plus(tokenLifetime)));
    return token;
  }

  synchronized void revokeTokens() {
    tokens.clear();
  }

  synchronized int tokensIssued() {
    return tokensIssued;
  }

  synchronized void addFault(FaultSpec spec, String reason) {
    faults.add(new Rule(spec, reason));
  }

  synchronized void clearFaults() {
    faults.clear();
  }

  synchronized List<RecordedGoogleRequest> journal() {
    return Collections.unmodifiableList(new ArrayList<>(journal));
  }

  synchronized void clearJournal() {
    journal.clear();
  }

  // --------------------------------------------------------------------------------------------------------- dispatch

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    MockWebServer attached = server;
    if (attached != null) {
      while (attached.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // MockWebServer keeps every request; the fake's bounded, redacted journal replaces that queue.
      }
    }
    synchronized (this) {
      String method = request.getMethod();
      HttpUrl url = request.getUrl();
      String path = url.encodedPath();
      Rule fault = takeFault(method, path);
      MockResponse.Builder response = new MockResponse.Builder();
      int status;
      if (fault != null && fault.spec.disconnect) {
        response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
        status = 0;
      } else if (fault != null && fault.spec.status > 0) {
        status = fault.spec.status;
        JsonNode body = path.equals(TOKEN_PATH)
            ? oauthError(fault.reason != null ? fault.reason : "internal_failure", "Injected fault.")
            : apiError(status, fault.reason != null ? fault.reason : defaultReason(status), "Injected fault.");
        json(response, status, body);
        if (fault.spec.retryAfter != null) {
          response.setHeader("Retry-After", Long.toString(Math.max(0, fault.spec.retryAfter.getSeconds())));
        }
      } else {
        Answer answer;
        try {
          answer = answer(method, url, path, request);
        } catch (Refusal refusal) {
          answer = new Answer(refusal.status, refusal.body);
        }
        status = answer.status;
        json(response, status, answer.body);
      }
      if (fault != null && fault.spec.latency != null) {
        response.headersDelay(fault.spec.latency.toNanos(), TimeUnit.NANOSECONDS);
      }
      record(request, method, status);
      return response.build();
    }
  }

  private Rule takeFault(String method, String path) {
    for (Iterator<Rule> it = faults.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      boolean matches = (rule.spec.method == null || rule.spec.method.equalsIgnoreCase(method))
          && (rule.spec.path == null || rule.spec.path.matcher(path).find());
      if (matches && (rule.random == null || rule.random.nextDouble() < rule.spec.probability)) {
        if (rule.remaining != Integer.MAX_VALUE && --rule.remaining <= 0) {
          it.remove();
        }
        return rule;
      }
    }
    return null;
  }

  private static void json(MockResponse.Builder response, int status, JsonNode body) {
    response.code(status).setHeader("Content-Type", "application/json; charset=UTF-8").body(body.toString());
  }

  private void record(RecordedRequest request, String method, int status) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Headers raw = request.getHeaders();
    for (String name : raw.names()) {
      String lower = lower(name);
      List<String> values = new ArrayList<>();
      for (String value : raw.values(name)) {
        values.add(lower.equals("authorization") ? (value.startsWith("Bearer ") ? "Bearer ****" : "****") : value);
      }
      headers.put(lower, Collections.unmodifiableList(values));
    }
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    body = body.replaceAll("assertion=[^&]*", "assertion=****");
    if (journal.size() >= journalCapacity) {
      journal.removeFirst();
    }
    journal.addLast(new RecordedGoogleRequest(method, request.getTarget(), Collections.unmodifiableMap(headers), body,
        status, clock.instant()));
  }

  private static final class Answer {
    final int status;
    final JsonNode body;

    Answer(int status, JsonNode body) {
      this.status = status;
      this.body = body;
    }
  }

  /** A refusal with its Google-shaped body. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient JsonNode body;

    Refusal(int status, JsonNode body) {
      super(null, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  private Answer answer(String method, HttpUrl url, String path, RecordedRequest request) throws Refusal {
    if (path.equals(TOKEN_PATH)) {
      if (!method.equals("POST")) {
        throw new Refusal(405, apiError(405, "methodNotAllowed", "Method Not Allowed"));
      }
      return token(request);
    }
    if (!path.startsWith(API + "/")) {
      throw new Refusal(404, apiError(404, "notFound", "Not Found"));
    }
    if (!method.equals("GET")) {
      throw new Refusal(405, apiError(405, "methodNotAllowed", "Method Not Allowed"));
    }
    Token token = authenticate(request);
    List<String> segments = url.pathSegments();
    // admin, directory, v1, users | groups [, groupKey, members]
    if (segments.size() == 4 && segments.get(3).equals("users")) {
      requireScope(token, SCOPE_USER);
      return new Answer(200, listUsers(url));
    }
    if (segments.size() == 4 && segments.get(3).equals("groups")) {
      requireScope(token, SCOPE_GROUP);
      return new Answer(200, listGroups(url));
    }
    if (segments.size() == 6 && segments.get(3).equals("groups") && segments.get(5).equals("members")) {
      requireScope(token, SCOPE_MEMBER, SCOPE_GROUP);
      return new Answer(200, listMembers(url, segments.get(4)));
    }
    throw new Refusal(404, apiError(404, "notFound", "Not Found"));
  }

  // ------------------------------------------------------------------------------------------------------------ token

  private Answer token(RecordedRequest request) throws Refusal {
    Map<String, String> form = form(request.getBody() == null ? "" : request.getBody().utf8());
    String grantType = form.get("grant_type");
    if (!JWT_BEARER.equals(grantType)) {
      throw new Refusal(400, oauthError("unsupported_grant_type", "Invalid grant_type: "
          + (grantType == null ? "" : grantType)));
    }
    String assertion = form.get("assertion");
    String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
    if (parts.length != 3) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid JWT: it does not have three parts."));
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid JWT: it is not base64url-encoded JSON."));
    }
    if (!"RS256".equals(header.path("alg").asText())) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid JWT: alg must be RS256."));
    }
    Account account = accounts.get(claims.path("iss").asText());
    if (account == null) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid grant: account not found"));
    }
    if (!verify(account.key, parts)) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid JWT Signature."));
    }
    if (!TOKEN_AUDIENCE.equals(claims.path("aud").asText())) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid JWT: aud must be " + TOKEN_AUDIENCE));
    }
    long now = clock.instant().getEpochSecond();
    long iat = claims.path("iat").asLong(Long.MIN_VALUE);
    long exp = claims.path("exp").asLong(Long.MIN_VALUE);
    if (iat == Long.MIN_VALUE || exp == Long.MIN_VALUE || exp <= iat || exp - iat > MAX_JWT_LIFETIME.getSeconds()
        || iat > now + CLOCK_SKEW.getSeconds() || exp < now - CLOCK_SKEW.getSeconds()) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes)"
          + " and in a reasonable timeframe. Check your iat and exp values in the JWT claim."));
    }
    String subject = claims.path("sub").asText("");
    if (subject.isEmpty() || !usersByEmail.containsKey(lower(subject))) {
      throw new Refusal(400, oauthError("invalid_grant", "Invalid email or User ID"));
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : claims.path("scope").asText("").split(" ")) {
      if (!scope.isEmpty()) {
        scopes.add(scope);
      }
    }
    if (scopes.isEmpty() || !account.scopes.containsAll(scopes)) {
      throw new Refusal(401, oauthError("unauthorized_client", "Client is unauthorized to retrieve access tokens"
          + " using this method, or client not authorized for any of the scopes requested."));
    }
    String token = issueToken(usersByEmail.get(lower(subject)).user.primaryEmail(), scopes);
    ObjectNode body = MAPPER.createObjectNode();
    body.put("access_token", token);
    body.put("expires_in", tokenLifetime.getSeconds() - 1);
    body.put("token_type", "Bearer");
    return new Answer(200, body);
  }

  private static boolean verify(PublicKey key, String[] parts) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private Token authenticate(RecordedRequest request) throws Refusal {
    String header = request.getHeaders().get("Authorization");
    Token token = header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
    if (token == null || !clock.instant().isBefore(token.expiresAt)) {
      ObjectNode body = apiError(401, "authError", "Request had invalid authentication credentials. Expected OAuth 2"
          + " access token, login cookie or other valid authentication credential. See"
          + " https://developers.google.com/identity/sign-in/web/devconsole-project.");
      ObjectNode first = (ObjectNode) body.get("error").get("errors").get(0);
      first.put("message", "Invalid Credentials");
      first.put("location", "Authorization");
      first.put("locationType", "header");
      throw new Refusal(401, body);
    }
    UserRecord subject = usersByEmail.get(lower(token.subject));
    if (subject == null || !subject.user.admin()) {
      throw new Refusal(403, apiError(403, "forbidden", "Not Authorized to access this resource/api"));
    }
    return token;
  }

  private static void requireScope(Token token, String... anyOf) throws Refusal {
    for (String scope : anyOf) {
      if (token.scopes.contains(scope)) {
        return;
      }
    }
    ObjectNode body = apiError(403, "insufficientPermissions", "Request had insufficient authentication scopes.");
    throw new Refusal(403, body);
  }

  // ------------------------------------------------------------------------------------------------------------ lists

  private JsonNode listUsers(HttpUrl url) throws Refusal {
    checkCustomer(url);
    int size = pageSize(url, 100, 500);
    String projection = url.queryParameter("projection");
    if (projection != null && !projection.equals("basic") && !projection.equals("full")
        && !projection.equals("custom")) {
      throw new Refusal(400, apiError(400, "invalidParameter", "Invalid value '" + projection
          + "'. Values must match the following regular expression: '(?i)(basic|custom|full)'"));
    }
    List<UserRecord> matching = new ArrayList<>();
    List<String[]> terms = parseQuery(url.queryParameter("query"));
    for (UserRecord user : usersByEmail.values()) {
      if (matches(user, terms)) {
        matching.add(user);
      }
    }
    int from = pageStart(url, "users");
    int to = Math.min(matching.size(), from + size);
    ObjectNode page = MAPPER.createObjectNode().put("kind", "admin#directory#users").put("etag", "\"fake\"");
    if (from < to) {
      ArrayNode users = page.putArray("users");
      for (UserRecord record : matching.subList(from, to)) {
        users.add(userJson(record));
      }
    }
    if (to < matching.size()) {
      page.put("nextPageToken", pageToken("users", to));
    }
    return page;
  }

  private ObjectNode userJson(UserRecord record) {
    FakeGoogleUser user = record.user;
    ObjectNode json = MAPPER.createObjectNode()
        .put("kind", "admin#directory#user")
        .put("id", record.id)
        .put("etag", "\"fake-" + record.id + "\"")
        .put("primaryEmail", user.primaryEmail());
    json.putObject("name").put("givenName", user.givenName()).put("familyName", user.familyName())
        .put("fullName", user.givenName() + " " + user.familyName());
    if (!user.aliases().isEmpty()) {
      ArrayNode aliases = json.putArray("aliases");
      user.aliases().forEach(aliases::add);
    }
    return json.put("isAdmin", user.admin())
        .put("isDelegatedAdmin", false)
        .put("agreedToTerms", true)
        .put("suspended", user.suspended())
        .put("archived", user.archived())
        .put("changePasswordAtNextLogin", false)
        .put("customerId", customerId)
        .put("orgUnitPath", user.orgUnitPath())
        .put("isMailboxSetup", true)
        .put("includeInGlobalAddressList", true);
  }

  private JsonNode listGroups(HttpUrl url) throws Refusal {
    checkCustomer(url);
    int size = pageSize(url, 200, 200);
    List<GroupRecord> all = new ArrayList<>(groupsByEmail.values());
    int from = pageStart(url, "groups");
    int to = Math.min(all.size(), from + size);
    ObjectNode page = MAPPER.createObjectNode().put("kind", "admin#directory#groups").put("etag", "\"fake\"");
    if (from < to) {
      ArrayNode groups = page.putArray("groups");
      for (GroupRecord group : all.subList(from, to)) {
        groups.addObject()
            .put("kind", "admin#directory#group")
            .put("id", group.id)
            .put("etag", "\"fake-" + group.id + "\"")
            .put("email", group.email)
            .put("name", group.name)
            .put("directMembersCount", Integer.toString(group.members.size()))
            .put("description", "")
            .put("adminCreated", true);
      }
    }
    if (to < all.size()) {
      page.put("nextPageToken", pageToken("groups", to));
    }
    return page;
  }

  private JsonNode listMembers(HttpUrl url, String groupKey) throws Refusal {
    GroupRecord group = groupsByEmail.get(lower(groupKey));
    if (group == null) {
      for (GroupRecord candidate : groupsByEmail.values()) {
        if (candidate.id.equals(groupKey)) {
          group = candidate;
        }
      }
    }
    if (group == null) {
      throw new Refusal(404, apiError(404, "notFound", "Resource Not Found: groupKey"));
    }
    int size = pageSize(url, 200, 200);
    List<MemberRecord> members = "true".equals(url.queryParameter("includeDerivedMembership"))
        ? derived(group) : group.members;
    int from = pageStart(url, "members-" + group.id);
    int to = Math.min(members.size(), from + size);
    ObjectNode page = MAPPER.createObjectNode().put("kind", "admin#directory#members").put("etag", "\"fake\"");
    if (from < to) {
      ArrayNode array = page.putArray("members");
      for (MemberRecord member : members.subList(from, to)) {
        ObjectNode json = array.addObject().put("kind", "admin#directory#member").put("etag", "\"fake\"");
        json.put("id", member.id);
        if (member.email != null) {
          json.put("email", member.email);
        }
        json.put("role", "MEMBER").put("type", member.type);
        if (member.type.equals("USER")) {
          UserRecord user = usersByEmail.get(lower(member.email));
          json.put("status", user != null && user.user.suspended() ? "SUSPENDED" : "ACTIVE");
        } else if (!member.type.equals("CUSTOMER")) {
          json.put("status", "ACTIVE");
        }
      }
    }
    if (to < members.size()) {
      page.put("nextPageToken", pageToken("members-" + group.id, to));
    }
    return page;
  }

  private List<MemberRecord> derived(GroupRecord root) {
    Map<String, MemberRecord> seen = new LinkedHashMap<>();
    Deque<GroupRecord> pending = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    pending.add(root);
    visited.add(root.id);
    while (!pending.isEmpty()) {
      GroupRecord group = pending.poll();
      for (MemberRecord member : group.members) {
        seen.putIfAbsent(member.type + ":" + member.id, member);
        if (member.type.equals("GROUP")) {
          GroupRecord nested = groupsByEmail.get(lower(member.email));
          if (nested != null && visited.add(nested.id)) {
            pending.add(nested);
          }
        }
      }
    }
    return new ArrayList<>(seen.values());
  }

  private void checkCustomer(HttpUrl url) throws Refusal {
    String customer = url.queryParameter("customer");
    String requestedDomain = url.queryParameter("domain");
    if (customer == null && requestedDomain == null) {
      throw new Refusal(400, apiError(400, "badRequest", "Bad Request"));
    }
    if (customer != null && !customer.equals("my_customer") && !customer.equals(customerId)) {
      throw new Refusal(403, apiError(403, "forbidden", "Not Authorized to access this resource/api"));
    }
    if (customer == null && !lower(requestedDomain).equals(lower(domain))) {
      throw new Refusal(403, apiError(403, "forbidden", "Not Authorized to access this resource/api"));
    }
  }

  private static int pageSize(HttpUrl url, int defaultSize, int max) throws Refusal {
    String value = url.queryParameter("maxResults");
    if (value == null) {
      return defaultSize;
    }
    int size;
    try {
      size = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new Refusal(400, apiError(400, "invalidParameter", "Invalid value '" + value
          + "'. Values must be within the range: [1, " + max + "]"));
    }
    if (size < 1 || size > max) {
      throw new Refusal(400, apiError(400, "invalidParameter", "Invalid value '" + value
          + "'. Values must be within the range: [1, " + max + "]"));
    }
    return size;
  }

  private static String pageToken(String list, int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((list + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int pageStart(HttpUrl url, String list) throws Refusal {
    String token = url.queryParameter("pageToken");
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(list + ":")) {
        return Integer.parseInt(decoded.substring(list.length() + 1));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal
    }
    throw new Refusal(400, apiError(400, "invalid", "Invalid Input: pageToken"));
  }

  /** The users query fields the fake supports, with the operators Google's "Search for users" table allows. */
  private static final Map<String, String> QUERY_OPERATORS = Map.of(
      "email", "=:", "givenName", "=:", "familyName", "=:", "name", "=:",
      "isAdmin", "=", "isSuspended", "=", "isArchived", "=", "orgUnitPath", "=");

  /**
   * Parses the supported subset of the users query: clauses {@code field<op>value} separated by spaces (AND), values
   * optionally in single quotes. An unknown field, or an operator the field does not allow, is a 400 as at Google.
   * Each term is {@code {field, operator, value}}.
   */
  private static List<String[]> parseQuery(String query) throws Refusal {
    List<String[]> terms = new ArrayList<>();
    if (query == null || query.trim().isEmpty()) {
      return terms;
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : query.trim().toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (current.length() > 0) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    for (String token : tokens) {
      int at = indexOfOperator(token);
      if (at < 1) {
        throw new Refusal(400, apiError(400, "invalid", "Invalid Input"));
      }
      String field = token.substring(0, at);
      String operator = token.substring(at, at + 1);
      String allowed = QUERY_OPERATORS.get(field);
      if (allowed == null || !allowed.contains(operator)) {
        throw new Refusal(400, apiError(400, "invalid", "Invalid Input"));
      }
      terms.add(new String[] {field, operator, token.substring(at + 1)});
    }
    return terms;
  }

  private static int indexOfOperator(String token) {
    int eq = token.indexOf('=');
    int colon = token.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  private static boolean matches(UserRecord record, List<String[]> terms) {
    FakeGoogleUser user = record.user;
    for (String[] term : terms) {
      String operator = term[1];
      String value = term[2];
      boolean ok;
      switch (term[0]) {
        case "isSuspended":
          ok = Boolean.parseBoolean(value) == user.suspended();
          break;
        case "isArchived":
          ok = Boolean.parseBoolean(value) == user.archived();
          break;
        case "isAdmin":
          ok = Boolean.parseBoolean(value) == user.admin();
          break;
        case "orgUnitPath": {
          String unit = lower(value);
          String path = lower(user.orgUnitPath());
          ok = unit.equals("/") || path.equals(unit) || path.startsWith(unit + "/");
          break;
        }
        case "email": {
          ok = textMatches(user.primaryEmail(), operator, value);
          for (String alias : user.aliases()) {
            ok = ok || textMatches(alias, operator, value);
          }
          break;
        }
        case "name":
          ok = textMatches(user.givenName() + " " + user.familyName(), operator, value);
          break;
        case "givenName":
          ok = textMatches(user.givenName(), operator, value);
          break;
        default:
          ok = textMatches(user.familyName(), operator, value);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Google's text operators, ignoring case: {@code =} is an exact match, {@code :} tests whether the text contains
   * the value, and {@code :PREFIX*} whether it starts with the prefix.
   */
  private static boolean textMatches(String actual, String operator, String pattern) {
    String a = lower(actual);
    String p = lower(pattern);
    if (operator.equals("=")) {
      return a.equals(p);
    }
    return p.endsWith("*") ? a.startsWith(p.substring(0, p.length() - 1)) : a.contains(p);
  }

  // ----------------------------------------------------------------------------------------------------------- errors

  static ObjectNode apiError(int status, String reason, String message) {
    ObjectNode body = MAPPER.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", status);
    error.put("message", message);
    error.putArray("errors").addObject()
        .put("message", message)
        .put("domain", reason.toLowerCase(Locale.ROOT).contains("ratelimit")
            || reason.toLowerCase(Locale.ROOT).contains("quota") ? "usageLimits" : "global")
        .put("reason", reason);
    error.put("status", statusName(status));
    return body;
  }

  private static ObjectNode oauthError(String error, String description) {
    return MAPPER.createObjectNode().put("error", error).put("error_description", description);
  }

  static String defaultReason(int status) {
    switch (status) {
      case 400:
        return "badRequest";
      case 401:
        return "authError";
      case 403:
        return "forbidden";
      case 404:
        return "notFound";
      case 429:
        return "rateLimitExceeded";
      case 503:
        return "backendError";
      default:
        return status >= 500 ? "backendError" : "invalid";
    }
  }

  private static String statusName(int status) {
    switch (status) {
      case 400:
        return "INVALID_ARGUMENT";
      case 401:
        return "UNAUTHENTICATED";
      case 403:
        return "PERMISSION_DENIED";
      case 404:
        return "NOT_FOUND";
      case 429:
        return "RESOURCE_EXHAUSTED";
      case 503:
        return "UNAVAILABLE";
      default:
        return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
