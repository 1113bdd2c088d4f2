package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake's state API as a test author uses it: lists, counts with and without the built-ins, lookups by id. */
@Timeout(10)
class FakeScimStateTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  @Test
  void listsAndCounts_freshFake_areEmptyUnlessTheyIncludeBuiltIns() {
    FakeScimState state = scim.state();
    long workspaceId = scim.workspaces().get(0).id();

    assertThat(state.users()).isEmpty();
    assertThat(state.groups()).isEmpty();
    assertThat(state.servicePrincipals()).isEmpty();
    assertThat(state.userCount()).isZero();
    assertThat(state.groupCount()).isZero();
    assertThat(state.servicePrincipalCount()).isZero();
    assertThat(state.localUserCount(workspaceId)).isZero();
    assertThat(state.localGroupCount(workspaceId)).isZero();
    assertThat(state.userCountIncludingBuiltIns()).isEqualTo(2);
    assertThat(state.groupCountIncludingBuiltIns()).isEqualTo(1);
    assertThat(state.localUserCountIncludingBuiltIns(workspaceId)).isZero();
    assertThat(state.localGroupCountIncludingBuiltIns(workspaceId)).isEqualTo(2);
  }

  @Test
  void lists_afterRequestsCreate_holdOnlyThoseOldestFirstAndAreImmutable() {
    String adaId = Http.account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();
    Http.account(scim, "POST", "/Users", "{\"userName\":\"bo@example.com\"}");
    String engId = Http.account(scim, "POST", "/Groups",
        "{\"displayName\":\"eng\",\"members\":[{\"value\":\"" + adaId + "\"}]}").json.get("id").asText();
    Http.account(scim, "POST", "/ServicePrincipals", "{\"displayName\":\"etl\"}");
    User ada = scim.state().user(adaId).orElseThrow();

    FakeScimState state = scim.state();

    assertThat(state.users()).extracting(User::userName).containsExactly("ada@example.com", "bo@example.com");
    assertThat(state.groups()).extracting(Group::displayName).containsExactly("eng");
    assertThat(state.groups().get(0).members()).extracting(ComplexValue::value).containsExactly(ada.id());
    assertThat(state.servicePrincipals()).extracting(sp -> sp.displayName().orElseThrow()).containsExactly("etl");
    assertThat(state.userCount()).isEqualTo(2).isEqualTo(state.users().size());
    assertThat(state.groupCount()).isEqualTo(1);
    assertThat(state.servicePrincipalCount()).isEqualTo(1);
    assertThat(state.userCountIncludingBuiltIns()).isEqualTo(4);
    assertThat(state.group(engId)).map(Group::displayName).hasValue("eng");
    assertThatThrownBy(() -> state.users().add(ada)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> state.groups().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void userAndGroup_unknownOrOtherKindOfId_areBothEmpty() {
    User ada = scim.state().seed(User.builder().userName("ada@example.com").build());
    Group eng = scim.state().seed(Group.builder().displayName("eng").build());

    assertThat(scim.state().user("no-such-id")).isEmpty();
    assertThat(scim.state().group("no-such-id")).isEmpty();
    assertThat(scim.state().user(eng.id().orElseThrow())).isEmpty();
    assertThat(scim.state().group(ada.id().orElseThrow())).isEmpty();
    assertThat(scim.state().user(ada.id().orElseThrow())).map(User::userName).hasValue("ada@example.com");
  }

  @Test
  void counts_nonFederatedWorkspaceAndReset_leaveTheBuiltInsOut() {
    try (FakeScimServer local = FakeScimServer.builder().nonFederatedWorkspaces(1).build().start()) {
      long workspaceId = local.workspaces().get(0).id();
      local.state().seed(workspaceId, User.builder().userName("ada@example.com").build());
      local.state().seed(User.builder().userName("bo@example.com").build());

      assertThat(local.state().localUserCount(workspaceId)).isEqualTo(1);
      assertThat(local.state().localUserCountIncludingBuiltIns(workspaceId)).isEqualTo(3);
      assertThat(local.state().userCount()).isEqualTo(1);
      assertThat(local.state().userCountIncludingBuiltIns()).isEqualTo(1);

      local.reset();

      assertThat(local.state().localUserCount(workspaceId)).isZero();
      assertThat(local.state().localUserCountIncludingBuiltIns(workspaceId)).isEqualTo(2);
      assertThat(local.state().users()).isEmpty();
    }
  }

  @Test
  void scimPath_accountAndWorkspaceCalls_isThePathBelowTheScimBase() {
    FakeWorkspace workspace = scim.workspaces().get(0);
    String id = Http.account(scim, "POST", "/Users", "{\"userName\":\"ada@example.com\"}").json.get("id").asText();
    Http.workspace(scim, 0, "GET", "/Users/" + id, null);
    Http.send("GET", workspace.url().resolve("/api/2.0/account/scim/v2/Users/" + id), workspace.adminToken(), null);
    Http.send("GET", workspace.url().resolve("/api/2.0/preview/permissionassignments"), workspace.adminToken(), null);
    Http.account(scim, "GET", "/Users?startIndex=1&count=10", null);

    assertThat(scim.recordedRequests()).extracting(RecordedCall::scimPath).containsExactly(
        Optional.of("/Users"), Optional.of("/Users/" + scimUserId()), Optional.of("/Users/" + scimUserId()),
        Optional.empty(), Optional.of("/Users"));
    assertThat(scim.recordedRequests().get(0).path()).endsWith("/scim/v2/Users");
  }

  private String scimUserId() {
    return scim.state().userByName("ada@example.com").orElseThrow().id().orElseThrow();
  }
}
