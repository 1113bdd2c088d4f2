package dev.dbscim.testkit;

import static dev.dbscim.testkit.Http.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class FakeScimListTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().nonFederatedWorkspaces(1).build();

  @BeforeEach
  void seedUsers() {
    seed("ada@example.com", "Ada", true);
    seed("bob@example.com", "Bob", false);
    seed("carol@corp.test", "Carol", true);
  }

  private void seed(String userName, String givenName, boolean active) {
    scim.state().seed(User.builder().userName(userName).displayName(givenName)
        .name(Name.builder().givenName(givenName).build()).active(active).build());
  }

  private static List<String> userNames(JsonNode envelope) {
    List<String> names = new ArrayList<>();
    for (JsonNode resource : envelope.path("Resources")) {
      names.add(resource.get("userName").asText());
    }
    return names;
  }

  @Test
  void list_firstPage_echoesStartIndexAndCountsThePage() {
    JsonNode envelope = account(scim, "GET", "/Users?startIndex=2&count=1&filter=userName+ne+%22x%22", null).json;

    assertThat(envelope.get("totalResults").asInt()).isEqualTo(3);
    assertThat(envelope.get("itemsPerPage").asInt()).isEqualTo(1);
    assertThat(envelope.get("startIndex").asInt()).isEqualTo(2);
    assertThat(envelope.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(userNames(envelope)).containsExactly("bob@example.com");
  }

  @Test
  void list_pagePastTheEnd_omitsResources() {
    JsonNode envelope = account(scim, "GET", "/Users?count=10000&startIndex=100", null).json;

    assertThat(envelope.has("Resources")).isFalse();
    assertThat(envelope.get("startIndex").asInt()).isEqualTo(100);
    assertThat(envelope.get("itemsPerPage").asInt()).isZero();
  }

  @Test
  void list_noMatch_omitsResourcesAndCountsZero() {
    JsonNode envelope = account(scim, "GET", "/Users?filter=userName+eq+%22nobody%40example.com%22", null).json;

    assertThat(envelope.toString()).isEqualTo("{\"totalResults\":0,\"itemsPerPage\":0,\"startIndex\":1,"
        + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]}");
  }

  @Test
  void list_countAboveTenThousand_isCappedNotRefused() {
    Http.Reply reply = account(scim, "GET", "/Users?count=50000", null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("itemsPerPage").asInt()).isEqualTo(reply.json.get("totalResults").asInt());
  }

  @Test
  void list_javaSdkQuery_isUnderstood() {
    JsonNode envelope = account(scim, "GET", "/Users?attributes=id%2CuserName&count=10000"
        + "&filter=userName+eq+%22ada%40example.com%22&sortBy=userName&sortOrder=DESCENDING&startIndex=1", null).json;

    assertThat(envelope.get("Resources").get(0).toString())
        .matches("\\{\"id\":\"[0-9]+\",\"userName\":\"ada@example.com\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "userName%20eq%20%22ada%40example.com%22",
      "userName+eq+%27ada%40example.com%27",
      "userName+eq+ada%40example.com",
      "USERNAME+EQ+%22ADA%40example.com%22"})
  void list_filterInEveryEncodingAndQuoting_findsTheUser(String filter) {
    assertThat(userNames(account(scim, "GET", "/Users?filter=" + filter, null).json))
        .containsExactly("ada@example.com");
  }

  @Test
  void list_supportedOperatorsWithAndOr_evaluate() {
    assertThat(userNames(account(scim, "GET", "/Users?filter=userName+co+%22example%22+and+active+eq+true", null).json))
        .contains("ada@example.com").doesNotContain("bob@example.com", "carol@corp.test");
    assertThat(userNames(account(scim, "GET",
        "/Users?filter=userName+sw+%22car%22+or+displayName+eq+%22Bob%22", null).json))
        .containsExactly("bob@example.com", "carol@corp.test");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "meta.created+gt+%222020-01-01T00%3A00%3A00Z%22",
      "userName+ew+%22.com%22",
      "userName+pr",
      "not+(userName+eq+%22a%22)",
      "emails%5Btype+eq+%22work%22%5D",
      "name.givenName+eq+%22Ada%22",
      "displayName%2Beq%2Bmy_group"})
  void list_filterDatabricksLacks_returns400InvalidFilter(String filter) {
    Http.Reply reply = account(scim, "GET", "/Users?filter=" + filter, null);

    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.json.toString()).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
        + "\"detail\":\"Given filter operator is not supported.\",\"scimType\":\"InvalidFilter\",\"status\":\"400\"}");
  }

  @Test
  void list_fullRfcFiltersOptIn_acceptsEveryRfcFilter() {
    try (FakeScimServer rfc = FakeScimServer.builder().fullRfcFilters(true).build().start()) {
      rfc.state().seed(User.builder().userName("ada@example.com").name(Name.builder().givenName("Ada").build()).build());

      JsonNode envelope = account(rfc, "GET", "/Users?filter=name.givenName+pr+and+userName+ew+%22example.com%22",
          null).json;

      assertThat(userNames(envelope)).containsExactly("ada@example.com");
    }
  }

  @Test
  void list_sortByInAnyCase_ordersBothWays() {
    assertThat(userNames(account(scim, "GET", "/Users?filter=userName+co+%22%40%22&sortBy=name.givenName"
        + "&sortOrder=DESCENDING", null).json))
        .startsWith("carol@corp.test", "bob@example.com", "ada@example.com");
    assertThat(userNames(account(scim, "GET", "/Users?sortBy=USERNAME&sortOrder=descending", null).json))
        .containsExactly("carol@corp.test", "bob@example.com", "ada@example.com");
    scim.state().seed(User.builder().userName("aaron@example.com").build());
    assertThat(userNames(account(scim, "GET", "/Users?sortBy=userName&sortOrder=Ascending", null).json))
        .containsExactly("aaron@example.com", "ada@example.com", "bob@example.com", "carol@corp.test");
  }

  @Test
  void list_excludedAttributes_dropThemButNeverId() {
    JsonNode user = account(scim, "GET", "/Users?excludedAttributes=emails,id,name&filter=userName+eq+%22ada%40example.com%22",
        null).json.get("Resources").get(0);

    assertThat(user.has("emails")).isFalse();
    assertThat(user.has("name")).isFalse();
    assertThat(user.has("id")).isTrue();
    assertThat(user.get("userName").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void list_attributesWithoutId_stillReturnId() {
    JsonNode user = account(scim, "GET", "/Users?attributes=displayName&filter=userName+eq+%22ada%40example.com%22",
        null).json.get("Resources").get(0);

    assertThat(user.fieldNames()).toIterable().containsExactly("id", "displayName");
  }

  @Test
  void list_nonFederatedWorkspace_showsOnlyItsLocalUsers() {
    FakeWorkspace local = scim.workspace(0);

    JsonNode envelope = Http.send("GET", Http.workspaceUri(local, "/Users"), local.adminToken(), null).json;

    assertThat(userNames(envelope)).containsExactly("admin-1001@example.com", "user-1001@example.com");
  }
}
