/**
 * Migrations of Databricks identities, built on the facades and the {@link dev.dbscim.client.sync sync engine}: moving
 * workspace-local groups to account groups ({@link dev.dbscim.client.migrate.WorkspaceGroupMigration}) and moving
 * provisioning from workspace-level SCIM connectors to the account ({@link
 * dev.dbscim.client.migrate.WorkspaceToAccountMigration}). Every migration plans first (a value that prints as a table
 * and serialises to JSON; a dry run is a plan), changes nothing destructive without an explicit option, and derives its
 * progress from what it observes, so a run that was interrupted at any point is resumed by running it again.
 */
@ValueStyle
package dev.dbscim.client.migrate;

import dev.dbscim.client.internal.ValueStyle;
