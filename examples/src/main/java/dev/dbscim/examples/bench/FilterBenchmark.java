package dev.dbscim.examples.bench;

import dev.dbscim.core.filter.Filter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures parsing a SCIM filter and rendering it back to its canonical string, on one thread.
 *
 * <p>The goal from the foundation issue: more than one million parse+render operations per second on one core for
 * the typical filters below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterBenchmark {
  /** Filters that real provisioning clients send, from simple to a value path. */
  @Param({
    "userName eq \"ada@example.com\"",
    "userName eq \"ada@example.com\" and active eq true",
    "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
    "(displayName sw \"data-\" or externalId pr) and not (meta.lastModified gt \"2011-05-13T04:42:34Z\")"
  })
  public String filter;

  /**
   * Parses the filter and renders it again.
   *
   * @return the rendered filter, consumed by JMH
   */
  @Benchmark
  public String parseAndRender() {
    return Filter.parse(filter).toString();
  }

  /**
   * Parses the filter only.
   *
   * @return the syntax tree, consumed by JMH
   */
  @Benchmark
  public Filter parse() {
    return Filter.parse(filter);
  }
}
