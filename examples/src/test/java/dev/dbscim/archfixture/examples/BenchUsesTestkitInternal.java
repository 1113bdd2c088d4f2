package dev.dbscim.archfixture.examples;

/** An architecture-rule fixture: a benchmark using the fake's internal (breaks rule internal-testkit). */
public class BenchUsesTestkitInternal {
  dev.dbscim.archfixture.testkit.internal.Router router;
}
