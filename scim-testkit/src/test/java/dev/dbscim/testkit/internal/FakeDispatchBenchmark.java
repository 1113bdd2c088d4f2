package dev.dbscim.examples.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dbscim.testkit.internal.FakeEngine;
import dev.dbscim.testkit.internal.FakeRouter;
import dev.dbscim.testkit.internal.FakeStore;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the fake's own cost per request, without sockets or an HTTP client: the dispatcher of the account host
 * routes, authenticates, reads the store, writes the body and records the journal entry for requests built in
 * memory. The store holds 1,000 account users. This is the part of {@link FakeThroughputBenchmark} the fake adds on
 * top of MockWebServer, and it stays readable on a busy machine where end-to-end figures swing.
 *
 * <pre>
 * mvn -B -Pbench -pl examples -am verify -DskipTests -Djmh.args="-f 1 -wi 5 -i 5 FakeDispatchBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FakeDispatchBenchmark {
  private static final String ACCOUNT = "acc";
  private FakeRouter router;
  private final List<RecordedRequest> gets = new ArrayList<>();
  private final List<RecordedRequest> pages = new ArrayList<>();
  private final List<RecordedRequest> userNameFilters = new ArrayList<>();
  private int next;

  /**
   * Seeds the store and builds the requests.
   *
   * @throws UnsupportedEncodingException never: UTF-8 is always supported
   */
  @Setup
  public void seed() throws UnsupportedEncodingException {
    FakeStore store = new FakeStore(ACCOUNT, Clock.systemUTC(), 10_000, 5_000);
    FakeEngine engine = new FakeEngine(store, ACCOUNT, Clock.systemUTC(), false, false, 10_000);
    engine.rotateAccountToken("token");
    router = new FakeRouter(engine, FakeStore.ACCOUNT);
    Headers headers = new Headers.Builder().add("Authorization", "Bearer token").add("Host", "127.0.0.1:40000")
        .add("User-Agent", "Java-http-client/17").add("Accept", "application/json").build();
    String base = "/api/2.0/accounts/" + ACCOUNT + "/scim/v2/Users";
    for (int i = 0; i < 1_000; i++) {
      String userName = "user" + i + "@example.com";
      String id = store.create(FakeStore.ACCOUNT, FakeStore.Kind.USER,
          JsonNodeFactory.instance.objectNode().put("userName", userName).put("displayName", "User " + i))
          .get("id").asText();
      gets.add(request(base + "/" + id, headers));
      if (i % 100 == 0) {
        pages.add(request(base + "?startIndex=" + (i + 1) + "&count=100", headers));
      }
      if (i % 10 == 0) {
        userNameFilters.add(request(base + "?filter="
            + URLEncoder.encode("userName eq \"" + userName + "\"", "UTF-8").replace("+", "%20"), headers));
      }
    }
  }

  private static RecordedRequest request(String target, Headers headers) {
    HttpUrl url = HttpUrl.get("http://127.0.0.1:40000" + target);
    return new RecordedRequest(0, 0, null, Collections.emptyList(), "GET", target, "HTTP/1.1", url, headers,
        ByteString.EMPTY, 0, Collections.emptyList(), null);
  }

  private long serve(List<RecordedRequest> requests) throws InterruptedException, IOException {
    MockResponse response = router.dispatch(requests.get(next++ % requests.size()));
    Buffer body = new Buffer();
    response.getBody().writeTo(body);
    return body.size();
  }

  /**
   * Serves a GET of one user by id.
   *
   * @return the body size, consumed by JMH
   * @throws Exception never in practice
   */
  @Benchmark
  public long getById() throws Exception {
    return serve(gets);
  }

  /**
   * Serves a page of 100 users.
   *
   * @return the body size, consumed by JMH
   * @throws Exception never in practice
   */
  @Benchmark
  public long listPage() throws Exception {
    return serve(pages);
  }

  /**
   * Serves a {@code userName eq} filter, the lookup every identity provider sends before creating a user.
   *
   * @return the body size, consumed by JMH
   * @throws Exception never in practice
   */
  @Benchmark
  public long filterByUserName() throws Exception {
    return serve(userNameFilters);
  }
}
