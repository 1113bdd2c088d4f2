package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.PROXY_BASE;
import static dev.dbscim.client.facade.FacadeServer.TOKEN;
import static dev.dbscim.client.facade.FacadeServer.WORKSPACE_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.RawResponse;
import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.GroupsReadApi;
import dev.dbscim.client.api.ListRequest;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.PatchRequest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScimWorkspaceClientWireTest {
  FacadeServer server;
  ScimWorkspaceClient workspace;

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
    workspace = server.workspaceBuilder().build();
  }

  @AfterEach
  void stop() {
    workspace.close();
    server.close();
  }

  @Test
  void me_getsMe_returnsUser() throws Exception {
    server.json(200, "{\"id\":\"8598139271121446\",\"userName\":\"me@example.com\","
        + "\"groups\":[{\"display\":\"admins\",\"type\":\"direct\",\"value\":\"111\",\"$ref\":\"Groups/111\"}]}");

    User me = workspace.me();

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(WORKSPACE_BASE + "/Me");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(me.userName()).isEqualTo("me@example.com");
    assertThat(me.groups()).hasSize(1);
  }

  @Test
  void me_withOptions_sendsExtraHeader() throws Exception {
    server.json(200, "{\"id\":\"1\",\"userName\":\"me@example.com\"}");

    workspace.me(RequestOptions.builder().putHeader("X-Probe", "1").timeout(Duration.ofSeconds(2)).build());

    assertThat(server.take().getHeaders().get("X-Probe")).isEqualTo("1");
  }

  @Test
  void migratePermissions_postsTheSdkShape_andReadsTheCount() throws Exception {
    server.json(200, "{\"permissions_migrated\":1000}");
    server.json(200, "{}");

    long moved = workspace.migratePermissions(1234567890123456L, "db-temp-data-eng", "data-eng", 1000);
    long none = workspace.migratePermissions(1234567890123456L, "db-temp-data-eng", "data-eng", 1000);

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/api/2.0/permissionmigration");
    assertThat(request.getBody().utf8()).isEqualTo("{\"workspace_id\":1234567890123456,"
        + "\"from_workspace_group_name\":\"db-temp-data-eng\",\"to_account_group_name\":\"data-eng\","
        + "\"size\":1000}");
    assertThat(moved).isEqualTo(1000);
    assertThat(none).isZero();
  }

  @Test
  void migratePermissions_answerWithoutAUsableCount_throwsInsteadOfReadingZero() {
    // A caller deletes the local group once the count is 0: a malformed answer must never read as "nothing left".
    String[] answers = {"", "[]", "{\"permissions_migrated\":\"12\"}", "{\"permissions_migrated\":1.5}",
      "{\"permissions_migrated\":-1}", "{\"permissions_migrated\":true}"};
    for (String answer : answers) {
      server.json(200, answer);

      assertThatThrownBy(() -> workspace.migratePermissions(1L, "db-temp-data-eng", "data-eng", 10))
          .as(answer).isInstanceOf(ScimClientException.class)
          .hasMessageContaining("/permissionmigration").hasMessageContaining("not a valid JSON object");
    }
  }

  @Test
  void usersCreate_postsToPreviewPath() throws Exception {
    server.json(201, "{\"id\":\"5\",\"userName\":\"a@b.com\"}");

    workspace.users().create(User.builder().userName("a@b.com").build());

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(WORKSPACE_BASE + "/Users");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.USER_URN
        + "\"],\"userName\":\"a@b.com\"}");
  }

  @Test
  void groupsCreateAndList_useWorkspacePath_andReadWorkspaceGroups() throws Exception {
    server.json(201, "{\"id\":\"7\",\"displayName\":\"dummies\",\"meta\":{\"resourceType\":\"WorkspaceGroup\"},"
        + "\"groups\":[],\"schemas\":[\"" + FacadeServer.GROUP_URN + "\"]}");
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"displayName\":\"sdk-5cGx\",\"id\":\"7325451755795\","
        + "\"meta\":{\"resourceType\":\"WorkspaceGroup\"}}]}");

    Group created = workspace.groups().create(Group.builder().displayName("dummies").build());
    List<Group> listed = workspace.groups().list(q -> q.attributes("id", "displayName", "meta"))
        .stream().collect(Collectors.toList());

    assertThat(server.take().getTarget()).isEqualTo(WORKSPACE_BASE + "/Groups");
    assertThat(server.take().getTarget()).isEqualTo(WORKSPACE_BASE
        + "/Groups?attributes=id%2CdisplayName%2Cmeta&startIndex=1&count=100");
    assertThat(created.workspaceLocal()).isTrue();
    assertThat(listed).extracting(Group::id).containsExactly(java.util.Optional.of("7325451755795"));
  }

  @Test
  void servicePrincipalsPatchAndDelete_useWorkspacePath() throws Exception {
    server.json(200, "{\"id\":\"9\",\"displayName\":\"renamed\"}");
    server.empty(204);

    ServicePrincipal renamed = workspace.servicePrincipals().patch("9",
        PatchRequest.builder().add("displayName", "renamed").build());
    workspace.servicePrincipals().delete("9");

    RecordedRequest patch = server.take();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getTarget()).isEqualTo(WORKSPACE_BASE + "/ServicePrincipals/9");
    assertThat(patch.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.PATCH_URN
        + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"renamed\"}]}");
    assertThat(server.take().getTarget()).isEqualTo(WORKSPACE_BASE + "/ServicePrincipals/9");
    assertThat(renamed.displayName()).contains("renamed");
  }

  @Test
  void accountIdentitiesUsers_fullCrudOnProxyPath() throws Exception {
    server.json(201, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
    server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");
    server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\",\"active\":false}");
    server.empty(204);

    workspace.accountIdentities().users().create(User.builder().userName("a@b.com").build());
    workspace.accountIdentities().users().get("1");
    workspace.accountIdentities().users().replace(User.builder().id("1").userName("a@b.com").active(false)
        .build());
    workspace.accountIdentities().users().delete("1");

    RecordedRequest post = server.take();
    assertThat(post.getMethod() + " " + post.getTarget()).isEqualTo("POST " + PROXY_BASE + "/Users");
    RecordedRequest get = server.take();
    assertThat(get.getMethod() + " " + get.getTarget()).isEqualTo("GET " + PROXY_BASE + "/Users/1");
    RecordedRequest put = server.take();
    assertThat(put.getMethod() + " " + put.getTarget()).isEqualTo("PUT " + PROXY_BASE + "/Users/1");
    assertThat(put.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.USER_URN
        + "\"],\"id\":\"1\",\"userName\":\"a@b.com\",\"active\":false}");
    RecordedRequest delete = server.take();
    assertThat(delete.getMethod() + " " + delete.getTarget()).isEqualTo("DELETE " + PROXY_BASE + "/Users/1");
  }

  @Test
  void accountIdentitiesServicePrincipals_createOnProxyPath() throws Exception {
    server.json(201, "{\"id\":\"3\",\"applicationId\":\"app-1\"}");

    workspace.accountIdentities().servicePrincipals().create(ServicePrincipal.builder().applicationId("app-1")
        .build());

    RecordedRequest request = server.take();
    assertThat(request.getTarget()).isEqualTo(PROXY_BASE + "/ServicePrincipals");
    assertThat(request.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.SP_URN
        + "\"],\"applicationId\":\"app-1\"}");
  }

  @Test
  void accountIdentitiesGroups_listAndGetOnProxyPath() throws Exception {
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"g1\",\"displayName\":\"data-eng\"}]}");
    server.json(200, "{\"id\":\"g1\",\"displayName\":\"data-eng\",\"members\":[{\"value\":\"1\"}]}");

    GroupsReadApi groups = workspace.accountIdentities().groups();
    List<Group> listed = groups.list(ListRequest.of(q -> q.attributes("id", "displayName", "externalId")))
        .stream().collect(Collectors.toList());
    Group one = groups.get("g1");

    assertThat(server.take().getTarget()).isEqualTo(PROXY_BASE
        + "/Groups?attributes=id%2CdisplayName%2CexternalId&startIndex=1&count=100");
    assertThat(server.take().getTarget()).isEqualTo(PROXY_BASE + "/Groups/g1");
    assertThat(listed).hasSize(1);
    assertThat(one.members()).hasSize(1);
  }

  @Test
  void accountIdentitiesGroups_typeOffersNoWriteOperations() {
    List<String> methods = Arrays.stream(GroupsReadApi.class.getMethods()).map(Method::getName).distinct()
        .sorted().collect(Collectors.toList());

    assertThat(methods).containsExactly("find", "get", "list", "listPage");
    assertThat(workspace.accountIdentities().groups()).isNotInstanceOf(dev.dbscim.client.api.GroupsApi.class);
  }

  @Test
  void raw_getWithQuery_usesAbsolutePath() throws Exception {
    server.json(200, "{\"permission_assignments\":[]}");

    RawResponse response = workspace.raw().send("GET", "/api/2.0/preview/permissionassignments");

    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/2.0/preview/permissionassignments");
    assertThat(response.json().get("permission_assignments").isArray()).isTrue();
  }

  @Test
  void endpointWithPathPrefix_isKeptBeforeBasePath() throws Exception {
    try (ScimWorkspaceClient prefixed = server.workspaceBuilder()
        .endpoint(java.net.URI.create(server.endpoint() + "/gateway")).build()) {
      server.json(200, "{\"id\":\"1\",\"userName\":\"a@b.com\"}");

      prefixed.users().get("1");

      assertThat(server.take().getTarget()).isEqualTo("/gateway" + WORKSPACE_BASE + "/Users/1");
    }
  }
}
