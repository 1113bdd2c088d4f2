package dev.dbscim.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures the fake's own cost per request, without sockets or an HTTP client: the dispatcher of the account host
 * routes, authenticates, reads the store, writes the body and records the journal entry for requests built in
 * memory. The store holds 1,000 account users. This is the part of {@code FakeThroughputBenchmark} (examples) the
 * fake adds on top of MockWebServer, and it stays readable on a busy machine where end-to-end figures swing. It lives
 * next to the internal classes it drives, since no other module may use them.
 *
 * <p>Surefire runs it only when named (the class name does not end in {@code Test}); it prints microseconds per
 * request:
 *
 * <pre>
 * mvn -B -pl scim-testkit -am test -Dtest=FakeDispatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.rounds=200000
 * </pre>
 */
class FakeDispatchBenchmark {
  private static final String ACCOUNT = "acc";
  private FakeRouter router;
  private final List<RecordedRequest> gets = new ArrayList<>();
  private final List<RecordedRequest> pages = new ArrayList<>();
  private final List<RecordedRequest> userNameFilters = new ArrayList<>();
  private int next;

  private void seed() {
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
            + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8).replace("+", "%20"),
            headers));
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

  /** Serves {@code rounds} requests of one kind after as many for warm-up; returns microseconds per request. */
  private double measure(String kind, List<RecordedRequest> requests, int rounds) throws Exception {
    long bytes = 0;
    for (int i = 0; i < rounds; i++) {
      bytes += serve(requests);
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      bytes += serve(requests);
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
    System.out.printf(Locale.ROOT, "FakeDispatchBenchmark %-18s %8.2f us/request (%d rounds)%n", kind, micros, rounds);
    assertThat(bytes).isPositive();
    return micros;
  }

  @Test
  @Timeout(600)
  void dispatch_getPageAndFilter_costPerRequest() throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 200);
    seed();

    assertThat(measure("getById", gets, rounds)).isPositive();
    assertThat(measure("listPage", pages, rounds)).isPositive();
    assertThat(measure("filterByUserName", userNameFilters, rounds)).isPositive();
  }
}
