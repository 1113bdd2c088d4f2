/**
 * Account and workspace SCIM facades for Databricks over {@code java.net.http.HttpClient}.
 */
@ValueStyle
package dev.dbscim.client;

import dev.dbscim.client.internal.ValueStyle;
