package dev.dbscim.archfixture.client.sync;

/** An architecture-rule fixture: sync built on the facades (allowed). */
public class Engine {
  dev.dbscim.archfixture.client.Facade facade;
}
