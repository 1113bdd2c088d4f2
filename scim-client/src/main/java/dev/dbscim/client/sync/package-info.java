/**
 * Provisioning from an identity provider: the desired {@link dev.dbscim.client.sync.Directory} (users, service
 * principals, groups with their members, entitlements and workspace assignments), its JSON file format
 * ({@link dev.dbscim.client.sync.DirectoryJson}, described by the JSON Schema {@code directory.schema.json} next to
 * these classes), pluggable {@link dev.dbscim.client.sync.DirectorySource}s, and validation that reports every problem
 * at once before anything is sent.
 */
@ValueStyle
package dev.dbscim.client.sync;

import dev.dbscim.client.internal.ValueStyle;
