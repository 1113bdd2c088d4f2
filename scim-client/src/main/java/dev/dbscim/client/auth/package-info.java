/**
 * Credentials: bearer tokens (fixed, rotated through a supplier) and OAuth machine-to-machine for service principals.
 */
package dev.dbscim.client.auth;
