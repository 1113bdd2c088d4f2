package dev.dbscim.client.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryLimits;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.google.FakeGoogleDirectory;
import dev.dbscim.testkit.google.FakeGoogleUser;
import dev.dbscim.testkit.google.RecordedGoogleRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class GoogleDirectorySourceFunctionalTest {
  private static final String ADMIN = "admin@example.com";
  private static final String ACCOUNT = "sync@project.iam.gserviceaccount.com";

  private final FakeClock clock = FakeClock.at(Instant.parse("2026-05-01T08:00:00Z"));
  private final FakeGoogleDirectory google = FakeGoogleDirectory.builder().clock(clock).build();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private static java.security.KeyPair keyPair;
  private String keyJson;

  @BeforeAll
  static void makeKey() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keyPair = generator.generateKeyPair();
  }

  @AfterEach
  void close() {
    google.close();
  }

  /** A key JSON for the shared key pair, registered with the given scopes. */
  private String key(List<String> scopes) {
    google.registerServiceAccount(ACCOUNT, keyPair.getPublic(), scopes);
    String pem = ("-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keyPair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n");
    return "{\"type\":\"service_account\",\"private_key\":\"" + pem + "\",\"client_email\":\"" + ACCOUNT
        + "\",\"token_uri\":\"" + google.tokenUrl() + "\"}";
  }

  private GoogleDirectorySource.Builder source() {
    if (keyJson == null) {
      keyJson = key(FakeGoogleDirectory.DIRECTORY_READ_SCOPES);
    }
    return GoogleDirectorySource.builder()
        .credentials(GoogleCredentials.serviceAccountKeyJson(keyJson, ADMIN))
        .baseUrl(google.baseUrl())
        .clock(clock)
        .sleeper(sleeps::add);
  }

  private void seedCompany() {
    google.addUser(FakeGoogleUser.builder(ADMIN).admin(true).orgUnitPath("/IT").build());
    google.addUser(FakeGoogleUser.builder("ada@example.com").name("Ada", "Lovelace").orgUnitPath("/Eng").build());
    google.addUser(FakeGoogleUser.builder("bob@example.com").name("Bob", "Builder").orgUnitPath("/Eng/Tools")
        .suspended(true).build());
    google.addUser(FakeGoogleUser.builder("cy@example.com").name("Cy", "Young").orgUnitPath("/Sales")
        .archived(true).build());
    google.addUser(FakeGoogleUser.builder("di@example.com").name("Di", "Prince").orgUnitPath("/Sales").build());
    google.addGroup("eng@example.com", "Engineering");
    google.addGroup("tools@example.com", "Tools");
    google.addGroup("all@example.com", "Everyone");
    google.addMembers("eng@example.com", "ada@example.com", "tools@example.com", "partner@other.org");
    google.addMembers("tools@example.com", "bob@example.com", "cy@example.com");
    google.addMembers("all@example.com", "eng@example.com", "di@example.com");
    google.addCustomerMember("all@example.com");
  }

  @Test
  void load_thousandsOfUsersOverManyPages_readsEveryUserAndMember() {
    google.addUser(FakeGoogleUser.builder(ADMIN).admin(true).build());
    google.addGroup("big@example.com", "Big");
    for (int i = 0; i < 3000; i++) {
      String email = "user" + i + "@example.com";
      google.addUser(FakeGoogleUser.builder(email).build());
      if (i % 7 == 0) {
        google.addMember("big@example.com", email);
      }
    }

    GoogleLoadReport report = source().userPageSize(100).build().loadWithReport();

    Directory directory = report.directory();
    assertThat(directory.users()).hasSize(3001);
    assertThat(directory.users().get(3000).userName()).isEqualTo("user2999@example.com");
    assertThat(directory.groups()).singleElement().satisfies(g -> assertThat(g.memberUsers()).hasSize(429));
    assertThat(directory.validate(DirectoryLimits.databricks())).isEmpty();
    assertThat(report.skippedMembers()).isEmpty();
    List<RecordedGoogleRequest> requests = google.recordedRequests();
    assertThat(requests).filteredOn(r -> r.path().endsWith("/users")).hasSize(31);
    assertThat(requests).filteredOn(r -> r.path().endsWith("/members")).hasSize(3);
    assertThat(requests).filteredOn(r -> r.path().equals("/token")).hasSize(1);
    assertThat(requests).allMatch(r -> r.status() == 200);
  }

  @Test
  void load_nestedGroupsInactiveAndExternalMembers_mapsAndReports() {
    seedCompany();

    GoogleLoadReport report = source().build().loadWithReport();

    Directory directory = report.directory();
    assertThat(directory.users()).extracting(DirectoryUser::userName, DirectoryUser::active).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ADMIN, true),
        org.assertj.core.groups.Tuple.tuple("ada@example.com", true),
        org.assertj.core.groups.Tuple.tuple("bob@example.com", false),
        org.assertj.core.groups.Tuple.tuple("cy@example.com", false),
        org.assertj.core.groups.Tuple.tuple("di@example.com", true));
    assertThat(directory.users().get(1)).isEqualTo(DirectoryUser.builder("ada@example.com")
        .displayName("Ada Lovelace").givenName("Ada").familyName("Lovelace")
        .externalId(directory.users().get(1).externalId().orElseThrow()).build());
    assertThat(directory.groups()).extracting(DirectoryGroup::displayName, DirectoryGroup::memberUsers,
        DirectoryGroup::memberGroups).containsExactly(
        org.assertj.core.groups.Tuple.tuple("eng@example.com", List.of("ada@example.com"),
            List.of("tools@example.com")),
        org.assertj.core.groups.Tuple.tuple("tools@example.com", List.of("bob@example.com", "cy@example.com"),
            List.of()),
        org.assertj.core.groups.Tuple.tuple("all@example.com", List.of("di@example.com"),
            List.of("eng@example.com")));
    assertThat(directory.validate(DirectoryLimits.databricks())).isEmpty();
    assertThat(report.skippedMembers()).extracting(SkippedMember::group, SkippedMember::memberType,
        SkippedMember::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("eng@example.com", "EXTERNAL", SkippedMember.Reason.EXTERNAL_MEMBER),
        org.assertj.core.groups.Tuple.tuple("all@example.com", "CUSTOMER", SkippedMember.Reason.CUSTOMER_MEMBER));
  }

  @Test
  void load_orgUnitAndGroupScopeWithSkippedInactive_keepsOnlyScopedPrincipals() {
    seedCompany();

    GoogleLoadReport report = source()
        .orgUnits("/Eng")
        .inactiveUsers(GoogleDirectorySource.InactiveUsers.SKIP)
        .groupEmails("eng@example.com", "all@example.com")
        .groupNames(GoogleDirectorySource.GroupNames.NAME)
        .build().loadWithReport();

    assertThat(report.directory().users()).extracting(DirectoryUser::userName).containsExactly("ada@example.com");
    assertThat(report.directory().groups()).extracting(DirectoryGroup::displayName, DirectoryGroup::memberUsers,
        DirectoryGroup::memberGroups).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Engineering", List.of("ada@example.com"), List.of()),
        org.assertj.core.groups.Tuple.tuple("Everyone", List.of(), List.of("Engineering")));
    assertThat(report.skippedMembers()).extracting(m -> m.memberEmail().orElse("-"), SkippedMember::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tools@example.com", SkippedMember.Reason.GROUP_NOT_IN_SCOPE),
            org.assertj.core.groups.Tuple.tuple("partner@other.org", SkippedMember.Reason.EXTERNAL_MEMBER),
            org.assertj.core.groups.Tuple.tuple("di@example.com", SkippedMember.Reason.USER_NOT_IN_SCOPE),
            org.assertj.core.groups.Tuple.tuple("-", SkippedMember.Reason.CUSTOMER_MEMBER));
    assertThat(report.usersSkipped()).isEqualTo(4);
    assertThat(report.groupsSkipped()).isEqualTo(1);
  }

  @Test
  void load_provisioningGroupAndServerQuery_keepTransitiveMembersThatMatch() {
    seedCompany();
    google.addGroup("databricks@example.com", "Databricks");
    google.addMembers("databricks@example.com", "eng@example.com", "di@example.com");

    GoogleLoadReport report = source().provisioningGroup("databricks@example.com").userQuery("isSuspended=false")
        .build().loadWithReport();

    assertThat(report.directory().users()).extracting(DirectoryUser::userName)
        .containsExactly("ada@example.com", "cy@example.com", "di@example.com");
    assertThat(report.warnings()).isEmpty();
    assertThat(google.recordedRequests()).anyMatch(r -> r.target().contains("includeDerivedMembership=true"));
  }

  @Test
  void load_provisioningGroupWithCustomerMember_provisionsEveryUserOfTheAccountAndWarns() {
    seedCompany();

    GoogleLoadReport report = source().provisioningGroup("all@example.com").userQuery("isSuspended=false").build()
        .loadWithReport();

    assertThat(report.directory().users()).extracting(DirectoryUser::userName)
        .containsExactly(ADMIN, "ada@example.com", "cy@example.com", "di@example.com");
    assertThat(report.warnings()).singleElement().asString()
        .startsWith("Provisioning group all@example.com has the CUSTOMER member " + google.customerId());
  }

  @Test
  void load_quotaErrorsMidway_areRetriedAndTheLoadCompletes() {
    seedCompany();
    google.failNext(Fault.status(403).times(2).on("GET", "/groups/[^/]+/members$"),
        FakeGoogleDirectory.RATE_LIMIT_EXCEEDED);
    google.failNext(Fault.status(429).retryAfter(Duration.ofSeconds(3)).on("GET", "/members$"));
    google.failNext(Fault.status(503).on("GET", "/members$"));

    Directory directory = source().retryPolicy(RetryPolicy.builder().maxAttempts(6).jitter(() -> 1.0)
        .baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(32)).build()).build().load();

    assertThat(directory.groups()).hasSize(3);
    assertThat(directory.groups().get(0).memberUsers()).containsExactly("ada@example.com");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
        Duration.ofSeconds(8));
    assertThat(google.recordedRequests()).extracting(RecordedGoogleRequest::status)
        .containsSubsequence(200, 403, 403, 429, 503, 200);
  }

  @Test
  void load_nonRetryableErrorOrNonAdminSubject_failsTyped() {
    seedCompany();
    google.failNext(Fault.status(404).on("GET", "/members$"));

    assertThatThrownBy(() -> source().build().load()).isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.reason()).contains("notFound");
      assertThat(e.retryable()).isFalse();
      assertThat(e.attempts()).isEqualTo(1);
    });
    assertThat(sleeps).isEmpty();

    GoogleDirectorySource asNonAdmin = source()
        .credentials(GoogleCredentials.serviceAccountKeyJson(keyJson, "ada@example.com")).build();
    assertThatThrownBy(asNonAdmin::load).isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.reason()).contains("forbidden");
      assertThat(e.getMessage()).contains("Not Authorized to access this resource/api");
    });
  }

  @Test
  void load_tokenEndpointRefusals_failTypedWithGoogleReasons() {
    seedCompany();
    GoogleDirectorySource.Builder builder = source();
    String narrow = key(List.of(FakeGoogleDirectory.DIRECTORY_READ_SCOPES.get(0)));

    GoogleDirectorySource undelegated = builder
        .credentials(GoogleCredentials.serviceAccountKeyJson(narrow, ADMIN)).build();
    GoogleDirectorySource unknownSubject = builder
        .credentials(GoogleCredentials.serviceAccountKeyJson(narrow, "nobody@example.com")).build();

    assertThatThrownBy(undelegated::load).isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.reason()).contains("unauthorized_client");
    });
    assertThatThrownBy(unknownSubject::load).isInstanceOfSatisfying(GoogleDirectoryException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.reason()).contains("invalid_grant");
      assertThat(e.getMessage()).contains("Invalid email or User ID");
    });
  }

  @Test
  void load_afterTokenExpiry_fetchesANewTokenBeforeTheOldOneIsRefused() {
    seedCompany();
    GoogleDirectorySource source = source().build();

    source.load();
    clock.advance(Duration.ofMinutes(30));
    source.load();
    clock.advance(Duration.ofMinutes(30));
    source.load();

    List<RecordedGoogleRequest> requests = google.recordedRequests();
    assertThat(requests).filteredOn(r -> r.path().equals("/token")).hasSize(2);
    assertThat(requests).allMatch(r -> r.status() == 200);
    assertThat(google.accessTokensIssued()).isEqualTo(2);
  }

  @Test
  void load_tokenRevokedEarly_refreshesOnceAfter401() {
    seedCompany();
    GoogleDirectorySource source = source().build();
    source.load();
    google.revokeAccessTokens();
    clock.advance(Duration.ofMinutes(10));

    Directory directory = source.load();

    assertThat(directory.users()).hasSize(5);
    assertThat(google.recordedRequests()).extracting(RecordedGoogleRequest::status).containsSubsequence(401, 200);
    assertThat(google.accessTokensIssued()).isEqualTo(2);
  }

  @Test
  void recordedRequests_tokensAndAssertions_areRedacted() {
    seedCompany();
    source().build().load();
    String direct = google.issueAccessToken(ADMIN);

    List<RecordedGoogleRequest> requests = google.recordedRequests();
    String dump = requests.stream().map(r -> r.headers() + " " + r.body() + " " + r.target())
        .collect(Collectors.joining("\n"));
    assertThat(requests.get(0).body()).isEqualTo(
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=****");
    assertThat(requests.get(1).header("Authorization")).contains("Bearer ****");
    assertThat(dump).doesNotContain("ya29", "eyJ", direct);
  }

  @Test
  void load_readyAccessToken_readsWithoutTokenEndpoint() {
    seedCompany();
    String token = google.issueAccessToken(ADMIN);

    Directory directory = GoogleDirectorySource.builder().credentials(GoogleCredentials.accessToken(token))
        .baseUrl(google.baseUrl()).domain("example.com").build().load();

    assertThat(directory.users()).hasSize(5);
    assertThat(google.recordedRequests()).noneMatch(r -> r.path().equals("/token"));
  }
}
