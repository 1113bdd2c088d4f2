package dev.dbscim.client.assignments;

import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.internal.RequestThrottle;
import dev.dbscim.client.internal.ScimTransport;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Loopback MockWebServers with TCP_NODELAY, and transports pointed at them. */
final class AssignmentServers {
  static final String TOKEN = "dapiASSIGNMENTS0123456789";

  private AssignmentServers() {}

  static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
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
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived");
    }
    return request;
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().utf8();
  }

  private static final class NoDelayFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelaySocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelaySocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelaySocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket socket = new NoDelaySocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelaySocket extends ServerSocket {
    NoDelaySocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
