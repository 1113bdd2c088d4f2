package dev.dbscim.testkit.perf;

import static dev.dbscim.testkit.ProbeHttp.account;
import static dev.dbscim.testkit.ProbeHttp.json;
import static dev.dbscim.testkit.ProbeHttp.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.ProbeHttp;
import dev.dbscim.testkit.RecordedCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads are served from cached renderings: every change must still show in the next read. */
@Timeout(10)
class CachedReadTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private static String filter(String expression) {
    try {
      return "?filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8.name()).replace("+", "%20");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> userNames(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("Resources").forEach(resource -> names.add(resource.get("userName").asText()));
    return names;
  }

  private static List<String> groupNames(JsonNode resource) {
    List<String> names = new ArrayList<>();
    resource.path("groups").forEach(group -> names.add(group.get("display").asText()));
    return names;
  }

  private String seedUser(String userName) {
    return scim.state().seed(User.builder().userName(userName).displayName(userName).build()).id().get();
  }

  @Test
  void getById_afterMembershipRenameAndDelete_showsEachChange() {
    String ada = seedUser("ada@example.com");
    // every account user is a direct member of the built-in "account users" group
    assertThat(groupNames(json(account(scim, "GET", "/Users/" + ada, null)))).containsExactly("account users");

    String created = account(scim, "POST", "/Groups",
        "{\"displayName\":\"eng\",\"members\":[{\"value\":\"" + ada + "\"}]}").body();
    String group = ProbeHttp.json(account(scim, "GET", "/Groups" + filter("displayName eq \"eng\""), null))
        .at("/Resources/0/id").asText();
    assertThat(created).contains("eng");
    assertThat(groupNames(json(account(scim, "GET", "/Users/" + ada, null))))
        .containsExactly("account users", "eng");

    account(scim, "PATCH", "/Groups/" + group,
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"engineering\"}]}");
    assertThat(groupNames(json(account(scim, "GET", "/Users/" + ada, null))))
        .containsExactly("account users", "engineering");

    assertThat(account(scim, "DELETE", "/Groups/" + group, null).statusCode()).isEqualTo(204);
    assertThat(groupNames(json(account(scim, "GET", "/Users/" + ada, null)))).containsExactly("account users");
    assertThat(account(scim, "GET", "/Groups/" + group, null).statusCode()).isEqualTo(404);
  }

  @Test
  void getById_afterStateApiChange_showsTheChange() {
    String ada = seedUser("ada@example.com");
    Group eng = scim.state().seed(Group.builder().displayName("eng").build());
    assertThat(json(account(scim, "GET", "/Groups/" + eng.id().get(), null)).has("members")).isFalse();

    scim.state().addMember(eng.id().get(), ada);

    assertThat(json(account(scim, "GET", "/Groups/" + eng.id().get(), null)).at("/members/0/value").asText())
        .isEqualTo(ada);
  }

  @Test
  void list_afterCreateReplaceAndDelete_showsEachChange() {
    String ada = seedUser("ada@example.com");
    assertThat(json(account(scim, "GET", "/Users", null)).get("totalResults").asInt()).isEqualTo(3);

    account(scim, "POST", "/Users", "{\"userName\":\"bob@example.com\"}");
    JsonNode afterCreate = json(account(scim, "GET", "/Users", null));
    account(scim, "PUT", "/Users/" + ada, "{\"userName\":\"ada@example.com\",\"displayName\":\"Ada L\"}");
    JsonNode afterReplace = json(account(scim, "GET", "/Users" + filter("userName eq \"ada@example.com\""), null));
    account(scim, "DELETE", "/Users/" + ada, null);
    JsonNode afterDelete = json(account(scim, "GET", "/Users", null));

    assertThat(userNames(afterCreate)).contains("ada@example.com", "bob@example.com").hasSize(4);
    assertThat(afterReplace.at("/Resources/0/displayName").asText()).isEqualTo("Ada L");
    assertThat(userNames(afterDelete)).doesNotContain("ada@example.com").contains("bob@example.com");
  }

