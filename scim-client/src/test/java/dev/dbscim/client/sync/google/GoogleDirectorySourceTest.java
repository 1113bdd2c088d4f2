package dev.dbscim.client.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.internal.RetryAfter;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectorySourceException;
import dev.dbscim.client.sync.DirectoryUser;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class GoogleDirectorySourceTest {
  private static final String USERS_PATH = "/admin/directory/v1/users";
  private static final String GROUPS_PATH = "/admin/directory/v1/groups";

  private MockWebServer server;
  private final Stub stub = new Stub();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  /** Makes the RSA key pair before any timed test: on a loaded machine generating it can take seconds. */
  @BeforeAll
  static void makeKey() {
    assertThat(TestKeys.PAIR).isNotNull();
  }

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServers.start();
    server.setDispatcher(stub);
    stub.users.add(user("u1", "ada@example.com", "Ada", "Lovelace", false, false, "/Eng"));
    stub.users.add(user("u2", "bob@example.com", "Bob", "Builder", true, false, "/Eng/Tools"));
    stub.users.add(user("u3", "cy@example.com", "Cy", "Young", false, true, "/Sales"));
    stub.users.add(user("u4", "di@example.com", "Di", "Prince", false, false, "/"));
    stub.groups.add("{\"id\":\"g1\",\"email\":\"eng@example.com\",\"name\":\"Engineering\"}");
    stub.groups.add("{\"id\":\"g2\",\"email\":\"tools@example.com\",\"name\":\"Tools\"}");
    stub.members.put("g1", List.of(
        member("u1", "ada@example.com", "USER"),
        member("g2", "tools@example.com", "GROUP"),
        member("x1", "partner@other.org", "EXTERNAL"),
        "{\"id\":\"C123\",\"type\":\"CUSTOMER\",\"role\":\"MEMBER\"}"));
    stub.members.put("g2", List.of(member("u2", "bob@example.com", "USER"), member("u3", "cy@example.com", "USER")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GoogleDirectorySource.Builder source() {
    return GoogleDirectorySource.builder()
        .credentials(GoogleCredentials.accessToken("ya29.test-token"))
        .baseUrl(URI.create(server.url("/").toString()))
        .sleeper(sleeps::add)
        .userPageSize(2)
        .groupPageSize(1);
  }

  @Test
  void load_defaults_mapsUsersGroupsAndNestedGroupsAcrossPages() {
    GoogleDirectorySource source = source().build();

    GoogleLoadReport report = source.loadWithReport();

    Directory directory = report.directory();
    assertThat(directory.users()).containsExactly(
        DirectoryUser.builder("ada@example.com").displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
            .externalId("u1").build(),
        DirectoryUser.builder("bob@example.com").displayName("Bob Builder").givenName("Bob").familyName("Builder")
            .externalId("u2").active(false).build(),
        DirectoryUser.builder("cy@example.com").displayName("Cy Young").givenName("Cy").familyName("Young")
            .externalId("u3").active(false).build(),
        DirectoryUser.builder("di@example.com").displayName("Di Prince").givenName("Di").familyName("Prince")
            .externalId("u4").build());
    assertThat(directory.groups()).containsExactly(
        DirectoryGroup.builder("eng@example.com").externalId("g1").memberUsers("ada@example.com")
            .memberGroups("tools@example.com").build(),
        DirectoryGroup.builder("tools@example.com").externalId("g2").memberUsers("bob@example.com", "cy@example.com")
            .build());
    assertThat(report.skippedMembers()).extracting(SkippedMember::reason).containsExactly(
        SkippedMember.Reason.EXTERNAL_MEMBER, SkippedMember.Reason.CUSTOMER_MEMBER);
    assertThat(report.skippedMembers().get(0).memberEmail()).contains("partner@other.org");
    assertThat(report.skippedMembers().get(1).memberEmail()).isEmpty();
    assertThat(source.lastReport()).containsSame(report);
    assertThat(stub.targets).contains(
        USERS_PATH + "?customer=my_customer&maxResults=2&projection=basic",
        USERS_PATH + "?customer=my_customer&maxResults=2&projection=basic&pageToken=2",
        GROUPS_PATH + "?customer=my_customer&maxResults=1&pageToken=1",
        GROUPS_PATH + "/g1/members?maxResults=1&pageToken=3");
    assertThat(stub.authorizations).containsOnly("Bearer ya29.test-token");
  }

  @Test
  void load_skipInactiveNamesAndOrgUnits_appliesEveryOption() {
    GoogleDirectorySource source = source()
        .inactiveUsers(GoogleDirectorySource.InactiveUsers.SKIP)
        .groupNames(GoogleDirectorySource.GroupNames.NAME)
        .orgUnits("/eng/")
        .domain("example.com")
        .userQuery("isAdmin=false name:'A B'")
        .build();

    GoogleLoadReport report = source.loadWithReport();

    assertThat(report.directory().users()).extracting(DirectoryUser::userName).containsExactly("ada@example.com");
    assertThat(report.usersRead()).isEqualTo(4);
    assertThat(report.usersSkipped()).isEqualTo(3);
    assertThat(report.directory().groups()).extracting(DirectoryGroup::displayName)
        .containsExactly("Engineering", "Tools");
    assertThat(report.directory().groups().get(0).memberGroups()).containsExactly("Tools");
    assertThat(report.directory().groups().get(1).memberUsers()).isEmpty();
    assertThat(report.skippedMembers()).extracting(SkippedMember::reason).containsExactly(
        SkippedMember.Reason.EXTERNAL_MEMBER, SkippedMember.Reason.CUSTOMER_MEMBER,
        SkippedMember.Reason.USER_NOT_IN_SCOPE, SkippedMember.Reason.USER_NOT_IN_SCOPE);
    assertThat(stub.targets.get(0))
        .isEqualTo(USERS_PATH + "?domain=example.com&maxResults=2&projection=basic&query=isAdmin%3Dfalse%20name%3A%27A%20B%27");
  }

  @Test
  void load_groupEmailsScope_reportsNestedGroupOutsideScope() {
    GoogleLoadReport report = source().groupEmails("ENG@example.com").build().loadWithReport();

    assertThat(report.directory().groups()).extracting(DirectoryGroup::displayName)
        .containsExactly("eng@example.com");
    assertThat(report.groupsSkipped()).isEqualTo(1);
    assertThat(report.skippedMembers()).filteredOn(m -> m.reason() == SkippedMember.Reason.GROUP_NOT_IN_SCOPE)
        .extracting(m -> m.memberEmail().orElse(null)).containsExactly("tools@example.com");
    assertThat(stub.targets).noneMatch(t -> t.contains("/groups/g2/members"));
  }

  @Test
  void load_provisioningGroup_keepsOnlyDerivedMembers() {
    stub.members.put("all@example.com", List.of(member("u1", "ada@example.com", "USER"),
        member("g2", "tools@example.com", "GROUP"), member("u2", "bob@example.com", "USER")));

    Directory directory = source().groupPageSize(200).provisioningGroup("all@example.com").build().load();

    assertThat(directory.users()).extracting(DirectoryUser::userName)
        .containsExactly("ada@example.com", "bob@example.com");
    assertThat(stub.targets).contains(GROUPS_PATH + "/all%40example.com/members?maxResults=200"
        + "&includeDerivedMembership=true");
  }

  @Test
  void load_provisioningGroupWithCustomerMember_keepsEveryUserOfThatCustomerAndWarns() {
    stub.users.add(user("u5", "eve@other.example", "Eve", "Else", false, false, "/").replace("C123", "C999"));
    stub.members.put("all@example.com", List.of(member("u1", "ada@example.com", "USER"),
        "{\"kind\":\"admin#directory#member\",\"id\":\"C123\",\"role\":\"MEMBER\",\"type\":\"CUSTOMER\"}"));

    GoogleLoadReport report = source().provisioningGroup("all@example.com").build().loadWithReport();

    assertThat(report.directory().users()).extracting(DirectoryUser::userName)
        .containsExactly("ada@example.com", "bob@example.com", "cy@example.com", "di@example.com");
    assertThat(report.usersSkipped()).isEqualTo(1);
    assertThat(report.warnings()).containsExactly("Provisioning group all@example.com has the CUSTOMER member C123"
        + " (everyone in that Google account): every user of the account that was read is provisioned.");
    assertThat(report.toString()).contains("warnings=1");
  }

  @Test
  void load_provisioningGroupWithoutCustomerMember_hasNoWarnings() {
    stub.members.put("all@example.com", List.of(member("u1", "ada@example.com", "USER")));

    GoogleLoadReport report = source().provisioningGroup("all@example.com").build().loadWithReport();

    assertThat(report.directory().users()).extracting(DirectoryUser::userName).containsExactly("ada@example.com");
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void load_rateLimitedThenServerErrors_retriesWithRetryAfterAndBackoff() {
    stub.failures.add(new Failure(USERS_PATH, 403, "usageLimits", "userRateLimitExceeded", "7"));
    stub.failures.add(new Failure(USERS_PATH, 429, "usageLimits", "rateLimitExceeded", null));
    stub.failures.add(new Failure(GROUPS_PATH, 503, "global", "backendError", null));

    Directory directory = source().retryPolicy(dev.dbscim.client.retry.RetryPolicy.builder().maxAttempts(3)
        .baseDelay(Duration.ofSeconds(1)).jitter(() -> 1.0).build()).build().load();

    assertThat(directory.users()).hasSize(4);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(1));
  }

  @Test
  void load_403QuotaExceeded_isRetriedLikeTheRateLimitReasons() {
    stub.failures.add(new Failure(USERS_PATH, 403, "usageLimits", "quotaExceeded", null));
    stub.failures.add(new Failure(USERS_PATH, 403, "usageLimits", "rateLimitExceeded", null));
    stub.failures.add(new Failure(USERS_PATH, 403, "usageLimits", "userRateLimitExceeded", null));

    Directory directory = source().build().load();

    assertThat(directory.users()).hasSize(4);
    assertThat(sleeps).hasSize(3);
    assertThat(GoogleHttp.retryable(403, "quotaExceeded")).isTrue();
  }

  @Test
  void load_403InsufficientPermissions_isNotRetried() {
    stub.failures.add(new Failure(USERS_PATH, 403, "global", "insufficientPermissions", null));

    assertThatThrownBy(() -> source().build().load())
        .isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
          assertThat(e.reason()).contains("insufficientPermissions");
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.retryable()).isFalse();
        });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void load_quotaKeepsFailing_backsOffPastAMinuteBoundaryThenThrowsRetryableTypedException() {
    for (int i = 0; i < 20; i++) {
      stub.failures.add(new Failure(USERS_PATH, 403, "usageLimits", "rateLimitExceeded", null));
    }

    assertThatThrownBy(() -> source().retryPolicy(policy(0.0)).build().load())
        .isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.reason()).contains("rateLimitExceeded");
          assertThat(e.attempts()).isEqualTo(10);
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).startsWith("Google GET /admin/directory/v1/users -> 403 rateLimitExceeded")
              .doesNotContain("ya29", "customer=");
        });
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(16),
        Duration.ofSeconds(16), Duration.ofSeconds(16));
    assertThat(total(sleeps)).isGreaterThanOrEqualTo(Duration.ofSeconds(70));
  }

  @Test
  void load_quotaRetryWindow_isConfigurableAndServerErrorsKeepThePolicyAttempts() {
    for (int i = 0; i < 20; i++) {
      stub.failures.add(new Failure(USERS_PATH, 429, "usageLimits", "rateLimitExceeded", null));
    }
    assertThatThrownBy(() -> source().retryPolicy(policy(1.0)).quotaRetryWindow(Duration.ofMinutes(2)).build()
        .load()).isInstanceOfSatisfying(GoogleDirectoryException.class, e -> assertThat(e.attempts()).isEqualTo(9));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(32),
        Duration.ofSeconds(32));

    stub.failures.clear();
    sleeps.clear();
    for (int i = 0; i < 20; i++) {
      stub.failures.add(new Failure(USERS_PATH, 403, "usageLimits", "quotaExceeded", null));
    }
    assertThatThrownBy(() -> source().retryPolicy(policy(1.0)).quotaRetryWindow(Duration.ZERO).build().load())
        .isInstanceOfSatisfying(GoogleDirectoryException.class, e -> assertThat(e.attempts()).isEqualTo(6));
    assertThat(sleeps).hasSize(5);

    stub.failures.clear();
    sleeps.clear();
    for (int i = 0; i < 20; i++) {
      stub.failures.add(new Failure(USERS_PATH, 503, "global", "backendError", null));
    }
    assertThatThrownBy(() -> source().retryPolicy(policy(0.0)).build().load())
        .isInstanceOfSatisfying(GoogleDirectoryException.class, e -> assertThat(e.attempts()).isEqualTo(6));
    assertThat(sleeps).hasSize(5).containsOnly(Duration.ZERO);
    assertThatThrownBy(() -> source().quotaRetryWindow(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static dev.dbscim.client.retry.RetryPolicy policy(double jitter) {
    return dev.dbscim.client.retry.RetryPolicy.builder().maxAttempts(6).baseDelay(Duration.ofSeconds(1))
        .maxDelay(Duration.ofSeconds(32)).jitter(() -> jitter).build();
  }

  private static Duration total(List<Duration> waits) {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Test
  void load_forbiddenOrNotFound_failsAtOnceTyped() {
    stub.failures.add(new Failure(GROUPS_PATH + "/g1/members", 404, "global", "notFound", null));

    assertThatThrownBy(() -> source().build().load())
        .isInstanceOf(DirectorySourceException.class)
        .isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.reason()).contains("notFound");
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("/admin/directory/v1/groups/g1/members -> 404 notFound: failure");
        });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void load_401WithSuppliedTokens_asksForAFreshTokenOnce() {
    AtomicInteger asked = new AtomicInteger();
    stub.failures.add(new Failure(USERS_PATH, 401, "global", "authError", null));

    Directory directory = source().credentials(GoogleCredentials.accessToken(() -> "tok-" + asked.incrementAndGet()))
        .build().load();

    assertThat(directory.users()).hasSize(4);
    assertThat(stub.authorizations.subList(0, 2)).containsExactly("Bearer tok-1", "Bearer tok-2");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void load_serviceAccount_exchangesJwtOnceAndRefreshesNearExpiry() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    URI tokenUri = URI.create(server.url("/token").toString());
    GoogleDirectorySource source = source()
        .credentials(GoogleCredentials.serviceAccountKeyJson(TestKeys.keyJson("sync@p", "https://unused/token"),
            "admin@example.com"))
        .tokenUrl(tokenUri)
        .clock(clock)
        .build();

    source.load();
    source.load();
    clock.now = clock.now.plus(Duration.ofMinutes(59));
    source.load();

    assertThat(stub.tokenRequests).hasSize(2);
    assertThat(stub.tokenRequests.get(0)).startsWith(
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=ey");
    assertThat(stub.authorizations).containsOnly("Bearer access-1", "Bearer access-2");
  }

  @Test
  void load_tokenUrlOverride_sendsThereButKeepsGooglesTokenUrlAsTheJwtAudience() throws Exception {
    GoogleDirectorySource source = source()
        .credentials(GoogleCredentials.serviceAccountKeyJson(TestKeys.keyJson("sync@p", "https://unused/token"),
            "admin@example.com"))
        .tokenUrl(URI.create(server.url("/token").toString()))
        .build();

    source.load();

    assertThat(stub.tokenRequests).hasSize(1);
    String form = stub.tokenRequests.get(0);
    String assertion = URLDecoder.decode(form.substring(form.indexOf("&assertion=") + 11), StandardCharsets.UTF_8);
    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]));
    assertThat(claims.get("aud").asText()).isEqualTo("https://oauth2.googleapis.com/token");
  }

  @Test
  void load_tokenEndpointRefuses_failsTypedWithoutSecrets() {
    stub.failures.add(new Failure("/token", 401, null, "unauthorized_client", null));
    GoogleDirectorySource source = source()
        .credentials(GoogleCredentials.serviceAccountKeyJson(TestKeys.keyJson("sync@p", "https://unused/token"),
            "admin@example.com"))
        .tokenUrl(URI.create(server.url("/token").toString()))
        .build();

    assertThatThrownBy(source::load).isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.reason()).contains("unauthorized_client");
      assertThat(e.getMessage()).isEqualTo("Google POST /token -> 401 unauthorized_client: failure [attempts=1]");
    });
  }

  @Test
  void builder_badOptions_failFast() {
    assertThatThrownBy(() -> GoogleDirectorySource.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> GoogleDirectorySource.builder().userPageSize(501))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoogleDirectorySource.builder().groupPageSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoogleDirectorySource.builder().baseUrl(URI.create("http://admin.example.com")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
  }

  @Test
  void retryAfter_secondsAndHttpDate_areParsed() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    assertThat(RetryAfter.parse("3", clock)).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("soon", clock)).isNull();
    assertThat(GoogleHttp.retryable(403, "forbidden")).isFalse();
    assertThat(GoogleHttp.retryable(403, "userRateLimitExceeded")).isTrue();
    assertThat(GoogleHttp.retryable(400, null)).isFalse();
  }

  // ------------------------------------------------------------------------------------------------------- the stub

  private static String user(String id, String email, String given, String family, boolean suspended,
      boolean archived, String orgUnit) {
    return "{\"kind\":\"admin#directory#user\",\"id\":\"" + id + "\",\"primaryEmail\":\"" + email + "\","
        + "\"name\":{\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\",\"fullName\":\"" + given + " "
        + family + "\"},\"isAdmin\":false,\"suspended\":" + suspended + ",\"archived\":" + archived
        + ",\"orgUnitPath\":\"" + orgUnit + "\",\"customerId\":\"C123\"}";
  }

  private static String member(String id, String email, String type) {
    return "{\"kind\":\"admin#directory#member\",\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"role\":\"MEMBER\","
        + "\"type\":\"" + type + "\",\"status\":\"ACTIVE\"}";
  }

  private static final class Failure {
    final String path;
    final int status;
    final String domain;
    final String reason;
    final String retryAfter;

    Failure(String path, int status, String domain, String reason, String retryAfter) {
      this.path = path;
      this.status = status;
      this.domain = domain;
      this.reason = reason;
      this.retryAfter = retryAfter;
    }
  }

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Serves paged lists of canned JSON items; the page token is the index of the page's first item. */
  private static final class Stub extends Dispatcher {
    final List<String> users = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final Map<String, List<String>> members = new HashMap<>();
    final Deque<Failure> failures = new ArrayDeque<>();
    final List<String> targets = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    final List<String> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokens = new AtomicInteger();

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      Failure failure = failures.peek();
      if (failure != null && path.equals(failure.path)) {
        failures.poll();
        String body = failure.domain == null
            ? "{\"error\":\"" + failure.reason + "\",\"error_description\":\"failure\"}"
            : "{\"error\":{\"code\":" + failure.status + ",\"message\":\"failure\",\"errors\":[{\"message\":\"failure\","
                + "\"domain\":\"" + failure.domain + "\",\"reason\":\"" + failure.reason + "\"}]}}";
        MockResponse.Builder response = new MockResponse.Builder().code(failure.status).body(body);
        if (failure.retryAfter != null) {
          response.addHeader("Retry-After", failure.retryAfter);
        }
        if (!path.equals("/token")) {
          record(request);
        }
        return response.build();
      }
      if (path.equals("/token")) {
        tokenRequests.add(request.getBody().utf8());
        return json("{\"access_token\":\"access-" + tokens.incrementAndGet()
            + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
      }
      record(request);
      String token = request.getUrl().queryParameter("pageToken");
      int from = token == null ? 0 : Integer.parseInt(token);
      int size = Integer.parseInt(request.getUrl().queryParameter("maxResults"));
      if (path.equals(USERS_PATH)) {
        return page("users", users, from, size);
      }
      if (path.equals(GROUPS_PATH)) {
        return page("groups", groups, from, size);
      }
      String key = URLDecoder.decode(path.substring(GROUPS_PATH.length() + 1, path.length() - "/members".length()),
          StandardCharsets.UTF_8);
      return page("members", members.getOrDefault(key, List.of()), from, size);
    }

    private void record(RecordedRequest request) {
      targets.add(request.getTarget());
      authorizations.add(request.getHeaders().get("Authorization"));
    }

    private static MockResponse page(String field, List<String> items, int from, int size) {
      int to = Math.min(items.size(), from + size);
      String next = to < items.size() ? ",\"nextPageToken\":\"" + to + "\"" : "";
      return json("{\"kind\":\"admin#directory#" + field + "\",\"" + field + "\":["
          + String.join(",", items.subList(from, to)) + "]" + next + "}");
    }

    private static MockResponse json(String body) {
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
  }
}
