package dev.dbscim.archfixture.testkit;

/** An architecture-rule fixture: the fake using the models and its own internal (allowed). */
public class Fake {
  dev.dbscim.archfixture.core.Model model;
  dev.dbscim.archfixture.testkit.internal.Router router;
}
