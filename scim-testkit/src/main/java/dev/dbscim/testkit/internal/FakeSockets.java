package dev.dbscim.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * A server socket factory whose accepted sockets have {@code TCP_NODELAY} set. Without it every keep-alive request
 * waits out the client's delayed ACK (about 40 ms), see the engineering notes. Accepted sockets read through
 * {@link BodylessReadStream}, which drops the body of a GET or HEAD request: MockWebServer would otherwise fail such a
 * request without answering it. It also remembers the server sockets it
 * made, so that a fake with several hosts can close them all before waiting for each MockWebServer to wind down: the
 * accept threads then wake up together instead of one after the other.
 */
public final class FakeSockets extends ServerSocketFactory {
  private final List<ServerSocket> created = new CopyOnWriteArrayList<>();

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = new BodylessReadSocket();
      implAccept(socket);
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** An accepted socket whose input is seen through {@link BodylessReadStream}. */
  private static final class BodylessReadSocket extends Socket {
    private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new BodylessReadStream(super.getInputStream());
      }
      return input;
    }
  }

  private ServerSocket track(ServerSocket socket) {
    created.add(socket);
    return socket;
  }

  /** Closes every server socket made by this factory, quietly; accepted connections stay open. */
  public void closeServerSockets() {
    for (ServerSocket socket : created) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is best effort here: MockWebServer.close() closes the socket again and reports nothing either.
      }
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return track(new NoDelayServerSocket());
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = track(new NoDelayServerSocket());
    socket.bind(new java.net.InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = track(new NoDelayServerSocket());
    socket.bind(new java.net.InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket socket = track(new NoDelayServerSocket());
    socket.bind(new java.net.InetSocketAddress(address, port), backlog);
    return socket;
  }
}
