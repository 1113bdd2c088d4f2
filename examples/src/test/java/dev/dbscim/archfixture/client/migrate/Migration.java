package dev.dbscim.archfixture.client.migrate;

/** An architecture-rule fixture: migrate using sync (allowed). */
public class Migration {
  dev.dbscim.archfixture.client.sync.Engine engine;
}
