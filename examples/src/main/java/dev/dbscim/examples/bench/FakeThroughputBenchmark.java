package dev.dbscim.examples.bench;

import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.internal.FakeSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
    bare.setServerSocketFactory(new FakeSockets());
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

  private int send(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("unexpected status " + response.statusCode());
    }
    return response.body().length;
  }
}
