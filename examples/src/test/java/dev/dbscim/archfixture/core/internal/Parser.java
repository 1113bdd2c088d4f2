package dev.dbscim.archfixture.core.internal;

/** An architecture-rule fixture: a core internal class. */
public class Parser {

}
