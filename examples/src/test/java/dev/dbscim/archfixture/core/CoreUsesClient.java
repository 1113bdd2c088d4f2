package dev.dbscim.archfixture.core;

/** An architecture-rule fixture: core depending on the client (breaks rule core). */
public class CoreUsesClient {
  dev.dbscim.archfixture.client.Facade facade;
}
