package dev.dbscim.client.assignments;

import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.internal.RequestThrottle;
import dev.dbscim.client.internal.ScimTransport;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Loopback MockWebServers with TCP_NODELAY, and transports pointed at them. */
final class AssignmentServers {
  static final String TOKEN = "dapiASSIGNMENTS0123456789";

  private AssignmentServers() {}

  static MockWebServer start() throws IOException {
    return LoopbackServers.start();
  }

  /** Returns a transport with the SCIM base path a facade would use, to show that the APIs set their own. */
  static ScimTransport transport(MockWebServer server, String basePath) {
    ClientConfig config = ClientConfig.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .credentials(() -> TOKEN)
        .sleeper(Sleeper.noWait())
        .retryPolicy(RetryPolicy.none())
        .build();
    return ScimTransport.create(config, RequestThrottle.none(), basePath);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse empty(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    return LoopbackServers.take(server);
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }
}
