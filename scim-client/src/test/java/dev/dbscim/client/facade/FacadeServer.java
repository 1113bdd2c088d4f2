package dev.dbscim.client.facade;

import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A loopback MockWebServer with TCP_NODELAY and clients pointed at it (sentinel token, no waits, no limits). */
final class FacadeServer implements AutoCloseable {
  static final String TOKEN = "dapiFACADESENTINEL0123456789";
  static final String ACCOUNT_BASE = "/api/2.0/accounts/acc-123/scim/v2";
  static final String WORKSPACE_BASE = "/api/2.0/preview/scim/v2";
  static final String PROXY_BASE = "/api/2.0/account/scim/v2";
  static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String SP_URN = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
  static final String PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  final MockWebServer server;

  private FacadeServer(MockWebServer server) {
    this.server = server;
  }

  static FacadeServer start() throws IOException {
    return new FacadeServer(LoopbackServers.start());
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  ScimAccountClient.Builder accountBuilder() {
    return ScimAccountClient.builder()
        .endpoint(endpoint())
        .accountId("acc-123")
        .credentials(TokenCredentials.of(TOKEN))
        .sleeper(Sleeper.noWait())
        .rateLimits(RateLimits.unlimited());
  }

  ScimWorkspaceClient.Builder workspaceBuilder() {
    return ScimWorkspaceClient.builder()
        .endpoint(endpoint())
        .credentials(TokenCredentials.of(TOKEN))
        .sleeper(Sleeper.noWait())
        .rateLimits(RateLimits.unlimited());
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  void json(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/scim+json")
        .body(body).build());
  }

  void empty(int code) {
    server.enqueue(new MockResponse.Builder().code(code).build());
  }

  RecordedRequest take() throws InterruptedException {
    return LoopbackServers.take(server);
  }

  int requestCount() {
    return server.getRequestCount();
  }

  static String error(int status, String scimType, String detail) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
        + (scimType == null ? "" : "\"scimType\":\"" + scimType + "\",") + "\"detail\":\"" + detail
        + "\",\"status\":\"" + status + "\"}";
  }

  @Override
  public void close() {
    server.close();
  }
}
