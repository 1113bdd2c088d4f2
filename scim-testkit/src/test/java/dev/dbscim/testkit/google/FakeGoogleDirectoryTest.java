package dev.dbscim.testkit.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.Fault;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeGoogleDirectoryTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String AUD = FakeGoogleDirectory.TOKEN_AUDIENCE;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static KeyPair pair;
  private static KeyPair other;

  private final FakeClock clock = FakeClock.at(Instant.parse("2026-05-01T08:00:00Z"));
  private final FakeGoogleDirectory google = FakeGoogleDirectory.builder().clock(clock).build();

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    pair = generator.generateKeyPair();
    other = generator.generateKeyPair();
  }

  @AfterEach
  void close() {
    google.close();
  }

  @Test
  void token_validJwt_issuesExpiringToken_andBadOnesAreRefusedLikeGoogle() throws Exception {
    google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
    google.registerServiceAccount("sa@p", pair.getPublic());
    long now = clock.instant().getEpochSecond();

    JsonNode ok = body(postToken(jwt(pair, "sa@p", "admin@example.com", AUD, now, now + 3600)),
        200);
    assertThat(ok.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(ok.get("expires_in").asLong()).isEqualTo(3599);
    String token = ok.get("access_token").asText();
    assertThat(body(get("/admin/directory/v1/users?customer=my_customer", token), 200).get("users")).hasSize(1);
    clock.advance(Duration.ofHours(1));
    assertThat(body(get("/admin/directory/v1/users?customer=my_customer", token), 401)
        .at("/error/errors/0/reason").asText()).isEqualTo("authError");

    now = clock.instant().getEpochSecond();
    assertThat(body(postToken(jwt(other, "sa@p", "admin@example.com", AUD, now, now + 60)),
        400).get("error_description").asText()).isEqualTo("Invalid JWT Signature.");
    assertThat(body(postToken(jwt(pair, "sa@p", "admin@example.com", "https://elsewhere/token", now, now + 60)), 400)
        .get("error").asText()).isEqualTo("invalid_grant");
    assertThat(body(postToken(jwt(pair, "sa@p", "admin@example.com", google.tokenUrl().toString(), now, now + 60)),
        400).get("error_description").asText()).isEqualTo("Invalid JWT: aud must be " + AUD);
    assertThat(body(postToken(jwt(pair, "sa@p", "admin@example.com", AUD, now, now + 7200)),
        400).get("error_description").asText()).contains("short-lived");
    assertThat(body(postToken(jwt(pair, "sa@p", "ghost@example.com", AUD, now, now + 60)),
        400).get("error_description").asText()).isEqualTo("Invalid email or User ID");
    assertThat(body(postToken(jwt(pair, "who@p", "admin@example.com", AUD, now, now + 60)),
        400).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void lists_realPagingAndGoogleShapedErrors() throws Exception {
    google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
    for (int i = 0; i < 5; i++) {
      google.addUser(FakeGoogleUser.builder("u" + i + "@example.com").build());
    }
    google.addGroup("g@example.com", "G");
    String token = google.issueAccessToken("admin@example.com");

    JsonNode first = body(get("/admin/directory/v1/users?customer=my_customer&maxResults=4", token), 200);
    JsonNode second = body(get("/admin/directory/v1/users?customer=my_customer&maxResults=4&pageToken="
        + first.get("nextPageToken").asText(), token), 200);
    JsonNode members = body(get("/admin/directory/v1/groups/g%40example.com/members", token), 200);

    assertThat(first.get("users")).hasSize(4);
    assertThat(second.get("users")).hasSize(2);
    assertThat(second.has("nextPageToken")).isFalse();
    assertThat(members.has("members")).isFalse();
    assertThat(members.get("kind").asText()).isEqualTo("admin#directory#members");
    JsonNode tooMany = body(get("/admin/directory/v1/users?customer=my_customer&maxResults=501", token), 400);
    assertThat(tooMany.at("/error/message").asText()).isEqualTo(
        "Invalid value '501'. Values must be within the range: [1, 500]");
    assertThat(body(get("/admin/directory/v1/groups/nope@example.com/members", token), 404)
        .at("/error/errors/0/reason").asText()).isEqualTo("notFound");
    assertThat(body(get("/admin/directory/v1/groups", token), 400).at("/error/status").asText())
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(body(get("/admin/directory/v1/users?customer=C999", token), 403).at("/error/errors/0/reason")
        .asText()).isEqualTo("forbidden");
  }

  @Test
  void usersQuery_followsGooglesSearchSyntax() throws Exception {
    google.addUser(FakeGoogleUser.builder("admin@example.com").name("Root", "Admin").admin(true).build());
    google.addUser(FakeGoogleUser.builder("ada.lovelace@example.com").name("Ada", "Lovelace")
        .aliases("ada@example.com", "countess@example.org").build());
    google.addUser(FakeGoogleUser.builder("adam@example.com").name("Adam", "Smith").orgUnitPath("/Eng/Tools").build());
    google.addUser(FakeGoogleUser.builder("bob@example.com").name("Bob", "Builder").suspended(true).build());
    String token = google.issueAccessToken("admin@example.com");

    assertThat(emails(token, "email:lovelace")).containsExactly("ada.lovelace@example.com");
    assertThat(emails(token, "email=ada@example.com")).containsExactly("ada.lovelace@example.com");
    assertThat(emails(token, "email=ADAM@example.com")).containsExactly("adam@example.com");
    assertThat(emails(token, "email:countess*")).containsExactly("ada.lovelace@example.com");
    assertThat(emails(token, "email:ada*")).containsExactly("ada.lovelace@example.com", "adam@example.com");
    assertThat(emails(token, "givenName:ada")).containsExactly("ada.lovelace@example.com", "adam@example.com");
    assertThat(emails(token, "givenName=Ada")).containsExactly("ada.lovelace@example.com");
    assertThat(emails(token, "familyName:uild")).containsExactly("bob@example.com");
    assertThat(emails(token, "name:'Ada Lovelace'")).containsExactly("ada.lovelace@example.com");
    assertThat(emails(token, "name='adam smith' isSuspended=false")).containsExactly("adam@example.com");
    assertThat(emails(token, "orgUnitPath=/Eng isAdmin=false")).containsExactly("adam@example.com");
    assertThat(emails(token, "isSuspended=true")).containsExactly("bob@example.com");
    assertThat(body(get(usersWithQuery("isSuspended:true"), token), 400).at("/error/errors/0/reason").asText())
        .isEqualTo("invalid");
    assertThat(body(get(usersWithQuery("nickname=x"), token), 400).at("/error/errors/0/reason").asText())
        .isEqualTo("invalid");
  }

  private java.util.List<String> emails(String token, String query) throws Exception {
    java.util.List<String> emails = new java.util.ArrayList<>();
    for (JsonNode user : body(get(usersWithQuery(query), token), 200).path("users")) {
      emails.add(user.get("primaryEmail").asText());
    }
    return emails;
  }

  private static String usersWithQuery(String query) {
    return "/admin/directory/v1/users?customer=my_customer&query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void failNext_quotaReasonAndDisconnect_areServedThenCleared() throws Exception {
    google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
    String token = google.issueAccessToken("admin@example.com");
    google.failNext(Fault.status(403).on("GET", "/users$"), FakeGoogleDirectory.RATE_LIMIT_EXCEEDED);
    google.failNext(Fault.status(503).retryAfter(Duration.ofSeconds(2)).on("GET", "/groups$"));

    HttpResponse<String> quota = get("/admin/directory/v1/users?customer=my_customer", token);
    HttpResponse<String> unavailable = get("/admin/directory/v1/groups?customer=my_customer", token);
    HttpResponse<String> after = get("/admin/directory/v1/users?customer=my_customer", token);

    assertThat(body(quota, 403).at("/error/errors/0").toString())
        .contains("\"domain\":\"usageLimits\"", "\"reason\":\"rateLimitExceeded\"");
    assertThat(body(unavailable, 503).at("/error/errors/0/reason").asText()).isEqualTo("backendError");
    assertThat(unavailable.headers().firstValue("Retry-After")).contains("2");
    assertThat(after.statusCode()).isEqualTo(200);

    google.failNext(Fault.disconnect().times(2));
    assertThatThrownBy(() -> get("/admin/directory/v1/users?customer=my_customer", token))
        .isInstanceOf(IOException.class);
    assertThat(google.recordedRequests()).extracting(RecordedGoogleRequest::status).endsWith(0, 0);
  }

  private HttpResponse<String> get(String target, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(google.baseUrl().resolve(target))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postToken(String assertion) throws Exception {
    String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
        StandardCharsets.UTF_8) + "&assertion=" + assertion;
    return HTTP.send(HttpRequest.newBuilder(google.tokenUrl())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return MAPPER.readTree(response.body());
  }

  private static String jwt(KeyPair keys, String iss, String sub, String aud, long iat, long exp) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claims = MAPPER.createObjectNode().put("iss", iss).put("sub", sub).put("aud", aud)
        .put("scope", String.join(" ", FakeGoogleDirectory.DIRECTORY_READ_SCOPES)).put("iat", iat).put("exp", exp)
        .toString();
    String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(keys.getPrivate());
    signer.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(signer.sign());
  }

}
