package dev.dbscim.archfixture.testkit;

/** An architecture-rule fixture: the fake using the client (breaks rule testkit). */
public class FakeUsesClient {
  dev.dbscim.archfixture.client.Facade facade;
}
