package dev.dbscim.archfixture.client;

/** An architecture-rule fixture: the client using the examples' internal (breaks rule internal-examples). */
public class ClientUsesExamplesInternal {
  dev.dbscim.archfixture.examples.internal.Helper helper;
}
