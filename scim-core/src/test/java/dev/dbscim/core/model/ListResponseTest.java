package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

class ListResponseTest {
  @Test
  void read_usersPage_readsTypedResourcesAndEnvelope() {
    ListResponse<User> page = ListResponse.read(ModelFixtures.text("lists/users-page"), User.class);

    assertThat(page.totalResults()).isEqualTo(3);
    assertThat(page.itemsPerPage()).hasValue(2);
    assertThat(page.startIndex()).hasValue(1);
    assertThat(page.schemas()).containsExactly(SchemaUrns.LIST_RESPONSE);
    assertThat(page.resources()).extracting(User::userName).containsExactly("a@b.com", "c@d.com");
    assertThat(page.resources().get(1).additionalAttributes().keySet())
        .containsExactly(SchemaUrns.WORKSPACE_USER, "x-extra");
    assertThat(page.additionalAttributes()).containsOnlyKeys("x-page-token");
  }

  @Test
  void read_groupsPageAsTree_readsGroups() {
    ListResponse<Group> page = ListResponse.read(ModelFixtures.tree("lists/groups-page"), Group.class);

    assertThat(page.resources()).extracting(Group::workspaceLocal).containsExactly(true, false);
    assertThat(page.resources().get(0)).isInstanceOf(Group.class);
  }

  @Test
  void read_servicePrincipalsPageWithCallerMapper_readsServicePrincipals() throws Exception {
    ObjectMapper mapper = ScimJson.mapper();

    ListResponse<ServicePrincipal> page = mapper.readValue(ModelFixtures.text("lists/service-principals-page"),
        ListResponse.type(mapper.getTypeFactory(), ServicePrincipal.class));

    assertThat(page.resources()).singleElement().satisfies(sp -> {
      assertThat(sp).isInstanceOf(ServicePrincipal.class);
      assertThat(sp.displayName()).hasValue("etl");
    });
  }

  @Test
  void read_pagePastEndWithoutResources_readsEmptyList() {
    ListResponse<User> page = ListResponse.read(ModelFixtures.text("lists/users-past-end"), User.class);

    assertThat(page.resources()).isEmpty();
    assertThat(page.totalResults()).isEqualTo(3);
    assertThat(page.startIndex()).hasValue(4);
    assertThat(page.itemsPerPage()).hasValue(0);
  }

  @Test
  void read_emptyObject_readsEmptyPageWithZeroTotal() {
    ListResponse<Group> page = ListResponse.read("{}", Group.class);

    assertThat(page.resources()).isEmpty();
    assertThat(page.totalResults()).isZero();
    assertThat(page.startIndex()).isEmpty();
  }

  @Test
  void read_withoutTotalResults_defaultsToResourceCount() {
    ListResponse<User> page = ListResponse.read("{\"Resources\":[{\"userName\":\"a\"},{\"userName\":\"b\"}]}", User.class);

    assertThat(page.totalResults()).isEqualTo(2);
  }

  @Test
  void read_lowerCaseResourcesKey_matchesResources() {
    ListResponse<User> page = ListResponse.read("{\"totalresults\":1,\"resources\":[{\"userName\":\"a\"}]}", User.class);

    assertThat(page.resources()).extracting(User::userName).containsExactly("a");
    assertThat(page.totalResults()).isEqualTo(1);
    assertThat(page.additionalAttributes()).isEmpty();
  }

  @Test
  void read_resourceWithoutRequiredAttribute_failsNamingIt() {
    assertThatThrownBy(() -> ListResponse.read("{\"Resources\":[{\"id\":\"1\"}]}", User.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userName");
  }

  @Test
  void read_notJson_throwsIllegalArgument() {
    assertThatThrownBy(() -> ListResponse.read("{", User.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void write_usersPage_equalsInput() {
    ListResponse<User> page = ListResponse.read(ModelFixtures.text("lists/users-page"), User.class);

    JsonNode written = ModelFixtures.written(page.toBuilder().build());

    assertThat(written).isEqualTo(ModelFixtures.tree("lists/users-page"));
    assertThat(written.has("Resources")).isTrue();
  }

  @Test
  void readWriteRead_everyListFixture_equalsFirstRead() {
    assertRoundTrip("lists/users-page", User.class);
    assertRoundTrip("lists/users-past-end", User.class);
    assertRoundTrip("lists/groups-page", Group.class);
    assertRoundTrip("lists/service-principals-page", ServicePrincipal.class);
  }

  @Test
  void write_pagePastEnd_omitsResources() {
    ListResponse<User> page = ListResponse.read(ModelFixtures.text("lists/users-past-end"), User.class);

    assertThat(ModelFixtures.written(page)).isEqualTo(ModelFixtures.tree("lists/users-past-end"));
  }

  @Test
  void build_typedPage_writesResourcesKey() {
    ListResponse<Group> page = ListResponse.<Group>builder()
        .addSchemas(SchemaUrns.LIST_RESPONSE)
        .totalResults(1)
        .startIndex(1)
        .itemsPerPage(1)
        .addResources(Group.builder().id("7").displayName("g").build())
        .build();

    assertThat(ScimJson.write(page)).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
        + "\"totalResults\":1,\"itemsPerPage\":1,\"startIndex\":1,\"Resources\":[{\"id\":\"7\",\"displayName\":\"g\"}]}");
  }

  private static <T> void assertRoundTrip(String fixture, Class<T> type) {
    ListResponse<T> first = ListResponse.read(ModelFixtures.text(fixture), type);
    ListResponse<T> second = ListResponse.read(ScimJson.write(first), type);
    assertThat(second).as(fixture).isEqualTo(first);
  }
}
