package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.ACCOUNT_BASE;
import static dev.dbscim.client.facade.FacadeServer.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.RawResponse;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.ListRequest;
import dev.dbscim.client.api.SortOrder;
import dev.dbscim.client.error.ScimBadRequestException;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.error.ScimNotFoundException;
import dev.dbscim.client.paging.Page;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.PatchRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScimAccountClientWireTest {
  FacadeServer server;
  ScimAccountClient account;

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
    account = server.accountBuilder().build();
  }

  @AfterEach
  void stop() {
    account.close();
    server.close();
  }

  static void assertCommonHeaders(RecordedRequest request) {
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/scim+json, application/json");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("dbscim/");
  }

  static long bodyLength(RecordedRequest request) {
    return request.getBody() == null ? 0 : request.getBody().size();
  }

  @Test
  void usersCreate_postsUserWithCoreSchemaToAccountPath_returnsCreatedUser() throws Exception {
    server.json(201, "{\"schemas\":[\"" + FacadeServer.USER_URN + "\"],\"id\":\"100000\","
        + "\"userName\":\"user@example.com\",\"displayName\":\"John Doe\","
        + "\"emails\":[{\"type\":\"work\",\"value\":\"user@example.com\",\"primary\":true}]}");

    User created = account.users().create(User.builder().userName("user@example.com").displayName("John Doe")
        .build());

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.USER_URN + "\"],"
        + "\"userName\":\"user@example.com\",\"displayName\":\"John Doe\"}");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertCommonHeaders(request);
    assertThat(created.id()).contains("100000");
    assertThat(created.emails()).hasSize(1);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void usersCreate_withSchemasSet_keepsCallerSchemas() throws Exception {
    server.json(201, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
    String workspaceUrn = "urn:ietf:params:scim:schemas:extension:workspace:2.0:User";

    account.users().create(User.builder().userName("a@b.com").addSchemas(FacadeServer.USER_URN, workspaceUrn)
        .build());

    assertThat(server.take().getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.USER_URN + "\",\""
        + workspaceUrn + "\"],\"userName\":\"a@b.com\"}");
  }

  @Test
  void usersGet_sendsGetWithEncodedId_returnsUser() throws Exception {
    server.json(200, "{\"id\":\"10 1/x\",\"userName\":\"a@b.com\",\"active\":true}");

    User user = account.users().get("10 1/x");

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/10%201%2Fx");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(bodyLength(request)).isZero();
    assertCommonHeaders(request);
    assertThat(user.active()).contains(true);
  }

  @Test
  void usersGet_404_throwsNotFound() {
    server.json(404, FacadeServer.error(404, null, "User 9 not found"));

    assertThatThrownBy(() -> account.users().get("9")).isInstanceOf(ScimNotFoundException.class)
        .hasMessageContaining("GET /Users/9 -> 404");
  }

  @Test
  void usersFind_404_returnsEmpty() throws Exception {
    server.json(404, FacadeServer.error(404, null, "User 9 not found"));

    Optional<User> found = account.users().find("9");

    assertThat(found).isEmpty();
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/9");
  }

  @Test
  void usersFind_existing_returnsUser() {
    server.json(200, "{\"id\":\"9\",\"userName\":\"a@b.com\"}");

    assertThat(account.users().find("9")).map(User::userName).contains("a@b.com");
  }

  @Test
  void usersFind_403_throwsForbidden() {
    server.json(403, FacadeServer.error(403, null, "nope"));

    assertThatThrownBy(() -> account.users().find("9")).isInstanceOf(ScimForbiddenException.class);
  }

  @Test
  void usersGet_blankId_throwsIllegalArgumentWithoutRequest() {
    assertThatThrownBy(() -> account.users().get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> account.users().delete("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void usersList_pagesByReturnedCount_untilTotalReached() throws Exception {
    server.json(200, "{\"totalResults\":3,\"startIndex\":1,\"itemsPerPage\":2,\"Resources\":["
        + "{\"id\":\"1\",\"userName\":\"a@b.com\"},{\"id\":\"2\",\"userName\":\"c@d.com\"}]}");
    server.json(200, "{\"totalResults\":3,\"startIndex\":3,\"itemsPerPage\":1,\"Resources\":["
        + "{\"id\":\"3\",\"userName\":\"e@f.com\"}]}");

    List<String> names = account.users().list().stream().map(User::userName).collect(Collectors.toList());

    assertThat(names).containsExactly("a@b.com", "c@d.com", "e@f.com");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users?startIndex=1&count=100");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users?startIndex=3&count=100");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void usersList_isLazy_andErrorsSurfaceDuringIteration() {
    server.json(400, "{\"detail\":\"Given filter operator is not supported.\",\"schemas\":["
        + "\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"scimType\":\"InvalidFilter\",\"status\":\"400\"}");

    Iterable<User> users = account.users().list(q -> q.filter("userName xx \"a\""));

    assertThat(server.requestCount()).isZero();
    assertThatThrownBy(() -> users.iterator().hasNext()).isInstanceOf(ScimBadRequestException.class);
  }

  @Test
  void usersList_stopsOnPageWithoutResources() throws Exception {
    server.json(200, "{\"totalResults\":5,\"startIndex\":1,\"Resources\":[{\"id\":\"1\",\"userName\":\"a@b.com\"}]}");
    server.json(200, "{\"totalResults\":5,\"startIndex\":2}");

    assertThat(account.users().list(q -> q.pageSize(1))).hasSize(1);
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users?startIndex=1&count=1");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users?startIndex=2&count=1");
  }

  @Test
  void usersList_withFilterAttributesSort_encodesQueryWithPercent20AndAddsRequiredAttributes() throws Exception {
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"1\",\"userName\":\"a b@x.com\"}]}");

    List<User> users = account.users().list(q -> q
        .filter(Filter.attr("userName").eq("a b@x.com").and(Filter.attr("active").eq(true)))
        .attributes("displayName")
        .excludedAttributes("groups", "id")
        .sortBy("userName")
        .sortOrder(SortOrder.DESCENDING)
        .pageSize(50)).stream().collect(Collectors.toList());

    assertThat(users).extracting(User::userName).containsExactly("a b@x.com");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users"
        + "?filter=userName%20eq%20%22a%20b%40x.com%22%20and%20active%20eq%20true"
        + "&attributes=displayName%2Cid%2CuserName&excludedAttributes=groups&sortBy=userName"
        + "&sortOrder=descending&startIndex=1&count=50");
  }

  @Test
  void usersList_attributesAlreadyNamingRequiredOnes_areSentUnchanged() throws Exception {
    server.json(200, "{\"totalResults\":0}");

    account.users().listPage(ListRequest.of(q -> q.attributes("userName", "ID")));

    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE
        + "/Users?attributes=userName%2CID&startIndex=1&count=100");
  }

  @Test
  void usersListPage_returnsOnePageWithNextRequest() throws Exception {
    server.json(200, "{\"totalResults\":250,\"startIndex\":101,\"itemsPerPage\":100,\"Resources\":["
        + "{\"id\":\"101\",\"userName\":\"x@y.com\"}]}");

    Page<User> page = account.users().listPage(ListRequest.of(q -> q.startIndex(101)),
        RequestOptions.builder().putHeader("X-Trace", "t1").build());

    RecordedRequest request = server.take();
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users?startIndex=101&count=100");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t1");
    assertThat(page.totalResults()).isEqualTo(250);
    assertThat(page.resources()).hasSize(1);
    assertThat(page.nextRequest()).map(ListRequest::startIndex).contains(102);
  }

  @Test
  void usersReplace_putsUserWithIdInPathAndBody() throws Exception {
    server.json(200, "{\"id\":\"101\",\"userName\":\"a@b.com\",\"active\":false}");

    User replaced = account.users().replace(User.builder().id("101").userName("a@b.com").active(false).build());

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/101");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.USER_URN
        + "\"],\"id\":\"101\",\"userName\":\"a@b.com\",\"active\":false}");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(replaced.active()).contains(false);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void usersReplace_withoutId_throwsIllegalArgumentWithoutRequest() {
    assertThatThrownBy(() -> account.users().replace(User.builder().userName("a@b.com").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void usersPatch_sendsPatchOpBody_returnsBodyWhenPresent() throws Exception {
    server.json(200, "{\"id\":\"101\",\"userName\":\"a@b.com\",\"active\":false}");

    User patched = account.users().patch("101", PatchRequest.builder().replace("active", false).build());

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/101");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.PATCH_URN
        + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
    assertThat(patched.active()).contains(false);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void usersDelete_sendsDeleteWithoutBody() throws Exception {
    server.empty(204);

    account.users().delete("101");

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/101");
    assertThat(bodyLength(request)).isZero();
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertCommonHeaders(request);
  }

  @Test
  void usersDelete_404_throwsNotFound() {
    server.json(404, FacadeServer.error(404, null, "gone"));

    assertThatThrownBy(() -> account.users().delete("101")).isInstanceOf(ScimNotFoundException.class);
  }

  @Test
  void groupsCreate_postsGroupWithMembers_returnsGroup() throws Exception {
    server.json(201, "{\"id\":\"7\",\"displayName\":\"eng\",\"members\":[{\"value\":\"101\"}],"
        + "\"meta\":{\"resourceType\":\"Group\"}}");

    Group group = account.groups().create(Group.builder().displayName("eng")
        .addMembers(dev.dbscim.core.model.ComplexValue.of("101")).build());

    RecordedRequest request = server.take();
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Groups");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.GROUP_URN
        + "\"],\"displayName\":\"eng\",\"members\":[{\"value\":\"101\"}]}");
    assertThat(group.id()).contains("7");
    assertThat(group.workspaceLocal()).isFalse();
  }

  @Test
  void groupsList_attributes_addIdAndDisplayName() throws Exception {
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"7\",\"displayName\":\"eng\"}]}");

    Page<Group> page = account.groups().listPage(ListRequest.of(q -> q.attributes("members")));

    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE
        + "/Groups?attributes=members%2Cid%2CdisplayName&startIndex=1&count=100");
    assertThat(page.resources()).extracting(Group::displayName).containsExactly("eng");
  }

  @Test
  void groupsPatch_groupPatch_sendsMembersAddAndFilteredRemove() throws Exception {
    server.json(200, "{\"id\":\"9\",\"displayName\":\"eng\"}");

    account.groups().patch("9", GroupPatch.builder().addMember("101").removeMember("102").build());

    RecordedRequest request = server.take();
    assertThat(request.getTarget()).isEqualTo(ACCOUNT_BASE + "/Groups/9");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.PATCH_URN + "\"],"
        + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"101\"}]},"
        + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"102\\\"]\"}]}");
  }

  @Test
  void servicePrincipals_createGetDelete_useServicePrincipalsPath() throws Exception {
    server.json(201, "{\"id\":\"55\",\"applicationId\":\"11111111-0000-0000-0000-111111111111\","
        + "\"displayName\":\"etl\",\"active\":true}");
    server.json(200, "{\"id\":\"55\",\"displayName\":\"etl\"}");
    server.empty(204);

    ServicePrincipal created = account.servicePrincipals().create(ServicePrincipal.builder().displayName("etl")
        .build());
    account.servicePrincipals().get("55");
    account.servicePrincipals().delete("55");

    RecordedRequest post = server.take();
    assertThat(post.getTarget()).isEqualTo(ACCOUNT_BASE + "/ServicePrincipals");
    assertThat(post.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.SP_URN
        + "\"],\"displayName\":\"etl\"}");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/ServicePrincipals/55");
    RecordedRequest delete = server.take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getTarget()).isEqualTo(ACCOUNT_BASE + "/ServicePrincipals/55");
    assertThat(created.applicationId()).contains("11111111-0000-0000-0000-111111111111");
  }

  @Test
  void servicePrincipalsList_attributes_addOnlyId() throws Exception {
    server.json(200, "{\"totalResults\":0}");

    account.servicePrincipals().listPage(ListRequest.of(q -> q.attributes("applicationId")));

    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE
        + "/ServicePrincipals?attributes=applicationId%2Cid&startIndex=1&count=100");
  }

  @Test
  void raw_sendsAbsolutePathWithQueryAndBody_returnsRawResponse() throws Exception {
    server.json(200, "{\"permissions\":[\"USER\"]}");
    ObjectNode body = ScimJson.mapper().createObjectNode();
    body.putArray("permissions").add("USER");

    RawResponse response = account.raw().send("PUT",
        "/api/2.0/accounts/acc-123/workspaces/111/permissionassignments/principals/55?a=b%20c", body);

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget())
        .isEqualTo("/api/2.0/accounts/acc-123/workspaces/111/permissionassignments/principals/55?a=b%20c");
    assertThat(request.getBody().utf8()).isEqualTo("{\"permissions\":[\"USER\"]}");
    assertCommonHeaders(request);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("permissions").get(0).asText()).isEqualTo("USER");
  }

  @Test
  void raw_errorAnswer_isMappedToScimException() {
    server.json(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"no such workspace\"}");

    assertThatThrownBy(() -> account.raw().send("GET", "/api/2.0/accounts/acc-123/workspaces/1"))
        .isInstanceOf(ScimNotFoundException.class);
  }

  @Test
  void defaultHeaderAndUserAgentSuffix_areSentOnFacadeCalls() throws Exception {
    try (ScimAccountClient custom = server.accountBuilder().userAgentSuffix("sync/2.0")
        .putDefaultHeader("X-Databricks-Workspace-Id", "777").build()) {
      server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");

      custom.users().get("1");

      RecordedRequest request = server.take();
      assertThat(request.getHeaders().get("User-Agent")).endsWith(" sync/2.0");
      assertThat(request.getHeaders().get("X-Databricks-Workspace-Id")).isEqualTo("777");
    }
  }
}
