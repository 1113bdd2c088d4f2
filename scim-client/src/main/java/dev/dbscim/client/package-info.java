/**
 * Account and workspace SCIM facades for Databricks over {@code java.net.http.HttpClient}.
 */
package dev.dbscim.client;
