package dev.dbscim.archfixture.core;

/** An architecture-rule fixture: a core model. */
public class Model {

}
