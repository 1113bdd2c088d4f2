package dev.dbscim.archfixture.client.internal;

/** An architecture-rule fixture: the client's internal transport. */
public class Transport {

}
