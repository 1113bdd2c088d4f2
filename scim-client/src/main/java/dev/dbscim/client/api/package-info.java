/**
 * Resource APIs reached from the account and workspace facades, and the values they take, such as
 * {@link dev.dbscim.client.api.ListRequest}.
 */
package dev.dbscim.client.api;
