package dev.dbscim.archfixture.client;

/** An architecture-rule fixture: a facade using sync (breaks rule facades). */
public class FacadeUsesSync {
  dev.dbscim.archfixture.client.sync.Engine engine;
}
