package dev.dbscim.archfixture.client;

/** An architecture-rule fixture: the client using core's internal (breaks rule internal-core). */
public class ClientUsesCoreInternal {
  dev.dbscim.archfixture.core.internal.Parser parser;
}
