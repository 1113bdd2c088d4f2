package dev.dbscim.archfixture.client.sync;

/** An architecture-rule fixture: sync using migrate (breaks rule sync). */
public class SyncUsesMigrate {
  dev.dbscim.archfixture.client.migrate.Migration migration;
}
