package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.ACCOUNT_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.PatchRequest;
import java.io.IOException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ResourceWriteSemanticsTest {
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

  @Test
  void patch_answered204_readsResourceBack() throws Exception {
    server.empty(204);
    server.json(200, "{\"id\":\"9\",\"displayName\":\"eng\",\"members\":[{\"value\":\"101\"}]}");

    Group patched = account.groups().patch("9", GroupPatch.builder().addMember("101").build(),
        RequestOptions.builder().putHeader("X-Trace", "p").build());

    RecordedRequest patch = server.take();
    assertThat(patch.getMethod() + " " + patch.getTarget()).isEqualTo("PATCH " + ACCOUNT_BASE + "/Groups/9");
    RecordedRequest get = server.take();
    assertThat(get.getMethod() + " " + get.getTarget()).isEqualTo("GET " + ACCOUNT_BASE + "/Groups/9");
    assertThat(get.getHeaders().get("X-Trace")).isEqualTo("p");
    assertThat(patched.members()).hasSize(1);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void patch_answered200WithEmptyObject_readsResourceBack() throws Exception {
    server.json(200, " { } ");
    server.json(200, "{\"id\":\"9\",\"userName\":\"a@b.com\",\"active\":false}");

    User patched = account.users().patch("9", PatchRequest.builder().replace("active", false).build());

    assertThat(server.take().getMethod()).isEqualTo("PATCH");
    assertThat(server.take().getMethod()).isEqualTo("GET");
    assertThat(patched.active()).contains(false);
  }

  @Test
  void replace_answered200WithEmptyBody_readsResourceBack() throws Exception {
    server.empty(200);
    server.json(200, "{\"id\":\"55\",\"displayName\":\"etl-2\",\"applicationId\":\"app\"}");

    ServicePrincipal replaced = account.servicePrincipals().replace(ServicePrincipal.builder().id("55")
        .displayName("etl-2").build());

    RecordedRequest put = server.take();
    assertThat(put.getMethod() + " " + put.getTarget()).isEqualTo("PUT " + ACCOUNT_BASE + "/ServicePrincipals/55");
    assertThat(put.getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.SP_URN
        + "\"],\"id\":\"55\",\"displayName\":\"etl-2\"}");
    RecordedRequest get = server.take();
    assertThat(get.getMethod() + " " + get.getTarget()).isEqualTo("GET " + ACCOUNT_BASE + "/ServicePrincipals/55");
    assertThat(replaced.applicationId()).contains("app");
  }

  @Test
  void replace_answered204_readsResourceBack() throws Exception {
    server.empty(204);
    server.json(200, "{\"id\":\"7\",\"displayName\":\"eng\"}");

    Group replaced = account.groups().replace(Group.builder().id("7").displayName("eng").build());

    assertThat(server.take().getBody().utf8()).isEqualTo("{\"schemas\":[\"" + FacadeServer.GROUP_URN
        + "\"],\"id\":\"7\",\"displayName\":\"eng\"}");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Groups/7");
    assertThat(replaced.displayName()).isEqualTo("eng");
  }

  @Test
  void create_answered201WithoutBody_findsCreatedResourceByUniqueKey() throws Exception {
    server.empty(201);
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"42\",\"userName\":\"a@b.com\"}]}");
    server.json(200, "{\"id\":\"42\",\"userName\":\"a@b.com\",\"displayName\":\"A\"}");

    User created = account.users().create(User.builder().userName("a@b.com").build());

    assertThat(server.take().getMethod()).isEqualTo("POST");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE
        + "/Users?filter=userName%20eq%20%22a%40b.com%22&startIndex=1&count=100");
    assertThat(server.take().getTarget()).isEqualTo(ACCOUNT_BASE + "/Users/42");
    assertThat(created.id()).contains("42");
  }

  @Test
  void create_answered201WithoutBodyAndNotFindable_throwsClientException() {
    server.empty(201);
    server.json(200, "{\"totalResults\":0}");

    assertThatThrownBy(() -> account.users().create(User.builder().userName("a@b.com").build()))
        .isInstanceOf(ScimClientException.class).hasMessageContaining("no body");
  }

  @Test
  void create_bodyNotAResource_throwsClientExceptionNotJacksonException() {
    server.json(201, "{\"id\":\"1\"}");

    assertThatThrownBy(() -> account.users().create(User.builder().userName("a@b.com").build()))
        .isExactlyInstanceOf(ScimClientException.class).hasMessageContaining("not a valid User");
  }
}
