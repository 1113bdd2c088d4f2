package dev.dbscim.examples.bench;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncTarget;
import java.net.URI;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans a 10,000-user, 5,000-group, 100,000-membership directory against an equal-size current state (the state an
 * earlier sync left, with a 1% drift), without any request: directory validation, matching, attribute and membership
 * diffs, ordering. Goal from issue 5: under 300 ms and 200 MB. Run with the allocation profiler:
 *
 * <pre>
 * mvn -B -Pbench -pl examples -am verify -DskipTests -Djmh.args="-prof gc SyncPlanBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SyncPlanBenchmark {
  private SyncBenchData data;
  private ScimAccountClient client;
  private SyncEngine engine;

  /** Builds the inputs and an engine whose client is never called. */
  @Setup(Level.Trial)
  public void setUp() {
    data = SyncBenchData.of(10_000, 5_000, 100_000);
    client = ScimAccountClient.builder().endpoint(URI.create("https://accounts.cloud.databricks.com"))
        .accountId("00000000-0000-0000-0000-000000000000").credentials(TokenCredentials.of("unused")).build();
    engine = SyncEngine.builder().target(SyncTarget.account(client)).build();
  }

  /** Closes the client. */
  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  /**
   * Plans once.
   *
   * @return the plan
   */
  @Benchmark
  public SyncPlan plan() {
    return engine.plan(data.directory(), data.state());
  }
}
