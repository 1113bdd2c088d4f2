package dev.dbscim.archfixture.testkit;

/** An architecture-rule fixture: the fake using the client's internal (breaks rules testkit and internal-client). */
public class FakeUsesClientInternal {
  dev.dbscim.archfixture.client.internal.Transport transport;
}
