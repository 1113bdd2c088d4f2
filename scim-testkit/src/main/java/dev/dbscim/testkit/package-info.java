/**
 * In-memory fake of the Databricks SCIM service. Not yet implemented: this module currently ships no API.
 */
package dev.dbscim.testkit;
