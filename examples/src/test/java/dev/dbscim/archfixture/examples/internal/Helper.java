package dev.dbscim.archfixture.examples.internal;

/** An architecture-rule fixture: an examples internal class. */
public class Helper {

}
