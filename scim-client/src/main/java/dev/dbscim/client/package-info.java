/**
 * Account and workspace SCIM facades for Databricks. Not yet implemented: this module currently ships no API.
 */
package dev.dbscim.client;
