package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint family of the fake, called with every kind of refused credential, is refused the way the real
 * service refuses it (docs/databricks-scim.md sections 5.1 and 7, go-sdk #873/#795): no token 401
 * {@code {"error_code":401,"message":"Credential was not sent..."}}; an invalid or expired token 401 on the account
 * host but 403 {@code {"error_code":403,"message":"Invalid access token."}} on a workspace host, both with
 * {@code X-Databricks-Reason-Phrase}; a plain user's writes and by-id reads 403 "... is only accessible by admins"
 * (SCIM error); a workspace admin's writes through the account-identities domain 403 "... only accessible by account
 * admins"; non-admin permission assignments 403 {@code PERMISSION_DENIED}.
 */
@Timeout(30)
class FakeScimAccessRulesTest {
  enum Token { NONE, WRONG, EXPIRED_ACCOUNT, PLAIN_USER, WORKSPACE_ADMIN, ACCOUNT }

  enum Refusal {
    MISSING(401, "Credential was not sent or was of an unsupported type for this API."),
    INVALID_ACCOUNT(401, "Invalid access token."),
    INVALID_WORKSPACE(403, "Invalid access token."),
    ADMINS_ONLY(403, "is only accessible by admins"),
    ACCOUNT_ADMINS_ONLY(403, "is only accessible by account admins"),
    ASSIGNMENTS_ADMINS_ONLY(403, "Only workspace admins can manage permission assignments.");

    final int status;
    final String message;

    Refusal(int status, String message) {
      this.status = status;
      this.message = message;
    }
  }

  static final String ACCOUNT_SCIM = "/api/2.0/accounts/{account}/scim/v2";
  static final String WORKSPACE_SCIM = "/api/2.0/preview/scim/v2";
  static final String IDENTITIES = "/api/2.0/account/scim/v2";
  static final String USER_BODY = "{\"userName\":\"eve@example.com\"}";
  static final String GROUP_BODY = "{\"displayName\":\"eve-group\"}";
  static final String PATCH_BODY = "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}";
  static final String ASSIGN_BODY = "{\"permissions\":[\"USER\"]}";

  /** Endpoint families: host (true = account host), method, path, body. */
  static final Object[][] ACCOUNT_ENDPOINTS = {
      {"GET", ACCOUNT_SCIM + "/Users", null}, {"POST", ACCOUNT_SCIM + "/Users", USER_BODY},
      {"GET", ACCOUNT_SCIM + "/Users/{user}", null}, {"DELETE", ACCOUNT_SCIM + "/Users/{user}", null},
      {"GET", ACCOUNT_SCIM + "/Groups", null}, {"POST", ACCOUNT_SCIM + "/Groups", GROUP_BODY},
      {"PATCH", ACCOUNT_SCIM + "/Groups/{group}", PATCH_BODY}, {"GET", ACCOUNT_SCIM + "/ServicePrincipals", null},
      {"POST", ACCOUNT_SCIM + "/ServicePrincipals", "{\"displayName\":\"etl\"}"},
      {"GET", "/api/2.0/accounts/{account}/workspaces/{workspace}/permissionassignments", null},
      {"PUT", "/api/2.0/accounts/{account}/workspaces/{workspace}/permissionassignments/principals/{user}",
          ASSIGN_BODY}};
  static final Object[][] WORKSPACE_ENDPOINTS = {
      {"GET", WORKSPACE_SCIM + "/Users", null}, {"POST", WORKSPACE_SCIM + "/Users", USER_BODY},
      {"GET", WORKSPACE_SCIM + "/Groups", null}, {"GET", WORKSPACE_SCIM + "/Groups/{wsgroup}", null},
      {"POST", WORKSPACE_SCIM + "/Groups", GROUP_BODY}, {"PATCH", WORKSPACE_SCIM + "/Groups/{wsgroup}", PATCH_BODY},
      {"DELETE", WORKSPACE_SCIM + "/Groups/{wsgroup}", null}, {"GET", WORKSPACE_SCIM + "/ServicePrincipals", null},
      {"POST", WORKSPACE_SCIM + "/ServicePrincipals", "{\"displayName\":\"etl\"}"}, {"GET", WORKSPACE_SCIM + "/Me", null},
      {"GET", "/api/2.0/preview/permissionassignments", null},
      {"PUT", "/api/2.0/preview/permissionassignments/principals/{user}", ASSIGN_BODY},
      {"GET", IDENTITIES + "/Groups", null}, {"GET", IDENTITIES + "/Users/{user}", null},
      {"POST", IDENTITIES + "/Users", USER_BODY}, {"POST", IDENTITIES + "/Groups", GROUP_BODY},
      {"PATCH", IDENTITIES + "/Groups/{group}", PATCH_BODY}, {"PUT", IDENTITIES + "/Users/{user}", USER_BODY},
      {"DELETE", IDENTITIES + "/Users/{user}", null}};

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] endpoint : ACCOUNT_ENDPOINTS) {
      cases.add(Arguments.of(true, endpoint[0], endpoint[1], endpoint[2], Token.NONE, Refusal.MISSING));
      cases.add(Arguments.of(true, endpoint[0], endpoint[1], endpoint[2], Token.WRONG, Refusal.INVALID_ACCOUNT));
      cases.add(Arguments.of(true, endpoint[0], endpoint[1], endpoint[2], Token.EXPIRED_ACCOUNT,
          Refusal.INVALID_ACCOUNT));
      cases.add(Arguments.of(true, endpoint[0], endpoint[1], endpoint[2], Token.PLAIN_USER, Refusal.INVALID_ACCOUNT));
      cases.add(Arguments.of(true, endpoint[0], endpoint[1], endpoint[2], Token.WORKSPACE_ADMIN,
          Refusal.INVALID_ACCOUNT));
    }
    for (Object[] endpoint : WORKSPACE_ENDPOINTS) {
      String method = (String) endpoint[0];
      String path = (String) endpoint[1];
      cases.add(Arguments.of(false, method, path, endpoint[2], Token.NONE, Refusal.MISSING));
      cases.add(Arguments.of(false, method, path, endpoint[2], Token.WRONG, Refusal.INVALID_WORKSPACE));
      cases.add(Arguments.of(false, method, path, endpoint[2], Token.EXPIRED_ACCOUNT, Refusal.INVALID_WORKSPACE));
      cases.add(Arguments.of(false, method, path, endpoint[2], Token.ACCOUNT, Refusal.INVALID_WORKSPACE));
      Refusal plainUser = plainUserRefusal(method, path);
      if (plainUser != null) {
        cases.add(Arguments.of(false, method, path, endpoint[2], Token.PLAIN_USER, plainUser));
      }
      // A workspace admin may read account identities through the workspace domain, and (as the fake models it) add
      // users and service principals there; every other write is for account admins.
      boolean adminCreate = method.equals("POST") && !path.endsWith("/Groups");
      if (path.startsWith(IDENTITIES) && !method.equals("GET") && !adminCreate) {
        cases.add(Arguments.of(false, method, path, endpoint[2], Token.WORKSPACE_ADMIN, Refusal.ACCOUNT_ADMINS_ONLY));
      }
    }
    return cases.stream();
  }

  /** What a plain workspace user is refused, or null where it is allowed (lists and /Me). */
  static Refusal plainUserRefusal(String method, String path) {
    if (path.contains("permissionassignments")) {
      return Refusal.ASSIGNMENTS_ADMINS_ONLY;
    }
    if (path.startsWith(IDENTITIES)) {
      return Refusal.ADMINS_ONLY;
    }
    boolean list = !path.contains("{") && !path.endsWith("/Me");
    if (path.endsWith("/Me") || (list && method.equals("GET"))) {
      return null;
    }
    return Refusal.ADMINS_ONLY;
  }

  @ParameterizedTest(name = "{4} {1} {2} -> {5}")
  @MethodSource("cases")
  void request_refusedCredential_isRefusedLikeTheRealService(boolean accountHost, String method, String path,
      String body, Token token, Refusal refusal) {
    FakeClock clock = FakeClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    try (FakeScimServer scim = FakeScimServer.builder().clock(clock).build()) {
      scim.start();
      FakeWorkspace workspace = scim.workspace(0);
      User user = scim.state().seed(User.builder().userName("ada@example.com").build());
      Group group = scim.state().seed(Group.builder().displayName("account-eng").build());
      Group workspaceGroup = scim.state().seed(workspace.id(), Group.builder().displayName("ws-eng").build());
      String resolved = path.replace("{account}", scim.accountId()).replace("{workspace}", Long.toString(workspace.id()))
          .replace("{user}", user.id().orElseThrow()).replace("{group}", group.id().orElseThrow())
          .replace("{wsgroup}", workspaceGroup.id().orElseThrow());
      String credential = credential(scim, clock, token);
      int users = scim.state().userCount();
      int groups = scim.state().groupCount();
      int servicePrincipals = scim.state().servicePrincipalCount();
      URI uri = (accountHost ? scim.url() : workspace.url()).resolve(resolved);

      Http.Reply reply = Http.send(method, uri, credential, body);

      assertThat(reply.status).as(reply.text).isEqualTo(refusal.status);
      switch (refusal) {
        case MISSING:
        case INVALID_ACCOUNT:
        case INVALID_WORKSPACE:
          assertThat(reply.json.get("error_code").isInt()).as(reply.text).isTrue();
          assertThat(reply.json.get("error_code").asInt()).isEqualTo(refusal.status);
          assertThat(reply.json.get("message").asText()).isEqualTo(refusal.message);
          assertThat(reply.json.has("schemas")).isFalse();
          assertThat(reply.headers.firstValue("X-Databricks-Reason-Phrase")).hasValue(refusal.message);
          break;
        case ASSIGNMENTS_ADMINS_ONLY:
          assertThat(reply.json.get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
          assertThat(reply.json.get("message").asText()).isEqualTo(refusal.message);
          break;
        default:
          assertThat(reply.json.get("schemas").get(0).asText())
              .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
          assertThat(reply.json.get("status").asText()).isEqualTo("403");
          assertThat(reply.json.get("detail").asText()).endsWith(refusal.message)
              .startsWith(resolved.substring(4));
      }
      if (credential != null) {
        assertThat(reply.text).doesNotContain(credential);
      }
      assertThat(scim.state().userCount()).isEqualTo(users);
      assertThat(scim.state().groupCount()).isEqualTo(groups);
      assertThat(scim.state().servicePrincipalCount()).isEqualTo(servicePrincipals);
      assertThat(scim.state().group(workspaceGroup.id().orElseThrow()).orElseThrow().displayName()).isEqualTo("ws-eng");
      assertThat(scim.state().group(group.id().orElseThrow()).orElseThrow().displayName()).isEqualTo("account-eng");
    }
  }

  static String credential(FakeScimServer scim, FakeClock clock, Token token) {
    switch (token) {
      case NONE:
        return null;
      case WRONG:
        return "dapi-not-a-token-0000";
      case EXPIRED_ACCOUNT:
        String old = scim.accountToken();
        scim.rotateAccountToken();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        return old;
      case PLAIN_USER:
        return scim.workspace(0).userToken();
      case WORKSPACE_ADMIN:
        return scim.workspace(0).adminToken();
      default:
        return scim.accountToken();
    }
  }
}