  @Test
  void list_pages_areValidEnvelopesWithTheRightSlice() {
    for (int i = 0; i < 12; i++) {
      seedUser(String.format("u%02d@example.com", i));
    }

    JsonNode page = json(account(scim, "GET", "/Users?startIndex=4&count=5", null));
    JsonNode past = json(account(scim, "GET", "/Users?startIndex=100&count=5", null));

    assertThat(page.get("totalResults").asInt()).isEqualTo(14);
    assertThat(page.get("itemsPerPage").asInt()).isEqualTo(5);
    assertThat(page.get("startIndex").asInt()).isEqualTo(4);
    assertThat(page.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(userNames(page)).containsExactly(
        "u01@example.com", "u02@example.com", "u03@example.com", "u04@example.com", "u05@example.com");
    assertThat(past.has("Resources")).isFalse();
    assertThat(past.get("itemsPerPage").asInt()).isZero();
  }

  @Test
  void list_cachedAndProjectedPages_carryTheSameResources() {
    seedUser("ada@example.com");

    JsonNode plain = json(account(scim, "GET", "/Users" + filter("userName eq \"ada@example.com\""), null));
    // any excludedAttributes takes the projected (uncached) path; ada has no roles, so nothing is removed
    JsonNode excluded = json(account(scim, "GET",
        "/Users" + filter("userName eq \"ada@example.com\"") + "&excludedAttributes=roles", null));

    assertThat(groupNames(plain.at("/Resources/0"))).containsExactly("account users");
    assertThat(excluded).isEqualTo(plain);
  }

  @Test
  void userNameFilter_matchesCaseInsensitivelyAndWithTheSchemaUrn() {
    seedUser("ada@example.com");

    JsonNode upper = json(account(scim, "GET", "/Users" + filter("userName eq \"ADA@Example.COM\""), null));
    JsonNode urn = json(account(scim, "GET",
        "/Users" + filter("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"ada@example.com\""), null));
    JsonNode none = json(account(scim, "GET", "/Users" + filter("userName eq \"bob@example.com\""), null));

    assertThat(userNames(upper)).containsExactly("ada@example.com");
    assertThat(userNames(urn)).containsExactly("ada@example.com");
    assertThat(none.get("totalResults").asInt()).isZero();
  }

  @Test
  void userNameFilter_nonAsciiName_isStillFound() {
    seedUser("zoë@example.com");

    JsonNode found = json(account(scim, "GET", "/Users" + filter("userName eq \"ZOË@example.com\""), null));

    assertThat(userNames(found)).containsExactly("zoë@example.com");
  }

  @Test
  void userNameFilter_inAFederatedWorkspace_findsOnlyAssignedUsers() {
    seedUser("ada@example.com");

    JsonNode unassigned = json(workspace(scim, "GET", "/Users" + filter("userName eq \"ada@example.com\""), null));
    JsonNode tokenOwner = json(workspace(scim, "GET", "/Users" + filter("userName eq \"admin-1001@example.com\""),
        null));

    assertThat(unassigned.get("totalResults").asInt()).isZero();
    assertThat(userNames(tokenOwner)).containsExactly("admin-1001@example.com");
  }

  @Test
  void getById_afterAProjectedRead_stillReturnsEveryAttribute() {
    String ada = scim.state().seed(User.builder().userName("ada@example.com")
        .name(dev.dbscim.core.model.Name.builder().givenName("Ada").familyName("Lovelace").build()).build())
        .id().get();
    JsonNode before = json(account(scim, "GET", "/Users/" + ada, null));

    json(account(scim, "GET", "/Users/" + ada + "?attributes=name,name.givenName", null));
    json(account(scim, "GET", "/Users/" + ada + "?excludedAttributes=name.familyName", null));

    assertThat(json(account(scim, "GET", "/Users/" + ada, null))).isEqualTo(before);
    assertThat(before.at("/name/familyName").asText()).isEqualTo("Lovelace");
  }

  @Test
  void journal_keepsHeadersByNameWithCredentialsRedacted() {
    account(scim, "GET", "/Users", null);

    RecordedCall call = scim.recordedRequests().get(0);

    assertThat(call.header("authorization")).hasValue("****");
    assertThat(call.headers().keySet()).anyMatch(name -> name.equalsIgnoreCase("Host"));
    assertThat(call.headers().toString()).doesNotContain(scim.accountToken());
  }
}
