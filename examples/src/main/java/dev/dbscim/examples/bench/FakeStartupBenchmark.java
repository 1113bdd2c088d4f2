package dev.dbscim.examples.bench;

import dev.dbscim.testkit.FakeScimServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures building, starting and closing a fresh {@link FakeScimServer} (the default: one account host and one
 * federated workspace host, so two MockWebServers), as a test using {@code @FakeScim} does once per test.
 *
 * <p>The goal from issue 4: under 5 ms per fake after the first, in a warm JVM (MockWebServer alone starts in about
 * 0.2 ms). Sample mode reports the percentiles (p50, p90, p99), which matter more than the mean here. Run from the
 * repository root:
 *
 * <pre>
 * mvn -B -Pbench -pl examples -am verify -DskipTests -Djmh.args="-f 1 -wi 5 -i 5 FakeStartupBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FakeStartupBenchmark {
  /**
   * Builds, starts and closes a default fake.
   *
   * @return the closed fake, consumed by JMH
   */
  @Benchmark
  public FakeScimServer startAndClose() {
    FakeScimServer scim = FakeScimServer.create().start();
    scim.close();
    return scim;
  }

  /**
   * Builds, starts and closes a fake with one account host only in use but three workspaces, to show how start-up
   * grows with the number of hosts.
   *
   * @return the closed fake, consumed by JMH
   */
  @Benchmark
  public FakeScimServer startAndCloseThreeWorkspaces() {
    FakeScimServer scim = FakeScimServer.builder().workspaces(3).build().start();
    scim.close();
    return scim;
  }
}
