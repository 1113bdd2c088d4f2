package dev.dbscim.archfixture.testkit.internal;

/** An architecture-rule fixture: the fake's internal router. */
public class Router {

}
