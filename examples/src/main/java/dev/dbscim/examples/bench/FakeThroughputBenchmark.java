package dev.dbscim.examples.bench;

import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures simple requests per second against one {@link FakeScimServer} over loopback, from 8 client threads
 * sharing one {@code java.net.http.HttpClient} (HTTP/1.1, so the client keeps up to 8 keep-alive connections). The
 * fake holds 1,000 account users; each call reads one at random ({@code getById}) or one page of 100 at a random
 * offset ({@code listPage}). Client and server share the machine, so the figure is an end-to-end one. As a yardstick
 * measured in the same run, {@code mockWebServerBaseline} sends the same GETs to a bare {@link MockWebServer} (with
 * {@code TCP_NODELAY}) that answers every request with one fixed user: the gap between it and {@code getById} is the
 * fake's own cost.
 *
 * <p>The JDK client costs tens of microseconds of CPU per request on the same two cores, so {@code getByIdRawSockets}
 * and {@code mockWebServerBaselineRawSockets} send the same GETs from 8 plain keep-alive sockets (one per thread,
 * HTTP/1.1 written and read by hand): they measure what the server side sustains when the client is cheap.
 *
 * <p>The goal from issue 4: over 10,000 simple requests per second on the 2-core build machine (MockWebServer with
 * {@code TCP_NODELAY} measured 10,700-13,700 req/s in the same setup). Run from the repository root, and note the load
 * average, since other processes skew it:
 *
 * <pre>
 * mvn -B -Pbench -pl examples -am verify -DskipTests -Djmh.args="-f 1 -wi 5 -i 5 FakeThroughputBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FakeThroughputBenchmark {
  private static final int USERS = 1_000;

  private FakeScimServer scim;
  private HttpClient client;
  private final List<URI> userUris = new ArrayList<>();
  private final List<URI> pageUris = new ArrayList<>();
  private String authorization;
  private MockWebServer bare;
  private URI bareUri;

  /** Starts the fake, seeds the users and builds the request targets. */
  @Setup(Level.Trial)
  public void start() {
    scim = FakeScimServer.create().start();
    URI base = scim.url().resolve("/api/2.0/accounts/" + scim.accountId() + "/scim/v2/");
    for (int i = 0; i < USERS; i++) {
      User user = scim.state().seed(User.builder().userName("user" + i + "@example.com")
          .displayName("User " + i).build());
      userUris.add(base.resolve("Users/" + user.id().get()));
    }
    for (int start = 1; start <= USERS; start += 100) {
      pageUris.add(base.resolve("Users?startIndex=" + start + "&count=100"));
    }
    authorization = "Bearer " + scim.accountToken();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    startBare(scim.state().userByName("user0@example.com").get());
  }

  private void startBare(User user) {
    String json = ScimJson.write(user);
    bare = new MockWebServer();
    bare.setServerSocketFactory(new NoDelaySockets());
    bare.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        while (bare.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
          // drop the recorded requests, as the fake does
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(json).build();
      }
    });
    try {
      bare.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bareUri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + bare.getPort()
        + "/api/2.0/accounts/a/scim/v2/Users/1");
  }

  /** Stops the fake. */
  @TearDown(Level.Trial)
  public void stop() {
    scim.close();
    bare.close();
  }

  /**
   * Reads one user by id.
   *
   * @return the status code, consumed by JMH
   * @throws Exception when the request fails
   */
  @Benchmark
  public int getById() throws Exception {
    return send(userUris.get(ThreadLocalRandom.current().nextInt(userUris.size())));
  }

  /**
   * Reads a fixed user from a bare MockWebServer, the yardstick for {@link #getById()}.
   *
   * @return the status code, consumed by JMH
   * @throws Exception when the request fails
   */
  @Benchmark
  public int mockWebServerBaseline() throws Exception {
    return send(bareUri);
  }

  /**
   * Reads one page of 100 users.
   *
   * @return the status code, consumed by JMH
   * @throws Exception when the request fails
   */
  @Benchmark
  public int listPage() throws Exception {
    return send(pageUris.get(ThreadLocalRandom.current().nextInt(pageUris.size())));
  }

  /** One keep-alive connection per benchmark thread, speaking HTTP/1.1 by hand. */
  @State(Scope.Thread)
  public static class RawConnection {
    private java.net.Socket fake;
    private java.net.Socket bareSocket;
    private final byte[] buffer = new byte[1 << 16];

    /**
     * Opens the two connections.
     *
     * @param benchmark the shared benchmark state
     * @throws IOException when a connection fails
     */
    @Setup(Level.Trial)
    public void open(FakeThroughputBenchmark benchmark) throws IOException {
      fake = connect(benchmark.scim.url().getPort());
      bareSocket = connect(benchmark.bare.getPort());
    }

    private static java.net.Socket connect(int port) throws IOException {
      java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      return socket;
    }

    /**
     * Closes the connections.
     *
     * @throws IOException when closing fails
     */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      fake.close();
      bareSocket.close();
    }

    int get(java.net.Socket socket, URI uri, String authorization) throws IOException {
      String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      java.io.InputStream in = socket.getInputStream();
      int filled = 0;
      int headerEnd = -1;
      while (headerEnd < 0) {
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
          throw new IOException("connection closed");
        }
        filled += read;
        for (int i = 3; i < filled; i++) {
          if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
            headerEnd = i + 1;
            break;
          }
        }
      }
      String head = new String(buffer, 0, headerEnd, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (!head.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException("unexpected answer " + head.substring(0, Math.min(40, head.length())));
      }
      int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
      int length = Integer.parseInt(head.substring(at + 15, head.indexOf('\r', at)).trim());
      int remaining = length - (filled - headerEnd);
      while (remaining > 0) {
        int read = in.read(buffer, 0, Math.min(buffer.length, remaining));
        if (read < 0) {
          throw new IOException("connection closed");
        }
        remaining -= read;
      }
      return length;
    }
  }

  /**
   * Reads one user by id over the thread's own keep-alive socket.
   *
   * @param connection the thread's connection
   * @return the body length, consumed by JMH
   * @throws IOException when the request fails
   */
  @Benchmark
  public int getByIdRawSockets(RawConnection connection) throws IOException {
    return connection.get(connection.fake, userUris.get(ThreadLocalRandom.current().nextInt(userUris.size())),
        authorization);
  }

  /**
   * Reads the fixed user from the bare MockWebServer over the thread's own keep-alive socket.
   *
   * @param connection the thread's connection
   * @return the body length, consumed by JMH
   * @throws IOException when the request fails
   */
  @Benchmark
  public int mockWebServerBaselineRawSockets(RawConnection connection) throws IOException {
    return connection.get(connection.bareSocket, bareUri, authorization);
  }

  private int send(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("unexpected status " + response.statusCode());
    }
    return response.body().length;
  }

  /** Accepted sockets with {@code TCP_NODELAY}, as the fake's own (without it each keep-alive request waits ~40 ms). */
  private static final class NoDelaySockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return createServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }
}
