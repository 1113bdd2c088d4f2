/**
 * A {@link dev.dbscim.client.sync.DirectorySource} for Google Cloud Identity and Google Workspace, which have no SCIM
 * connector for Databricks: {@link dev.dbscim.client.sync.google.GoogleDirectorySource} reads users, groups and
 * members through the Admin SDK Directory API with {@link dev.dbscim.client.sync.google.GoogleCredentials} (a
 * service-account key with domain-wide delegation, or an access token). It uses only the JDK's HTTP client and
 * signature classes and Jackson; no Google library is needed.
 */
@ValueStyle
package dev.dbscim.client.sync.google;

import dev.dbscim.client.internal.ValueStyle;
