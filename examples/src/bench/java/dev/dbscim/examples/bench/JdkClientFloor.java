package dev.dbscim.examples.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The JDK client's own cost per request, with no JSON at all: 1,000 POSTs of a tiny body to {@link BenchScimServer},
 * response discarded, HTTP/1.1 and {@code executor(Runnable::run)}, once with {@code send} and once with
 * {@code sendAsync(..).get(timeout)}. This is the floor under any client built on {@code java.net.http.HttpClient}
 * (compare {@link ClientComparison}'s create budget). Same accounting as {@link ClientComparison}.
 *
 * <pre>
 * mvn -B -o -Pbench -pl examples -am verify -DskipTests -Dbench.main=dev.dbscim.examples.bench.JdkClientFloor
 * </pre>
 */
public final class JdkClientFloor {
  private JdkClientFloor() {}

  /**
   * Runs 40 rounds of each way (the first 30 are warm-up) and prints the last 10.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws Exception {
    try (BenchScimServer server = BenchScimServer.create(100)) {
      ThreadCosts costs = new ThreadCosts(server.threadIds());
      HttpClient http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Runnable::run)
          .build();
      URI uri = server.baseUri().resolve(BenchScimServer.USERS_PATH);
      byte[] body = "{\"userName\":\"floor@example.com\"}".getBytes(StandardCharsets.UTF_8);
      for (int round = 0; round < 40; round++) {
        for (boolean async : new boolean[] {false, true}) {
          ThreadCosts.Snapshot before = costs.snapshot();
          long start = System.nanoTime();
          for (int i = 0; i < 1000; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer floor")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
            HttpResponse<Void> response = async
                ? http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).get(30, TimeUnit.SECONDS)
                : http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 201) {
              throw new IllegalStateException("HTTP " + response.statusCode());
            }
          }
          long wall = System.nanoTime() - start;
          ThreadCosts.Delta delta = costs.snapshot().since(before);
          if (round >= 30) {
            System.out.printf(Locale.ROOT, "%-10s 1000 POSTs: wall %7.1f ms, cpu %6.1f ms, proc cpu %6.1f ms, "
                    + "alloc %6.2f MB (%.1f KB/request), threads started %d%n",
                async ? "sendAsync" : "send", wall / 1e6, delta.cpuNanos / 1e6, delta.processCpuNanos / 1e6,
                delta.allocatedBytes / 1e6, delta.allocatedBytes / 1e3 / 1000, delta.threadsStarted);
          }
        }
      }
    }
  }
}
