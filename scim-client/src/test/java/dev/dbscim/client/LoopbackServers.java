package dev.dbscim.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Starts MockWebServers on loopback with TCP_NODELAY on accepted sockets, so keep-alive requests do not wait out the
 * client's delayed ACK (see engineering-notes "MockWebServer 5.5.1"); shared by the client's socket tests.
 */
public final class LoopbackServers {
  private LoopbackServers() {}

  /**
   * Returns a started server on a free loopback port.
   *
   * @return the server; the caller closes it
   * @throws IOException when it cannot bind
   */
  public static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  /**
   * Returns the next request the server received, waiting up to 5 s.
   *
   * @param server the server
   * @return the request
   * @throws InterruptedException when interrupted while waiting
   * @throws AssertionError when no request arrived in time
   */
  public static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived");
    }
    return request;
  }

  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
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
