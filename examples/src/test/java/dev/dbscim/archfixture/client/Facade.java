package dev.dbscim.archfixture.client;

/** An architecture-rule fixture: a facade using the models and its own internal (allowed). */
public class Facade {
  dev.dbscim.archfixture.core.Model model;
  dev.dbscim.archfixture.client.internal.Transport transport;
}
